import type { Db } from '../db/client.ts';
import { prepared } from '../db/prepared.ts';
import { payments } from '../db/schema.ts';

/**
 * The account's money as derived from its records: invoices (issued), approved payments, and
 * the allocations between them. Nothing here stores a balance.
 */

/**
 * An invoice's balance in SQL, for an invoice aliased `i`: its total minus what payments were
 * allocated to it. The one definition every query of balances uses.
 */
export const INVOICE_BALANCE_SQL = `i.total_cents - coalesce((select sum(pa.amount_cents) from payment_allocations pa where pa.invoice_id = i.id), 0)`;

/** Issued invoices of an account that still have something to pay, oldest due first. */
function openInvoices(db: Db, accountId: number) {
  return prepared(db as Db, 'ledger.openInvoices', () =>
    db.$client.prepare(
      `select id, balance from (
         select i.id, i.due_date, i.issue_date, ${INVOICE_BALANCE_SQL} as balance
         from invoices i where i.account_id = ? and i.state = 'issued')
       where balance > 0 order by due_date, issue_date, id`,
    ),
  ).all(accountId) as { id: number; balance: number }[];
}

/** What the issued invoices of the account still ask for, in cents (credit not yet allocated aside). */
export function amountDueCents(db: Db, accountId: number): number {
  return openInvoices(db, accountId).reduce((sum, i) => sum + i.balance, 0);
}

/** Approved payments of an account (or just one of them) with the part not yet allocated to any invoice. */
function unallocatedPayments(db: Db, accountId: number, paymentId?: number) {
  const statement = prepared(db as Db, 'ledger.unallocatedPayments', () =>
    db.$client.prepare(
      `select id, unallocated from (
         select p.id, p.received_at, p.amount_cents - coalesce((select sum(pa.amount_cents) from payment_allocations pa where pa.payment_id = p.id), 0) as unallocated
         from payments p where p.account_id = @account and (@payment is null or p.id = @payment) and p.status = 'approved')
       where unallocated > 0 order by received_at, id`,
    ),
  );
  return statement.all({ account: accountId, payment: paymentId ?? null }) as { id: number; unallocated: number }[];
}

/**
 * Spreads every unallocated approved payment of the account (or only `paymentId`, when one
 * payment was just approved) over its open invoices, oldest first. Whatever is left stays as
 * credit for the next invoice. Idempotent: run it after a payment is approved and after
 * invoices are issued. Call it inside the caller's transaction (on the same connection).
 */
export function allocateAccountCredit(db: Db, accountId: number, paymentId?: number): void {
  const open = openInvoices(db, accountId);
  const allocate = prepared(db as Db, 'ledger.allocate', () => db.$client.prepare('insert into payment_allocations (payment_id, invoice_id, amount_cents) values (?, ?, ?)'));
  let next = 0;
  for (const payment of unallocatedPayments(db, accountId, paymentId)) {
    let left = payment.unallocated;
    while (left > 0 && next < open.length) {
      const invoice = open[next]!;
      const amount = Math.min(left, invoice.balance);
      allocate.run(payment.id, invoice.id, amount);
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
    // The same connection: these statements are part of the transaction.
    allocateAccountCredit(db, input.accountId);
    return row.id;
  });
}

/** What the account owes in all (positive) or holds as credit (negative), in cents. */
export function accountBalanceCents(db: Db, accountId: number): number {
  const statement = prepared(db, 'ledger.accountBalance', () =>
    db.$client.prepare(
      `select coalesce((select sum(total_cents) from invoices where account_id = @account and state = 'issued'), 0)
            - coalesce((select sum(amount_cents) from payments where account_id = @account and status = 'approved'), 0)`,
    ),
  );
  return (statement.pluck().get({ account: accountId }) as number | undefined) ?? 0;
}
