import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { prepared } from '../db/prepared.ts';
import { payments } from '../db/schema.ts';
import { GatewayOutcomeUnknown, GatewayRefused, type ChargeRequest, type ChargeResult, type PaymentSource } from '../gateway/authorize-net.ts';
import type { Background } from './background.ts';
import { DomainError, InputError } from './errors.ts';
import { accountBalanceCents, allocateAccountCredit } from './ledger.ts';
import type { Mailer } from '../mail/mailer.ts';
import { paymentReceiptMail, type PaymentMailFields } from '../mail/templates.ts';

/** What the payments service needs of a gateway (server/gateway/ provides it). */
export interface PaymentGateway {
  charge(request: ChargeRequest): Promise<ChargeResult>;
  findCharge(reference: string): Promise<ChargeResult | null>;
  chargeDetails(transId: string): Promise<{ result: ChargeResult; invoiceNumber: string | null }>;
}

export type PaymentStatus = (typeof payments.$inferSelect)['status'];

export interface PaymentView {
  id: number;
  date: string;
  amount: number;
  method: string;
  card: { brand: string; last4: string } | null;
  status: PaymentStatus;
  /** The gateway's words for the outcome, e.g. "This transaction has been declined." */
  message: string | null;
}

export interface CardPayment {
  accountId: number;
  /** Who paid (or signed up for autopay): the receipt goes to them. */
  userId: string | null;
  amountCents: number;
  idempotencyKey: string;
  /** A one-time token from the card frame, or the saved card of autopay. */
  source: PaymentSource;
  billTo?: { firstName: string; lastName: string; address: string; city: string; state: string; zip: string; country: string };
  /** How the history names it; "Credit card" unless said. */
  method?: 'Credit card' | 'Autopay';
  description?: string;
}

/** The same Idempotency-Key was sent with another request. */
export class IdempotencyConflict extends DomainError {
  override name = 'IdempotencyConflict';
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

type Row = typeof payments.$inferSelect;

export const paymentView = (p: Row): PaymentView => ({
  id: p.id,
  date: p.receivedAt,
  amount: p.amountCents,
  method: p.method,
  card: p.cardBrand && p.cardLast4 ? { brand: p.cardBrand, last4: p.cardLast4 } : null,
  status: p.status,
  message: p.resultMessage,
});

/** Where mail about payments goes out, and what it is signed with. */
export interface PaymentMailer {
  mailer: Mailer;
  providerName: string;
  portalUrl: string;
}

/**
 * The fields every mail about a payment has, for the user who made it (or signed up for the
 * autopay that made it), and the account's money format; null when that user is gone.
 */
export function paymentMail(db: Db, mailer: PaymentMailer, payment: Row, cardFallback: string) {
  const to = prepared(db, 'payments.mailTo', () =>
    db.$client.prepare('select u.email, u.name, a.number, a.name as accountName, a.currency from users u, accounts a where u.id = ? and a.id = ?'),
  ).get(payment.userId, payment.accountId) as { email: string; name: string; number: string; accountName: string; currency: string } | undefined;
  if (!to) return null;
  const money = (cents: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: to.currency }).format(cents / 100);
  const fields: PaymentMailFields = {
    to: to.email,
    name: to.name,
    providerName: mailer.providerName,
    accountNumber: to.number,
    accountName: to.accountName,
    amount: money(payment.amountCents),
    card: payment.cardBrand && payment.cardLast4 ? `${payment.cardBrand} ending in ${payment.cardLast4}` : cardFallback,
    portalUrl: mailer.portalUrl,
  };
  return { fields, money };
}

/** Lookups of an unanswered payment before "not found" is final: at 1, 3, 7 and 15 times the first delay. */
const SETTLE_ATTEMPTS = 4;

const STATUS_OF: Record<ChargeResult['outcome'], PaymentStatus> = { approved: 'approved', declined: 'declined', held: 'held', error: 'error' };

/**
 * Card payments. A payment row is written `pending` before the gateway is called, in its own
 * short transaction; nothing stays open across the call. The Idempotency-Key makes a retried or
 * doubled request the same payment: it is charged once and every copy gets the first result.
 * An unanswered call leaves the payment `unknown` until the gateway is asked about it.
 */
export interface PaymentsDeps {
  db: Db;
  gateway: PaymentGateway | null;
  background: Background;
  now: () => number;
  /** Receipts of approved payments go to the user who paid. */
  receipts: PaymentMailer;
  settleDelayMs?: number;
}

export function createPaymentsService(deps: PaymentsDeps) {
  const { db } = deps;
  const p = (name: string) => sql.placeholder(name);
  /** A placeholder where drizzle's update types want SQL. */
  const ps = (name: string) => sql`${sql.placeholder(name)}`;
  // Prepared once: a payment runs these on every request.
  const q = {
    byId: db.select().from(payments).where(eq(payments.id, p('id'))).prepare(),
    byKey: db.select().from(payments).where(and(eq(payments.accountId, p('account')), eq(payments.idempotencyKey, p('key')))).prepare(),
    insert: db
      .insert(payments)
      .values({
        accountId: p('accountId'), amountCents: p('amountCents'), receivedAt: p('receivedAt'), method: p('method'), status: p('status'),
        idempotencyKey: p('idempotencyKey'), requestFingerprint: p('requestFingerprint'), userId: p('userId'),
      })
      .returning()
      .prepare(),
    setReference: db.update(payments).set({ gatewayReference: ps('reference') }).where(eq(payments.id, p('id'))).returning().prepare(),
    setOutcome: db
      .update(payments)
      .set({
        status: ps('status'), resultCode: ps('resultCode'), resultMessage: ps('resultMessage'), gatewayTransactionId: ps('transactionId'),
        cardBrand: ps('cardBrand'), cardLast4: ps('cardLast4'), updatedAt: ps('updatedAt'),
      })
      .where(eq(payments.id, p('id')))
      .returning()
      .prepare(),
  };
  /** Payments whose gateway call is under way in this process: copies of the request wait on these. */
  const inFlight = new Map<number, Promise<PaymentView>>();
  /** Told of every payment that gets its final answer (autopay mails its failures through this). */
  const outcomeListeners: ((payment: Row) => void)[] = [];
  const reference = (id: number) => `BP${String(id).padStart(10, '0')}`;

  /** Mails the receipt of an approved payment to the user who made it. */
  function sendReceipt(payment: Row) {
    const mail = paymentMail(db, deps.receipts, payment, 'card');
    if (!mail) return;
    const balance = accountBalanceCents(db, payment.accountId);
    deps.receipts.mailer.send(
      paymentReceiptMail({
        ...mail.fields,
        transactionId: payment.gatewayTransactionId ?? '—',
        date: payment.receivedAt.slice(0, 10),
        balance: balance < 0 ? `${mail.money(-balance)} credit` : mail.money(balance),
      }),
    );
  }

  function record(id: number, result: ChargeResult | { outcome: 'unknown' | 'error'; code: string; message: string }) {
    const status: PaymentStatus = result.outcome === 'unknown' ? 'unknown' : STATUS_OF[result.outcome];
    const card = 'last4' in result ? result : null;
    const row = recordOutcome(id, status, result, card);
    if (status === 'approved') sendReceipt(row);
    if (status !== 'unknown') for (const listener of outcomeListeners) listener(row);
    return row;
  }

  function recordOutcome(id: number, status: PaymentStatus, result: { code: string; message: string }, card: ChargeResult | null) {
    return db.transaction(() => {
      const row = q.setOutcome.get({
        id,
        status,
        resultCode: result.code,
        resultMessage: result.message,
        transactionId: card?.transactionId ?? null,
        cardBrand: card?.cardBrand ?? null,
        cardLast4: card?.last4 ?? null,
        updatedAt: new Date(deps.now()).toISOString(),
      })!;
      // Approved money goes to the oldest open invoices; what is left is credit.
      if (status === 'approved') allocateAccountCredit(db, row.accountId, row.id);
      return row;
    });
  }

  /**
   * Asks the gateway what became of an unanswered payment, and records it. The gateway may still
   * be working on a late request: "no such charge" only counts as final when `final` says enough
   * time has passed; otherwise the payment stays unknown.
   */
  async function settle(id: number, final = true): Promise<PaymentView | null> {
    const row = q.byId.get({ id });
    if (!row || !deps.gateway || (row.status !== 'unknown' && row.status !== 'pending')) return row ? paymentView(row) : null;
    const found = await deps.gateway.findCharge(row.gatewayReference!);
    if (found) return paymentView(record(id, found));
    if (!final) return paymentView(row);
    return paymentView(record(id, { outcome: 'error', code: 'NOT_FOUND', message: 'The gateway has no record of this payment: nothing was charged.' }));
  }

  /** Asks again and again, waiting longer each time, before taking "no such charge" as the answer. */
  async function settleLater(id: number) {
    let wait = deps.settleDelayMs ?? 5_000;
    for (let attempt = 1; attempt <= SETTLE_ATTEMPTS; attempt++, wait *= 2) {
      await new Promise((r) => setTimeout(r, wait));
      const view = await settle(id, attempt === SETTLE_ATTEMPTS);
      if (view?.status !== 'unknown') return;
    }
  }

  async function charge(row: Row, input: CardPayment): Promise<PaymentView> {
    try {
      const result = await deps.gateway!.charge({
        amountCents: input.amountCents,
        source: input.source,
        invoiceNumber: row.gatewayReference!,
        description: input.description ?? 'Payment on account',
        ...(input.billTo ? { billTo: input.billTo } : {}),
      });
      return paymentView(record(row.id, result));
    } catch (err) {
      if (err instanceof GatewayRefused) return paymentView(record(row.id, { outcome: 'error', code: err.code, message: err.message }));
      if (!(err instanceof GatewayOutcomeUnknown)) throw err;
      const view = paymentView(record(row.id, { outcome: 'unknown', code: 'UNKNOWN', message: 'We are confirming this payment with the card processor.' }));
      // Give the gateway time to finish what it may have started, then ask it.
      deps.background.run(`settle payment ${row.id}`, () => settleLater(row.id));
      return view;
    }
  }

  /**
   * A transaction the gateway tells us about (a webhook): the payment it belongs to takes the
   * outcome the gateway now reports (a held charge approved or declined on review, an
   * unanswered one found). The gateway is asked, not the notification believed. Says what changed.
   */
  async function applyGatewayTransaction(transId: string): Promise<string> {
    if (!deps.gateway) return 'no gateway';
    const { result, invoiceNumber } = await deps.gateway.chargeDetails(transId);
    const row =
      db.select().from(payments).where(eq(payments.gatewayTransactionId, transId)).get() ??
      (invoiceNumber ? db.select().from(payments).where(eq(payments.gatewayReference, invoiceNumber)).get() : undefined);
    if (!row) return `transaction ${transId} is not one of ours`;
    const status = STATUS_OF[result.outcome];
    if (status === row.status) return `payment ${row.id} already ${status}`;
    // Only answers still open change: an approved or refused payment is final here.
    if (!['pending', 'unknown', 'held'].includes(row.status)) return `payment ${row.id} stays ${row.status}`;
    record(row.id, result);
    return `payment ${row.id} ${status}`;
  }

  return {
    /** Charges a card once per Idempotency-Key; copies of the request get the first one's result. */
    async payByCard(input: CardPayment): Promise<PaymentView> {
      if (!deps.gateway) throw new InputError('Card payments are not available: no payment gateway is configured.');
      const fingerprint = `amount:${input.amountCents}`;
      // Synchronous check-and-insert: no other request of this process can come between.
      const { row, created } = db.transaction(() => {
        const existing = q.byKey.get({ account: input.accountId, key: input.idempotencyKey });
        if (existing) return { row: existing, created: false };
        const inserted = q.insert.get({
          accountId: input.accountId,
          amountCents: input.amountCents,
          receivedAt: new Date(deps.now()).toISOString(),
          method: input.method ?? 'Credit card',
          status: 'pending',
          idempotencyKey: input.idempotencyKey,
          requestFingerprint: fingerprint,
          userId: input.userId,
        })!;
        return { row: q.setReference.get({ id: inserted.id, reference: reference(inserted.id) })!, created: true };
      });
      if (!created) {
        if (row.requestFingerprint !== fingerprint) throw new IdempotencyConflict('This Idempotency-Key was used for a different payment. Use a new key for a new payment.');
        return (await inFlight.get(row.id)) ?? paymentView(row);
      }
      const pending = charge(row, input).finally(() => inFlight.delete(row.id));
      inFlight.set(row.id, pending);
      return pending;
    },

    list(accountId: number): PaymentView[] {
      return db.select().from(payments).where(eq(payments.accountId, accountId)).orderBy(desc(payments.receivedAt), desc(payments.id)).all().map(paymentView);
    },

    /** Settles payments left unknown (or pending by a process that stopped mid-call). */
    async settleOpen(): Promise<void> {
      const open = db.select({ id: payments.id }).from(payments).where(eq(payments.status, 'unknown')).all();
      const stalePending = db.select({ id: payments.id, at: payments.receivedAt }).from(payments).where(eq(payments.status, 'pending')).all()
        .filter((p) => deps.now() - Date.parse(p.at) > 10 * 60_000 && !inFlight.has(p.id));
      for (const p of [...open, ...stalePending]) await settle(p.id);
    },

    settle,
    applyGatewayTransaction,
    onOutcome: (listener: (payment: Row) => void) => void outcomeListeners.push(listener),
    byId: (id: number) => q.byId.get({ id }),
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
