import type { Db } from '../db/client.ts';
import { prepared } from '../db/prepared.ts';
import { payments } from '../db/schema.ts';

/**
 * The account's money as derived from its records: invoices (issued), approved payments, refunds
 * of them, and the allocations between payments and invoices (negative where money was taken
 * back). Nothing here stores a balance, and nothing recorded is changed or deleted: a refund or
 * a void is a new entry that takes back what the payment paid.
 */

/** What refunds (not voided) took back from the payment aliased `p`, in SQL. */
const REFUNDED_SQL = `coalesce((select sum(r.amount_cents) from payment_refunds r where r.payment_id = p.id and r.voided_at is null), 0)`;

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

/** What of the payment aliased `p` is neither refunded nor allocated to an invoice: credit, in SQL. */
const UNALLOCATED_SQL = `p.amount_cents - ${REFUNDED_SQL} - coalesce((select sum(pa.amount_cents) from payment_allocations pa where pa.payment_id = p.id), 0)`;

/** Approved payments of an account (or just one of them) with the part not yet allocated to any invoice. */
function unallocatedPayments(db: Db, accountId: number, paymentId?: number) {
  const statement = prepared(db as Db, 'ledger.unallocatedPayments', () =>
    db.$client.prepare(
      `select id, unallocated from (
         select p.id, p.received_at, ${UNALLOCATED_SQL} as unallocated
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

/** Accounts holding credit (approved money not allocated): a new invoice is paid from it at once. */
export function accountsWithCredit(db: Db): number[] {
  return db.$client.prepare(`select distinct p.account_id from payments p where p.status = 'approved' and ${UNALLOCATED_SQL} > 0`).pluck().all() as number[];
}

/** What the account owes in all (positive) or holds as credit (negative), in cents. */
export function accountBalanceCents(db: Db, accountId: number): number {
  const statement = prepared(db, 'ledger.accountBalance', () =>
    db.$client.prepare(
      `select coalesce((select sum(total_cents) from invoices where account_id = @account and state = 'issued'), 0)
            - coalesce((select sum(amount_cents) from payments where account_id = @account and status = 'approved'), 0)
            + coalesce((select sum(r.amount_cents) from payment_refunds r join payments p on p.id = r.payment_id
                        where p.account_id = @account and p.status = 'approved' and r.voided_at is null), 0)`,
    ),
  );
  return (statement.pluck().get({ account: accountId }) as number | undefined) ?? 0;
}

/** What the payment pays to each invoice now (allocations less what was taken back), newest invoice first. */
function paidInvoices(db: Db, paymentId: number) {
  return prepared(db, 'ledger.paidInvoices', () =>
    db.$client.prepare(
      `select pa.invoice_id as invoiceId, sum(pa.amount_cents) as paid from payment_allocations pa join invoices i on i.id = pa.invoice_id
       where pa.payment_id = ? group by pa.invoice_id having paid > 0 order by i.due_date desc, i.issue_date desc, i.id desc`,
    ),
  ).all(paymentId) as { invoiceId: number; paid: number }[];
}

/** Takes `amountCents` back from what the payment pays, newest invoice first (negative allocations). */
function takeBack(db: Db, paymentId: number, amountCents: number, refundId: number | null) {
  const allocate = prepared(db, 'ledger.takeBack', () => db.$client.prepare('insert into payment_allocations (payment_id, invoice_id, amount_cents, refund_id) values (?, ?, ?, ?)'));
  let left = amountCents;
  for (const { invoiceId, paid } of paidInvoices(db, paymentId)) {
    if (left <= 0) break;
    const amount = Math.min(left, paid);
    allocate.run(paymentId, invoiceId, -amount, refundId);
    left -= amount;
  }
}

/**
 * Records money given back on an approved payment (a refund at the gateway, its transaction
 * `transactionId`): the payment's credit is given back first, then what it paid to its newest
 * invoices, which are open again. Once per refund transaction: false when it was recorded before.
 */
export function recordRefund(db: Db, refund: { paymentId: number; amountCents: number; transactionId: string; refundedAt: string }): boolean {
  if (!Number.isInteger(refund.amountCents) || refund.amountCents <= 0) throw new RangeError('A refund is a positive number of cents.');
  return db.transaction(() => {
    const sqlite = db.$client;
    const credit = sqlite.prepare(`select ${UNALLOCATED_SQL} from payments p where p.id = ? and p.status = 'approved'`).pluck().get(refund.paymentId) as number | undefined;
    if (credit === undefined) throw new RangeError(`Payment ${refund.paymentId} is not an approved payment: nothing to refund.`);
    const inserted = sqlite
      .prepare('insert into payment_refunds (payment_id, amount_cents, refunded_at, gateway_transaction_id) values (?, ?, ?, ?) on conflict (gateway_transaction_id) do nothing returning id')
      .pluck()
      .get(refund.paymentId, refund.amountCents, refund.refundedAt, refund.transactionId) as number | undefined;
    if (inserted === undefined) return false;
    takeBack(db, refund.paymentId, refund.amountCents - Math.min(refund.amountCents, Math.max(credit, 0)), inserted);
    return true;
  });
}

/** A refund the gateway voided before settling it: the money it took back pays again (oldest open invoice first). False when there was no such refund, or it was voided before. */
export function cancelRefund(db: Db, transactionId: string, voidedAt: string): boolean {
  return db.transaction(() => {
    const sqlite = db.$client;
    const refund = sqlite
      .prepare('update payment_refunds set voided_at = ? where gateway_transaction_id = ? and voided_at is null returning payment_id as paymentId')
      .get(voidedAt, transactionId) as { paymentId: number } | undefined;
    if (!refund) return false;
    const accountId = sqlite.prepare("select account_id from payments where id = ? and status = 'approved'").pluck().get(refund.paymentId) as number | undefined;
    if (accountId !== undefined) allocateAccountCredit(db, accountId, refund.paymentId);
    return true;
  });
}

/** The gateway voided the payment: it no longer pays anything, and what it paid is open again. False when it was voided before. */
export function voidPayment(db: Db, paymentId: number, voidedAt: string): boolean {
  return db.transaction(() => {
    const voided = db.$client.prepare("update payments set status = 'voided', updated_at = ? where id = ? and status <> 'voided' returning id").get(voidedAt, paymentId);
    if (!voided) return false;
    takeBack(db, paymentId, paidInvoices(db, paymentId).reduce((sum, i) => sum + i.paid, 0), null);
    return true;
  });
}
