import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { invoices, paymentAllocations, payments } from '../db/schema.ts';

/**
 * The account's money as derived from its records: invoices (issued), approved payments, and
 * the allocations between them. Nothing here stores a balance.
 */

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Conn = Db | Tx;

const allocatedToInvoice = sql<number>`coalesce((select sum(pa.amount_cents) from payment_allocations pa where pa.invoice_id = ${invoices.id}), 0)`;

/** Issued invoices of an account that still have something to pay, oldest due first. */
function openInvoices(db: Conn, accountId: number) {
  return db
    .select({ id: invoices.id, balance: sql<number>`${invoices.totalCents} - ${allocatedToInvoice}` })
    .from(invoices)
    .where(and(eq(invoices.accountId, accountId), eq(invoices.state, 'issued'), sql`${invoices.totalCents} > ${allocatedToInvoice}`))
    .orderBy(asc(invoices.dueDate), asc(invoices.issueDate), asc(invoices.id))
    .all();
}

/** Approved payments of an account with the part not yet allocated to any invoice. */
function unallocatedPayments(db: Conn, accountId: number) {
  const allocated = sql<number>`coalesce((select sum(pa.amount_cents) from payment_allocations pa where pa.payment_id = ${payments.id}), 0)`;
  return db
    .select({ id: payments.id, unallocated: sql<number>`${payments.amountCents} - ${allocated}` })
    .from(payments)
    .where(and(eq(payments.accountId, accountId), eq(payments.status, 'approved'), sql`${payments.amountCents} > ${allocated}`))
    .orderBy(asc(payments.receivedAt), asc(payments.id))
    .all();
}

/**
 * Spreads every unallocated approved payment of the account over its open invoices, oldest
 * first. Whatever is left stays as credit for the next invoice. Idempotent: run it after a
 * payment is approved and after invoices are issued.
 */
export function allocateAccountCredit(db: Conn, accountId: number): void {
  const open = openInvoices(db, accountId);
  let next = 0;
  for (const payment of unallocatedPayments(db, accountId)) {
    let left = payment.unallocated;
    while (left > 0 && next < open.length) {
      const invoice = open[next]!;
      const amount = Math.min(left, invoice.balance);
      db.insert(paymentAllocations).values({ paymentId: payment.id, invoiceId: invoice.id, amountCents: amount }).run();
      left -= amount;
      invoice.balance -= amount;
      if (invoice.balance === 0) next++;
    }
  }
}

/** Records money already received outside the card gateway (cheque, bank transfer) and allocates it. */
export function recordReceivedPayment(
  db: Db,
  input: { accountId: number; amountCents: number; receivedAt: string; method: string },
): number {
  if (!Number.isInteger(input.amountCents) || input.amountCents <= 0) throw new RangeError('A payment is a positive number of cents.');
  return db.transaction((tx) => {
    const row = tx.insert(payments).values({ ...input, status: 'approved' }).returning({ id: payments.id }).get();
    allocateAccountCredit(tx, input.accountId);
    return row.id;
  });
}

/** What the account owes in all (positive) or holds as credit (negative), in cents. */
export function accountBalanceCents(db: Conn, accountId: number): number {
  const row = db.get<{ balance: number }>(sql`
    select coalesce((select sum(total_cents) from invoices where account_id = ${accountId} and state = 'issued'), 0)
         - coalesce((select sum(amount_cents) from payments where account_id = ${accountId} and status = 'approved'), 0) as balance`);
  return row?.balance ?? 0;
}
