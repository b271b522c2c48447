import { randomBytes } from 'node:crypto';
import { ZIP_OUTCOMES, type Card } from './cards.ts';
import { failure, masked, ok, type Json } from './replies.ts';

/**
 * The fake's transactions and their life, as Authorize.Net's createTransactionRequest and its
 * Merchant Interface make them: a charge (authCaptureTransaction) or an authorization
 * (authOnlyTransaction, later priorAuthCaptureTransaction), voided while unsettled
 * (voidTransaction), refunded once settled (refundTransaction: a transaction of its own that
 * references the charge), each with the notification Authorize.Net sends. Settlement, daily at
 * the real gateway, happens when `settleBatch` is called.
 */

export type TransactionType = 'authCaptureTransaction' | 'authOnlyTransaction' | 'refundTransaction';

export interface FakeTransaction {
  transId: string;
  type: TransactionType;
  /** Authorize.Net's transactionStatus: capturedPendingSettlement, settledSuccessfully, voided, refundPendingSettlement… */
  status: string;
  /** Dollars as the API writes them: what was asked for, and what is (to be) settled. */
  amount: string;
  settleAmount: string;
  /** The currency asked for (currencyCode), else the merchant account's own: US dollars here. */
  currency: string;
  responseCode: '1' | '2' | '3' | '4';
  card: Card;
  invoiceNumber: string | null;
  submitTimeUTC: string;
  customerProfileId: string | null;
  /** The charge a refund pays back. */
  refTransId: string | null;
  /** The billing address sent with it. */
  billTo: Json | null;
}

/** How the next requests go wrong; tests set these directly or with POST /fake/behaviour. */
export interface FakeBehaviour {
  /** Every request waits this long before it is handled. */
  delayMs: number;
  /** Every transaction is made (and stored) at once, but its answer waits this long: a caller that dies meanwhile never hears of it. */
  replyDelayMs: number;
  /** Notifications go out this long after what they tell of (Authorize.Net's come when they come). */
  notifyDelayMs: number;
  /** The next N requests get HTTP 500. */
  failNext: number;
  /** The next N requests have their connection dropped without an answer. */
  dropNext: number;
  /** The next N transactions are processed (and stored) but their connection is dropped: outcome unknown to the caller. */
  dropAfterProcessingNext: number;
  /** The issuer declines the next N charges whatever the card (a saved card out of funds, say). */
  declineNext: number;
}

/** What a void can still stop: nothing settled yet. */
const VOIDABLE = new Set(['authorizedPendingCapture', 'capturedPendingSettlement', 'FDSPendingReview', 'FDSAuthorizedPendingReview', 'refundPendingSettlement']);
const SETTLED = new Set(['settledSuccessfully', 'refundSettledSuccessfully']);
const AT_SETTLEMENT: Record<string, string> = { capturedPendingSettlement: 'settledSuccessfully', refundPendingSettlement: 'refundSettledSuccessfully' };
/** A charge's status by its outcome: [authCaptureTransaction, authOnlyTransaction]. */
const STATUS_OF = {
  approved: ['capturedPendingSettlement', 'authorizedPendingCapture'],
  held: ['FDSPendingReview', 'FDSAuthorizedPendingReview'],
  declined: ['declined', 'declined'],
  error: ['generalError', 'generalError'],
} as const;

const cents = (dollars: string) => Math.round(Number(dollars) * 100);
const validAmount = (amount: string) => /^\d+(\.\d{1,2})?$/.test(amount) && Number(amount) > 0;
const APPROVED = [{ code: '1', description: 'This transaction has been approved.' }];

/** A transaction stored by an older fake (charges only) in today's shape. */
export function upgradeTransaction(t: FakeTransaction): FakeTransaction {
  const outcome = ({ '1': 'approved', '2': 'declined', '3': 'error', '4': 'held' } as const)[t.responseCode];
  return {
    ...t,
    type: t.type ?? 'authCaptureTransaction',
    status: t.status ?? STATUS_OF[outcome][0],
    settleAmount: t.settleAmount ?? (outcome === 'approved' ? t.amount : '0.00'),
    refTransId: t.refTransId ?? null,
    billTo: t.billTo ?? null,
    currency: t.currency ?? 'USD',
  };
}

export function createFakeTransactions(ctx: {
  transactions: Map<string, FakeTransaction>;
  /** The latest charge per card, amount and invoice number: the duplicate window's memory. */
  recent: Map<string, FakeTransaction>;
  behaviour: FakeBehaviour;
  newId: () => string;
  resolveCard: (payment: Json | undefined, profile: Json | undefined) => Card | { error: [string, string] };
  notify: (eventType: string, t: FakeTransaction) => void;
}) {
  const { transactions } = ctx;

  /** A transactionResponse with responseCode 3 and the reason (Authorize.Net's response reason codes). */
  const refused = (reason: string, text: string, refId: string | undefined, extra: Json = {}) =>
    failure('E00027', 'The transaction was unsuccessful.', { transactionResponse: { responseCode: '3', authCode: '', transId: '0', ...extra, errors: [{ errorCode: reason, errorText: text }] } }, refId);

  const approved = (t: FakeTransaction, refTransId: string, refId?: string) =>
    ok(
      {
        transactionResponse: {
          responseCode: '1', authCode: '', avsResultCode: 'P', cvvResultCode: '', cavvResultCode: '', transId: t.transId, refTransID: refTransId,
          transHash: '', testRequest: '0', accountNumber: masked(t.card), accountType: t.card.brand, messages: APPROVED,
        },
      },
      refId,
    );

  /** authCaptureTransaction or authOnlyTransaction: a card (token or saved) charged or authorized. */
  function charge(request: Json, refId?: string) {
    const type: TransactionType = request.transactionType;
    const amount = String(request.amount ?? '');
    if (!validAmount(amount)) return failure('E00027', 'A valid amount is required.', {}, refId);
    const card = ctx.resolveCard(request.payment, request.profile);
    if ('error' in card) return failure(card.error[0], card.error[1], {}, refId);
    const zip = String(request.billTo?.zip ?? card.zip ?? '');
    const invoiceNumber = request.order?.invoiceNumber ? String(request.order.invoiceNumber) : null;
    // The duplicate window: same card, amount and invoice number within two minutes.
    const windowKey = `${card.fingerprint}|${amount}|${invoiceNumber}`;
    const previous = ctx.recent.get(windowKey);
    const base = { authCode: '', avsResultCode: 'Y', cvvResultCode: 'M', cavvResultCode: '2', refTransID: '', transHash: '', testRequest: '0', accountNumber: masked(card), accountType: card.brand, transHashSha2: '' };
    if (previous !== undefined && Date.now() - Date.parse(previous.submitTimeUTC) < 120_000) return refused('11', 'A duplicate transaction has been submitted.', refId, base);
    let outcome: keyof typeof STATUS_OF = ZIP_OUTCOMES[zip] ?? 'approved';
    if (ctx.behaviour.declineNext > 0) {
      ctx.behaviour.declineNext--;
      outcome = 'declined';
    }
    const responseCode = ({ approved: '1', declined: '2', error: '3', held: '4' } as const)[outcome];
    const t: FakeTransaction = {
      transId: ctx.newId(),
      type,
      status: STATUS_OF[outcome][type === 'authOnlyTransaction' ? 1 : 0],
      amount,
      settleAmount: outcome === 'approved' && type === 'authCaptureTransaction' ? amount : '0.00',
      responseCode,
      card,
      invoiceNumber,
      submitTimeUTC: new Date().toISOString(),
      customerProfileId: request.profile?.customerProfileId ? String(request.profile.customerProfileId) : null,
      refTransId: null,
      billTo: request.billTo ?? null,
      currency: request.currencyCode ? String(request.currencyCode) : 'USD',
    };
    transactions.set(t.transId, t);
    ctx.recent.set(windowKey, t);
    if (outcome === 'approved') ctx.notify(type === 'authOnlyTransaction' ? 'net.authorize.payment.authorization.created' : 'net.authorize.payment.authcapture.created', t);
    if (outcome === 'held') ctx.notify('net.authorize.payment.fraud.held', t);
    const response = { ...base, responseCode, transId: t.transId, authCode: outcome === 'approved' ? randomBytes(3).toString('hex').toUpperCase() : '' };
    if (outcome === 'approved') return ok({ transactionResponse: { ...response, messages: APPROVED } }, refId);
    if (outcome === 'held') return ok({ transactionResponse: { ...response, messages: [{ code: '253', description: 'Your order has been received. Thank you for your business!' }] } }, refId);
    const [errorCode, errorText] = outcome === 'declined' ? ['2', 'This transaction has been declined.'] : ['6', 'The credit card number is invalid.'];
    return failure('E00027', 'The transaction was unsuccessful.', { transactionResponse: { ...response, errors: [{ errorCode, errorText }] } }, refId);
  }

  /** The transaction a follow-on request names (refTransId), or the refusal to send. */
  function referenced(request: Json, refId?: string): FakeTransaction | { refusal: Json } {
    const t = transactions.get(String(request.refTransId ?? ''));
    return t ?? { refusal: refused('16', 'The transaction cannot be found.', refId) };
  }

  /** priorAuthCaptureTransaction: an authorization captured, for its amount or less. */
  function capture(request: Json, refId?: string) {
    const t = referenced(request, refId);
    if ('refusal' in t) return t.refusal;
    if (t.type === 'authOnlyTransaction' && (t.status === 'capturedPendingSettlement' || SETTLED.has(t.status))) return refused('311', 'This transaction has already been captured.', refId);
    if (t.status === 'voided') return refused('310', 'This transaction has already been voided.', refId);
    if (t.type !== 'authOnlyTransaction' || t.status !== 'authorizedPendingCapture') return refused('16', 'The transaction cannot be found.', refId);
    const amount = request.amount === undefined ? t.amount : String(request.amount);
    if (!validAmount(amount)) return refused('5', 'A valid amount is required.', refId);
    if (cents(amount) > cents(t.amount)) return refused('47', 'The amount requested for settlement cannot be greater than the original amount authorized.', refId);
    t.status = 'capturedPendingSettlement';
    t.settleAmount = amount;
    ctx.notify('net.authorize.payment.priorAuthCapture.created', t);
    return approved(t, t.transId, refId);
  }

  /** voidTransaction: stops an unsettled transaction (a settled one is not found among the unsettled: reason 16). */
  function voidTransaction(request: Json, refId?: string) {
    const t = referenced(request, refId);
    if ('refusal' in t) return t.refusal;
    if (t.status === 'voided') return refused('310', 'This transaction has already been voided.', refId);
    if (!VOIDABLE.has(t.status)) return refused('16', 'The transaction cannot be found.', refId);
    t.status = 'voided';
    t.settleAmount = '0.00';
    ctx.notify('net.authorize.payment.void.created', t);
    return approved(t, t.transId, refId);
  }

  /** refundTransaction: part or all of a settled charge paid back to the card it came from (its last four digits). */
  function refund(request: Json, refId?: string) {
    const t = referenced(request, refId);
    if ('refusal' in t) return t.refusal;
    const amount = String(request.amount ?? '');
    if (!validAmount(amount)) return refused('5', 'A valid amount is required.', refId);
    const last4 = String(request.payment?.creditCard?.cardNumber ?? '').slice(-4);
    if (t.type === 'refundTransaction' || t.status !== 'settledSuccessfully' || last4 !== t.card.last4) {
      return refused('54', 'The referenced transaction does not meet the criteria for issuing a credit.', refId);
    }
    const refunded = [...transactions.values()].filter((r) => r.refTransId === t.transId && r.status !== 'voided').reduce((sum, r) => sum + cents(r.amount), 0);
    if (refunded + cents(amount) > cents(t.settleAmount)) return refused('55', 'The sum of credits against the referenced transaction would exceed the original debit amount.', refId);
    const r: FakeTransaction = {
      ...t,
      transId: ctx.newId(),
      type: 'refundTransaction',
      status: 'refundPendingSettlement',
      amount,
      settleAmount: amount,
      responseCode: '1',
      invoiceNumber: request.order?.invoiceNumber ? String(request.order.invoiceNumber) : null,
      submitTimeUTC: new Date().toISOString(),
      refTransId: t.transId,
    };
    transactions.set(r.transId, r);
    ctx.notify('net.authorize.payment.refund.created', r);
    return approved(r, t.transId, refId);
  }

  return {
    /** createTransactionRequest's transactionRequest, by its transactionType. */
    create(request: Json, refId?: string) {
      switch (request.transactionType) {
        case 'authCaptureTransaction':
        case 'authOnlyTransaction':
          return charge(request, refId);
        case 'priorAuthCaptureTransaction':
          return capture(request, refId);
        case 'voidTransaction':
          return voidTransaction(request, refId);
        case 'refundTransaction':
          return refund(request, refId);
        default:
          return failure('E00003', `The fake does not implement transactionType ${String(request.transactionType)}.`, {}, refId);
      }
    },

    /** getTransactionDetails' transaction. */
    details: (t: FakeTransaction) => ({
      transId: t.transId,
      ...(t.refTransId ? { refTransId: t.refTransId } : {}),
      submitTimeUTC: t.submitTimeUTC,
      transactionType: t.type,
      transactionStatus: t.status,
      responseCode: Number(t.responseCode),
      authAmount: Number(t.amount),
      settleAmount: Number(t.settleAmount),
      ...(t.invoiceNumber ? { order: { invoiceNumber: t.invoiceNumber } } : {}),
      payment: { creditCard: { cardNumber: masked(t.card), expirationDate: 'XXXX', cardType: t.card.brand } },
      ...(t.billTo ? { billTo: t.billTo } : {}),
    }),

    /** getUnsettledTransactionList's transactions: those not yet in a settled batch. */
    unsettled: () =>
      [...transactions.values()]
        .filter((t) => !SETTLED.has(t.status))
        .map((t) => ({
          transId: t.transId,
          submitTimeUTC: t.submitTimeUTC,
          transactionStatus: t.status,
          ...(t.invoiceNumber ? { invoiceNumber: t.invoiceNumber } : {}),
          accountType: t.card.brand,
          accountNumber: masked(t.card),
          settleAmount: Number(t.settleAmount),
        })),

    /** The fraud filter's review of a held transaction, decided by hand as a merchant would. */
    review(transId: string, decision: 'approve' | 'decline') {
      const t = transactions.get(transId);
      if (!t || t.responseCode !== '4') return false;
      const approve = decision === 'approve';
      t.responseCode = approve ? '1' : '2';
      t.status = approve ? STATUS_OF.approved[t.type === 'authOnlyTransaction' ? 1 : 0] : 'declined';
      if (approve && t.type === 'authCaptureTransaction') t.settleAmount = t.amount;
      ctx.notify(approve ? 'net.authorize.payment.fraud.approved' : 'net.authorize.payment.fraud.declined', t);
      return true;
    },

    /** The day's batch: captured charges and refunds become settled. Returns how many. */
    settleBatch() {
      let settled = 0;
      for (const t of transactions.values()) {
        const next = AT_SETTLEMENT[t.status];
        if (next) (t.status = next), settled++;
      }
      return settled;
    },
  };
}
