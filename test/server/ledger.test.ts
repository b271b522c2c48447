import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, type Db } from '../../server/db/client.ts';
import { accounts, invoices, paymentAllocations } from '../../server/db/schema.ts';
import { accountBalanceCents, allocateAccountCredit, recordReceivedPayment } from '../../server/services/ledger.ts';

function accountWithInvoices(totals: number[]): { db: Db; accountId: number; invoiceIds: number[] } {
  const db = openDatabase(':memory:');
  const { id: accountId } = db
    .insert(accounts)
    .values({ number: 'C100001', name: 'Ledger Test Co', addressLine1: '1 Main St', city: 'Reno', region: 'NV', postalCode: '89501' })
    .returning({ id: accounts.id })
    .get();
  const invoiceIds = totals.map((total, i) => {
    const month = String(i + 1).padStart(2, '0');
    return db
      .insert(invoices)
      .values({
        number: `INV-2026${month}`, accountId, period: `2026-${month}`, issueDate: `2026-${month}-01`, dueDate: `2026-${month}-28`,
        termsDays: 30, subtotalCents: total, taxCents: 0, totalCents: total,
      })
      .returning({ id: invoices.id })
      .get().id;
  });
  return { db, accountId, invoiceIds };
}

const balanceOf = (db: Db, invoiceId: number) =>
  db.get<{ b: number }>(sql`select total_cents - coalesce((select sum(amount_cents) from payment_allocations where invoice_id = ${invoiceId}), 0) as b from invoices where id = ${invoiceId}`)!.b;

test('a payment pays the oldest invoices first and leaves the rest open', () => {
  const { db, accountId, invoiceIds } = accountWithInvoices([10_000, 5_000, 7_500]);
  recordReceivedPayment(db, { accountId, amountCents: 12_000, receivedAt: '2026-04-02', method: 'check' });
  assert.deepEqual(invoiceIds.map((id) => balanceOf(db, id)), [0, 3_000, 7_500]);
  assert.equal(accountBalanceCents(db, accountId), 10_500);
});

test('an overpayment stays as credit and goes to the next invoice once it is issued', () => {
  const { db, accountId, invoiceIds } = accountWithInvoices([4_000]);
  recordReceivedPayment(db, { accountId, amountCents: 6_000, receivedAt: '2026-01-20', method: 'check' });
  assert.equal(balanceOf(db, invoiceIds[0]!), 0);
  assert.equal(accountBalanceCents(db, accountId), -2_000, 'the extra 20.00 is credit');

  const next = db
    .insert(invoices)
    .values({ number: 'INV-202602', accountId, period: '2026-02', issueDate: '2026-02-01', dueDate: '2026-03-03', termsDays: 30, subtotalCents: 3_000, taxCents: 0, totalCents: 3_000 })
    .returning({ id: invoices.id })
    .get();
  allocateAccountCredit(db, accountId);
  allocateAccountCredit(db, accountId); // a second call must not allocate the same money twice
  assert.equal(balanceOf(db, next.id), 1_000);
  const allocated = db.select({ total: sql<number>`sum(amount_cents)` }).from(paymentAllocations).get()!.total;
  assert.equal(allocated, 6_000, 'never more than was paid');
});

test('a void invoice takes no money', () => {
  const { db, accountId, invoiceIds } = accountWithInvoices([2_000, 3_000]);
  db.update(invoices).set({ state: 'void' }).where(eq(invoices.id, invoiceIds[0]!)).run();
  recordReceivedPayment(db, { accountId, amountCents: 3_000, receivedAt: '2026-03-01', method: 'check' });
  assert.equal(balanceOf(db, invoiceIds[0]!), 2_000);
  assert.equal(balanceOf(db, invoiceIds[1]!), 0);
  assert.equal(accountBalanceCents(db, accountId), 0);
});

test('zero, negative and fractional payments are refused and store nothing', () => {
  const { db, accountId } = accountWithInvoices([1_000]);
  for (const amountCents of [0, -500, 10.5]) {
    assert.throws(() => recordReceivedPayment(db, { accountId, amountCents, receivedAt: '2026-01-05', method: 'check' }), RangeError);
  }
  assert.equal(db.get<{ n: number }>(sql`select count(*) as n from payments`)!.n, 0);
});
