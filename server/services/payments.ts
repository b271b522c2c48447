import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { prepared } from '../db/prepared.ts';
import { paymentRefunds, payments } from '../db/schema.ts';
import { GatewayOutcomeUnknown, GatewayRefused, type ChargeRequest, type ChargeResult, type GatewayTransaction, type PaymentSource } from '../gateway/authorize-net.ts';
import type { Background } from './background.ts';
import { DomainError, InputError } from './errors.ts';
import { accountBalanceCents, allocateAccountCredit, cancelRefund, recordRefund, voidPayment } from './ledger.ts';
import { formatterFor, languageOrEnglish, messagesFor } from '../i18n/messages.ts';
import { startProcessLease } from './process-lease.ts';
import { senderOfAccount } from './resellers/brand.ts';
import type { Mailer } from '../mail/mailer.ts';
import { paymentReceiptMail, type PaymentMailFields } from '../mail/templates.ts';

/** What the payments service needs of a gateway (server/gateway/ provides it). */
export interface PaymentGateway {
  /** The currencies the merchant account takes. */
  readonly currencies: readonly string[];
  charge(request: ChargeRequest): Promise<ChargeResult>;
  findCharge(reference: string): Promise<ChargeResult | null>;
  transaction(transId: string): Promise<GatewayTransaction>;
}

export type PaymentStatus = (typeof payments.$inferSelect)['status'];
export type KeyScope = (typeof payments.$inferSelect)['keyScope'];

export interface PaymentView {
  id: number;
  date: string;
  amount: number;
  method: string;
  card: { brand: string; last4: string } | null;
  status: PaymentStatus;
  /** The gateway's words for the outcome, e.g. "This transaction has been declined." */
  message: string | null;
  /** Money given back on it, oldest first. */
  refunds: RefundView[];
}

export interface RefundView {
  id: number;
  date: string;
  amount: number;
}

export interface CardPayment {
  accountId: number;
  /** Who paid (or signed up for autopay): the receipt goes to them. */
  userId: string | null;
  amountCents: number;
  idempotencyKey: string;
  /** Whose key it is (see payments.key_scope): a client's unless said. */
  keyScope?: KeyScope;
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

/** The result code of a payment the gateway has no record of (after asking long enough). */
const NOT_FOUND = 'NOT_FOUND';

export const paymentView = (p: Row, refunds: RefundView[] = []): PaymentView => ({
  id: p.id,
  date: p.receivedAt,
  amount: p.amountCents,
  method: p.method,
  card: p.cardBrand && p.cardLast4 ? { brand: p.cardBrand, last4: p.cardLast4 } : null,
  status: p.status,
  message: p.resultMessage,
  refunds,
});

/** Where mail about payments goes out, and who sends it when the account has no reseller. */
export interface PaymentMailer {
  mailer: Mailer;
  providerName: string;
  portalUrl: string;
}

/**
 * The fields every mail about a payment has, for the user who made it (or signed up for the
 * autopay that made it), and the account's money format; null when that user is gone.
 */
export function paymentMail(db: Db, mailer: PaymentMailer, payment: Row, cardFallback: 'card' | 'cardOnFile') {
  const to = prepared(db, 'payments.mailTo', () =>
    db.$client.prepare('select u.email, u.name, u.language, a.number, a.name as accountName, a.currency from users u, accounts a where u.id = ? and a.id = ?'),
  ).get(payment.userId, payment.accountId) as { email: string; name: string; language: string | null; number: string; accountName: string; currency: string } | undefined;
  if (!to) return null;
  // In the payer's language: its words, money and dates.
  const language = languageOrEnglish(to.language);
  const format = formatterFor(language);
  const t = messagesFor(language).mail;
  const money = (cents: number) => format.money(cents, to.currency);
  const fields: PaymentMailFields = {
    to: to.email,
    name: to.name,
    language,
    // The account's reseller's brand, or the provider.
    sender: senderOfAccount(db, payment.accountId, { name: mailer.providerName, portalUrl: mailer.portalUrl }),
    accountNumber: to.number,
    accountName: to.accountName,
    amount: money(payment.amountCents),
    card: payment.cardBrand && payment.cardLast4 ? t.cardEnding(payment.cardBrand, payment.cardLast4) : t[cardFallback],
  };
  return { fields, money, date: format.date, credit: t.credit };
}

/** Lookups of an unanswered payment before "not found" is final: at 1, 3, 7 and 15 times the first delay. */
const SETTLE_ATTEMPTS = 4;

const STATUS_OF: Record<ChargeResult['outcome'], PaymentStatus> = { approved: 'approved', declined: 'declined', held: 'held', error: 'error', voided: 'voided' };

/** A refund the gateway made (or is settling): anything else (declined, voided) gives nothing back. */
const REFUNDED = ['refundPendingSettlement', 'refundSettledSuccessfully'];

/** The gateway has not told us yet what became of these: the process that owns them must find out. */
const AWAITING_GATEWAY: PaymentStatus[] = ['pending', 'unknown'];

/**
 * Card payments. A payment row is written `pending` before the gateway is called, in its own
 * short transaction; nothing stays open across the call. The Idempotency-Key makes a retried or
 * doubled request the same payment: it is charged once and every copy gets the first result.
 * An unanswered call leaves the payment `unknown` until the gateway is asked about it.
 *
 * Each payment awaiting the gateway belongs to the process that made it (its lease, see
 * process-lease.ts); when that process is gone (a crash mid-call), another takes the payment
 * over and asks the gateway, soon after it starts and whenever the payment's key is retried.
 */
export interface PaymentsDeps {
  db: Db;
  gateway: PaymentGateway | null;
  background: Background;
  now: () => number;
  /** Receipts of approved payments go to the user who paid. */
  receipts: PaymentMailer;
  settleDelayMs?: number;
  /** A process whose lease is this old is gone (PAYMENT_LEASE_SECONDS). */
  leaseMs?: number;
}

const accountCurrency = (db: Db, accountId: number) =>
  prepared(db, 'accounts.currency', () => db.$client.prepare('select currency from accounts where id = ?').pluck()).get(accountId) as string;

/**
 * The currency an account's cards are charged in: the one it bills in, if the merchant account
 * takes it. Otherwise InputError, before anything is recorded or sent: a card charged in another
 * currency than the bill's would pay a different amount.
 */
export function cardCurrencyOf(db: Db, gateway: { readonly currencies: readonly string[] }, accountId: number): string {
  const currency = accountCurrency(db, accountId);
  if (!gateway.currencies.includes(currency)) {
    const number = prepared(db, 'accounts.number', () => db.$client.prepare('select number from accounts where id = ?').pluck()).get(accountId) as string;
    throw new InputError(`Card payments are taken in ${gateway.currencies.join(', ')}; account ${number} bills in ${currency}. Nothing was charged.`);
  }
  return currency;
}

export function createPaymentsService(deps: PaymentsDeps) {
  const { db } = deps;
  const p = (name: string) => sql.placeholder(name);
  /** A placeholder where drizzle's update types want SQL. */
  const ps = (name: string) => sql`${sql.placeholder(name)}`;
  // Prepared once: a payment runs these on every request.
  const q = {
    byId: db.select().from(payments).where(eq(payments.id, p('id'))).prepare(),
    byTransaction: db.select().from(payments).where(eq(payments.gatewayTransactionId, p('transId'))).prepare(),
    byReference: db.select().from(payments).where(eq(payments.gatewayReference, p('reference'))).prepare(),
    refundsOf: db
      .select({ id: paymentRefunds.id, paymentId: paymentRefunds.paymentId, date: paymentRefunds.refundedAt, amount: paymentRefunds.amountCents })
      .from(paymentRefunds)
      .innerJoin(payments, eq(payments.id, paymentRefunds.paymentId))
      .where(and(eq(payments.accountId, p('account')), isNull(paymentRefunds.voidedAt)))
      .orderBy(paymentRefunds.refundedAt, paymentRefunds.id)
      .prepare(),
    byKey: db
      .select()
      .from(payments)
      .where(and(eq(payments.accountId, p('account')), eq(payments.keyScope, p('scope')), eq(payments.idempotencyKey, p('key'))))
      .prepare(),
    awaitingGateway: db.select().from(payments).where(inArray(payments.status, AWAITING_GATEWAY)).prepare(),
    insert: db
      .insert(payments)
      .values({
        accountId: p('accountId'), amountCents: p('amountCents'), receivedAt: p('receivedAt'), method: p('method'), status: p('status'),
        keyScope: p('keyScope'), idempotencyKey: p('idempotencyKey'), requestFingerprint: p('requestFingerprint'), userId: p('userId'), ownerId: p('ownerId'),
      })
      .returning()
      .prepare(),
    setReference: db.update(payments).set({ gatewayReference: ps('reference') }).where(eq(payments.id, p('id'))).returning().prepare(),
    /**
     * The gateway's answer, taken only while the payment still waits for one: whoever records
     * first (the owner, a process that took over, a notification) wins, and the others change
     * nothing. A transaction found after all overrides an earlier "no record of it".
     */
    setOutcome: db
      .update(payments)
      .set({
        status: ps('status'), resultCode: ps('resultCode'), resultMessage: ps('resultMessage'), gatewayTransactionId: ps('transactionId'),
        cardBrand: ps('cardBrand'), cardLast4: ps('cardLast4'), updatedAt: ps('updatedAt'),
      })
      .where(
        and(
          eq(payments.id, p('id')),
          or(
            inArray(payments.status, [...AWAITING_GATEWAY, 'held']),
            and(eq(payments.status, 'error'), eq(payments.resultCode, NOT_FOUND), sql`${p('transactionId')} is not null`),
          ),
        ),
      )
      .returning()
      .prepare(),
    setUnknown: db
      .update(payments)
      .set({ status: 'unknown', resultCode: 'UNKNOWN', resultMessage: 'We are confirming this payment with the card processor.', updatedAt: ps('updatedAt') })
      .where(and(eq(payments.id, p('id')), eq(payments.status, 'pending')))
      .returning()
      .prepare(),
    /** Takes a payment over from the process named `previous`: only one process can. */
    takeOver: db
      .update(payments)
      .set({ ownerId: ps('owner') })
      .where(and(eq(payments.id, p('id')), sql`${payments.ownerId} is ${p('previous')}`, inArray(payments.status, AWAITING_GATEWAY)))
      .returning()
      .prepare(),
  };
  const lease = startProcessLease(db, { now: deps.now, leaseMs: deps.leaseMs ?? 30_000 });
  /** Payments whose gateway call (or first lookup) is under way here: copies of the request wait on these. */
  const inFlight = new Map<number, Promise<PaymentView>>();
  /** Payments this process is asking the gateway about, in the background. */
  const settling = new Set<number>();
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
        date: mail.date(payment.receivedAt),
        balance: balance < 0 ? mail.credit(mail.money(-balance)) : mail.money(balance),
      }),
    );
  }

  /** Records the gateway's answer (once: see setOutcome) and allocates approved money; returns the payment as it now stands. */
  function record(id: number, result: ChargeResult | { outcome: 'error'; code: string; message: string }): Row {
    const status = STATUS_OF[result.outcome];
    const card = 'last4' in result ? result : null;
    const row = db.transaction(() => {
      const updated = q.setOutcome.get({
        id,
        status,
        resultCode: result.code,
        resultMessage: result.message,
        transactionId: card?.transactionId ?? null,
        cardBrand: card?.cardBrand ?? null,
        cardLast4: card?.last4 ?? null,
        updatedAt: new Date(deps.now()).toISOString(),
      });
      // Approved money goes to the oldest open invoices; what is left is credit.
      if (updated?.status === 'approved') allocateAccountCredit(db, updated.accountId, updated.id);
      return updated;
    });
    if (!row) return q.byId.get({ id })!;
    if (status === 'approved') sendReceipt(row);
    for (const listener of outcomeListeners) listener(row);
    return row;
  }

  /** No answer yet: the payment is unknown until the gateway is asked about it. */
  function markUnknown(id: number): Row {
    return q.setUnknown.get({ id, updatedAt: new Date(deps.now()).toISOString() }) ?? q.byId.get({ id })!;
  }

  /**
   * Asks the gateway what became of an unanswered payment, and records it. The gateway may still
   * be working on a late request: "no such charge" only counts as final when `final` says enough
   * time has passed; otherwise the payment stays as it is.
   */
  async function settle(id: number, final = true): Promise<Row | undefined> {
    const row = q.byId.get({ id });
    if (!row || !deps.gateway || !AWAITING_GATEWAY.includes(row.status)) return row;
    const found = await deps.gateway.findCharge(row.gatewayReference!);
    if (found) return record(id, found);
    if (!final) return row;
    return record(id, { outcome: 'error', code: NOT_FOUND, message: 'The gateway has no record of this payment: nothing was charged.' });
  }

  /** Asks again and again in the background, waiting longer each time, before taking "no such charge" as the answer. */
  function settleLater(id: number) {
    settling.add(id);
    deps.background.run(`settle payment ${id}`, async () => {
      try {
        let wait = deps.settleDelayMs ?? 5_000;
        for (let attempt = 1; attempt <= SETTLE_ATTEMPTS; attempt++, wait *= 2) {
          await new Promise((r) => setTimeout(r, wait));
          const row = await settle(id, attempt === SETTLE_ATTEMPTS);
          if (row?.status !== 'unknown') return;
        }
      } finally {
        // Should a lookup fail, the payment is ours but idle: the next sweep takes it up again.
        settling.delete(id);
      }
    });
  }

  async function charge(row: Row, input: CardPayment, currency: string): Promise<PaymentView> {
    try {
      const result = await deps.gateway!.charge({
        amountCents: input.amountCents,
        currency,
        source: input.source,
        invoiceNumber: row.gatewayReference!,
        description: input.description ?? 'Payment on account',
        ...(input.billTo ? { billTo: input.billTo } : {}),
      });
      return paymentView(record(row.id, result));
    } catch (err) {
      if (err instanceof GatewayRefused) return paymentView(record(row.id, { outcome: 'error', code: err.code, message: err.message }));
      if (!(err instanceof GatewayOutcomeUnknown)) throw err;
      const view = paymentView(markUnknown(row.id));
      // Give the gateway time to finish what it may have started, then ask it.
      settleLater(row.id);
      return view;
    }
  }

  /** Whether this process should find out what became of a payment awaiting the gateway: its owner is gone, or is this process and dropped it. */
  const orphaned = (row: Row) =>
    AWAITING_GATEWAY.includes(row.status) && !inFlight.has(row.id) && !settling.has(row.id) && (row.ownerId === lease.id || lease.isGone(row.ownerId));

  /**
   * Takes over a payment whose process is gone and asks the gateway about it at once: found,
   * it is recorded; not (yet) found, it is unknown and asked about again later, as any
   * unanswered payment. Another process may take it first; then this one leaves it alone.
   */
  function takeOver(row: Row): Promise<PaymentView> {
    const mine = q.takeOver.get({ id: row.id, owner: lease.id, previous: row.ownerId });
    if (!mine) return Promise.resolve(paymentView(q.byId.get({ id: row.id })!));
    const first = (async () => {
      // A gateway that does not answer now is asked again later, like one that has no record yet.
      const looked = await settle(mine.id, false).catch((err: unknown) => {
        if (err instanceof GatewayOutcomeUnknown || err instanceof GatewayRefused) return undefined;
        throw err;
      });
      if (looked && !AWAITING_GATEWAY.includes(looked.status)) return paymentView(looked);
      const view = paymentView(markUnknown(mine.id));
      settleLater(mine.id);
      return view;
    })().finally(() => inFlight.delete(mine.id));
    inFlight.set(mine.id, first);
    return first;
  }

  /**
   * A transaction the gateway tells us about (a webhook): the gateway is asked about it, not the
   * notification believed, and the payment it belongs to takes what the gateway now reports (a
   * held charge approved or declined on review, an unanswered one found, a charge voided, a
   * refund made or voided). Applying it twice changes nothing. Says what changed.
   */
  async function applyGatewayTransaction(transId: string): Promise<string> {
    if (!deps.gateway) return 'no gateway';
    const t = await deps.gateway.transaction(transId);
    if (t.type === 'refundTransaction') return applyRefund(t);
    const row = q.byTransaction.get({ transId }) ?? (t.invoiceNumber ? q.byReference.get({ reference: t.invoiceNumber }) : undefined);
    if (!row) return `transaction ${transId} is not one of ours`;
    const status = STATUS_OF[t.result.outcome];
    if (status === row.status) return `payment ${row.id} already ${status}`;
    if (status === 'voided') return voidPayment(db, row.id, new Date(deps.now()).toISOString()) ? `payment ${row.id} voided` : `payment ${row.id} already voided`;
    const recorded = record(row.id, t.result);
    // Only answers still open change: an approved or refused payment is final here.
    return recorded.status === status ? `payment ${row.id} ${status}` : `payment ${row.id} stays ${recorded.status}`;
  }

  /** A refund at the gateway: recorded once against the payment it pays back; a voided one gives its money back to the bills. */
  async function applyRefund(t: GatewayTransaction): Promise<string> {
    let payment = t.refTransId ? q.byTransaction.get({ transId: t.refTransId }) : undefined;
    if (!payment) return `refund ${t.transId} is not of one of our payments`;
    const at = new Date(deps.now()).toISOString();
    if (t.status === 'voided') return cancelRefund(db, t.transId, at) ? `refund ${t.transId} of payment ${payment.id} voided` : `refund ${t.transId} was not recorded`;
    if (!REFUNDED.includes(t.status)) return `refund ${t.transId} ${t.status}: nothing given back`;
    // Only a settled charge can be refunded: one we have not heard the end of is settled first.
    if (payment.status !== 'approved') await applyGatewayTransaction(t.refTransId!);
    payment = q.byId.get({ id: payment.id })!;
    if (payment.status !== 'approved') return `refund ${t.transId}: payment ${payment.id} is ${payment.status}, not approved`;
    const recorded = recordRefund(db, { paymentId: payment.id, amountCents: t.amountCents, transactionId: t.transId, refundedAt: at });
    return recorded ? `payment ${payment.id} refunded ${t.amountCents} cents` : `refund ${t.transId} already recorded`;
  }

  return {
    /** The currencies cards are charged in (none without a gateway): an account billed in another pays by other means. */
    cardCurrencies: deps.gateway?.currencies ?? [],

    /** Charges a card once per Idempotency-Key; copies of the request get the first one's result. */
    async payByCard(input: CardPayment): Promise<PaymentView> {
      if (!deps.gateway) throw new InputError('Card payments are not available: no payment gateway is configured.');
      const currency = cardCurrencyOf(db, deps.gateway, input.accountId);
      const fingerprint = `amount:${input.amountCents}`;
      // Synchronous check-and-insert: no other request of this process can come between.
      const { row, created } = db.transaction(() => {
        const scope = input.keyScope ?? 'client';
        const existing = q.byKey.get({ account: input.accountId, scope, key: input.idempotencyKey });
        if (existing) return { row: existing, created: false };
        const inserted = q.insert.get({
          accountId: input.accountId,
          amountCents: input.amountCents,
          receivedAt: new Date(deps.now()).toISOString(),
          method: input.method ?? 'Credit card',
          status: 'pending',
          keyScope: scope,
          idempotencyKey: input.idempotencyKey,
          requestFingerprint: fingerprint,
          userId: input.userId,
          ownerId: lease.id,
        })!;
        return { row: q.setReference.get({ id: inserted.id, reference: reference(inserted.id) })!, created: true };
      });
      if (!created) {
        if (row.requestFingerprint !== fingerprint) throw new IdempotencyConflict('This Idempotency-Key was used for a different payment. Use a new key for a new payment.');
        // A retry of a payment whose process died mid-call finds out what became of it.
        return inFlight.get(row.id) ?? (orphaned(row) ? takeOver(row) : paymentView(row));
      }
      const pending = charge(row, input, currency).finally(() => inFlight.delete(row.id));
      inFlight.set(row.id, pending);
      return pending;
    },

    /** The account's payments, newest first, each with its refunds. */
    list(accountId: number): PaymentView[] {
      const refunds = new Map<number, RefundView[]>();
      for (const { paymentId, ...refund } of q.refundsOf.all({ account: accountId })) refunds.set(paymentId, [...(refunds.get(paymentId) ?? []), refund]);
      return db
        .select()
        .from(payments)
        .where(eq(payments.accountId, accountId))
        .orderBy(desc(payments.receivedAt), desc(payments.id))
        .all()
        .map((p) => paymentView(p, refunds.get(p.id)));
    },

    /**
     * Takes over the payments whose process is gone (and those this one dropped) and asks the
     * gateway about each. Run at start and every so often (server/index.ts).
     */
    async settleOrphans(): Promise<void> {
      for (const row of q.awaitingGateway.all()) if (orphaned(row)) await takeOver(row);
      lease.pruneExpired();
    },

    /** A clean stop: this process's lease ends, so any payment it still owns is taken over at once. */
    close: () => lease.release(),
    applyGatewayTransaction,
    onOutcome: (listener: (payment: Row) => void) => void outcomeListeners.push(listener),
    byId: (id: number) => q.byId.get({ id }),
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
