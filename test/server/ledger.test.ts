import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, type Db } from '../../server/db/client.ts';
import { accounts, invoices, paymentAllocations } from '../../server/db/schema.ts';
import { accountBalanceCents, allocateAccountCredit, cancelRefund, recordReceivedPayment, recordRefund, voidPayment } from '../../server/services/ledger.ts';

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

/** An approved card payment, as the payments service leaves it, allocated oldest invoice first. */
function cardPayment(db: Db, accountId: number, amountCents: number) {
  const id = db.$client.prepare("insert into payments (account_id, amount_cents, received_at, method, status) values (?, ?, '2026-04-02', 'Credit card', 'approved') returning id").pluck().get(accountId, amountCents) as number;
  allocateAccountCredit(db, accountId, id);
  return id;
}

test('a refund gives back the credit first, then reopens the newest invoices the payment paid; recorded once per refund transaction', () => {
  const { db, accountId, invoiceIds } = accountWithInvoices([10_000, 5_000]);
  const paymentId = cardPayment(db, accountId, 17_000); // both bills, and 20.00 of credit
  assert.equal(accountBalanceCents(db, accountId), -2_000);
  assert.ok(recordRefund(db, { paymentId, amountCents: 3_000, transactionId: 'R1', refundedAt: '2026-04-10' }));
  assert.deepEqual(invoiceIds.map((id) => balanceOf(db, id)), [0, 1_000], 'the credit went first, then 10.00 of the newer bill');
  assert.equal(accountBalanceCents(db, accountId), 1_000);
  assert.equal(recordRefund(db, { paymentId, amountCents: 3_000, transactionId: 'R1', refundedAt: '2026-04-11' }), false, 'the same refund again');
  assert.ok(recordRefund(db, { paymentId, amountCents: 7_000, transactionId: 'R2', refundedAt: '2026-04-12' }));
  assert.deepEqual(invoiceIds.map((id) => balanceOf(db, id)), [3_000, 5_000]);
  assert.equal(accountBalanceCents(db, accountId), 8_000);
  // A bill issued later takes none of the refunded money.
  allocateAccountCredit(db, accountId);
  assert.deepEqual(invoiceIds.map((id) => balanceOf(db, id)), [3_000, 5_000]);
  const rows = db.$client.prepare('select count(*) from payment_allocations where amount_cents < 0 and refund_id is not null').pluck().get();
  assert.equal(rows, 3, 'taken back by new rows, nothing changed or deleted');
});

test('a refund voided before settlement pays again, oldest bill first; a voided payment pays nothing', () => {
  const { db, accountId, invoiceIds } = accountWithInvoices([10_000, 5_000]);
  const paymentId = cardPayment(db, accountId, 15_000);
  recordRefund(db, { paymentId, amountCents: 6_000, transactionId: 'R1', refundedAt: '2026-04-10' });
  assert.deepEqual(invoiceIds.map((id) => balanceOf(db, id)), [1_000, 5_000]);
  assert.ok(cancelRefund(db, 'R1', '2026-04-11'));
  assert.equal(cancelRefund(db, 'R1', '2026-04-12'), false, 'once');
  assert.deepEqual(invoiceIds.map((id) => balanceOf(db, id)), [0, 0]);
  assert.equal(accountBalanceCents(db, accountId), 0);

  const other = cardPayment(db, accountId, 2_500); // credit
  assert.equal(accountBalanceCents(db, accountId), -2_500);
  assert.ok(voidPayment(db, paymentId, '2026-04-13'));
  assert.equal(voidPayment(db, paymentId, '2026-04-14'), false, 'once');
  allocateAccountCredit(db, accountId);
  assert.deepEqual(invoiceIds.map((id) => balanceOf(db, id)), [7_500, 5_000], "the other payment's credit pays the oldest bill");
  assert.equal(accountBalanceCents(db, accountId), 12_500);
  assert.equal(db.$client.prepare('select status from payments where id = ?').pluck().get(other), 'approved');
});
