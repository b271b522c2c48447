import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { prepared } from '../db/prepared.ts';
import { accounts, autopayMethods, gatewayCustomers, payments, type Account } from '../db/schema.ts';
import { GatewayOutcomeUnknown, GatewayRecordNotFound, GatewayRefused, type SaveCardRequest, type SavedCard, type SavedCardIds } from '../gateway/authorize-net.ts';
import { autopayFailedMail } from '../mail/templates.ts';
import { DomainError, InputError } from './errors.ts';
import { amountDueCents, INVOICE_BALANCE_SQL } from './ledger.ts';
import { formatMoney } from './money-format.ts';
import { cardCurrencyOf, IdempotencyConflict, paymentMail, type PaymentMailer, type PaymentsService, type PaymentView } from './payments.ts';

/** What autopay needs of the card gateway: saved cards (Authorize.Net customer payment profiles). */
export interface AutopayGateway {
  /** The currencies the merchant account takes. */
  readonly currencies: readonly string[];
  saveCard(request: SaveCardRequest): Promise<SavedCardIds>;
  saveCardFromTransaction(request: { transId: string; customerProfileId: string | null; customer: { id: string; email: string } }): Promise<SavedCardIds>;
  savedCard(ids: SavedCardIds): Promise<SavedCard>;
  deleteSavedCard(ids: SavedCardIds): Promise<void>;
}

export interface AutopayMethodView {
  brand: string;
  last4: string;
  expMonth: number | null;
  expYear: number | null;
  enrolledAt: string;
}

/** The last automatic payment failed and nothing has been paid since: shown in My Account. */
export interface AutopayNotice {
  date: string;
  amount: number;
  card: { brand: string; last4: string } | null;
  message: string;
}

/** The gateway would not save the card (declined by the issuer, a spent token, bad credentials). */
export class CardNotSaved extends DomainError {
  override name = 'CardNotSaved';
  constructor(
    message: string,
    readonly declined: boolean,
  ) {
    super(declined ? 'DECLINED' : 'PAYMENT_FAILED', message);
  }
}

/** The gateway did not answer while saving: nothing is changed here, and trying again is safe. */
export class CardSaveUnanswered extends DomainError {
  override name = 'CardSaveUnanswered';
  constructor(message: string) {
    super('GATEWAY_TIMEOUT', message);
  }
}

/** A bill whose due date the run missed (the server was down) is still paid within this many days. */
export const AUTOPAY_CATCH_UP_DAYS = 5;

export interface AutopayRunReport {
  date: string;
  /** Accounts on autopay. */
  enrolled: number;
  approved: number;
  held: number;
  /** The gateway did not answer: being confirmed. */
  confirming: number;
  failed: number;
  /** Nothing due now, already charged for this bill, or another payment still being confirmed. */
  skipped: number;
  lines: string[];
}

type MethodRow = typeof autopayMethods.$inferSelect;

const view = (m: MethodRow): AutopayMethodView => ({ brand: m.cardBrand, last4: m.cardLast4, expMonth: m.expMonth, expYear: m.expYear, enrolledAt: m.enrolledAt });

/** The account's autopay card, or null when it pays by hand. */
export function autopayMethodOf(db: Db, accountId: number): AutopayMethodView | null {
  const byAccount = prepared(db, 'autopay.method', () => db.select().from(autopayMethods).where(eq(autopayMethods.accountId, sql.placeholder('account'))).prepare());
  const row = byAccount.get({ account: accountId });
  return row ? view(row) : null;
}

/** The failed automatic payment the customer should know about: the latest payment of the account, when it is one. */
export function autopayNoticeOf(db: Db, accountId: number): AutopayNotice | null {
  const latest = prepared(db, 'autopay.latestPayment', () =>
    db.$client.prepare(`select * from payments where account_id = ? and status in ('approved', 'held', 'declined', 'error') order by received_at desc, id desc limit 1`),
  ).get(accountId) as { method: string; status: string; received_at: string; amount_cents: number; card_brand: string | null; card_last4: string | null; result_message: string | null } | undefined;
  if (!latest || latest.method !== 'Autopay' || (latest.status !== 'declined' && latest.status !== 'error')) return null;
  return {
    date: latest.received_at,
    amount: latest.amount_cents,
    card: latest.card_brand && latest.card_last4 ? { brand: latest.card_brand, last4: latest.card_last4 } : null,
    message: latest.result_message ?? 'The card processor refused the payment.',
  };
}

export interface AutopayDeps {
  db: Db;
  gateway: AutopayGateway | null;
  payments: PaymentsService;
  now: () => number;
  mail: PaymentMailer;
  log?: (line: string) => void;
}

/**
 * Automatic payment: the card is saved at the gateway (a customer payment profile), the portal
 * keeps its ids, brand, last four and expiry. The run charges each enrolled account's balance
 * due on its due date, once: the payment's idempotency key is the bill's due date, in the run's
 * own key scope, where no client's key can be.
 */
export function createAutopayService(deps: AutopayDeps) {
  const { db } = deps;
  const log = deps.log ?? console.error;
  let queue: Promise<unknown> = Promise.resolve();

  function gateway(): AutopayGateway {
    if (!deps.gateway) throw new InputError('Automatic payment is not available: no payment gateway is configured.');
    return deps.gateway;
  }

  const customerProfileOf = (accountId: number) => db.select().from(gatewayCustomers).where(eq(gatewayCustomers.accountId, accountId)).get()?.customerProfileId ?? null;

  /** Gateway failures in words a customer can act on. */
  async function atGateway<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof GatewayRefused) {
        const declined = err.code === 'E00027';
        throw new CardNotSaved(declined ? `The card was declined: ${err.message} Nothing was saved.` : `The card could not be saved: ${err.message}`, declined);
      }
      if (err instanceof GatewayOutcomeUnknown) throw new CardSaveUnanswered('The card processor did not answer in time. Nothing was changed here: please try again.');
      throw err;
    }
  }

  /** Keeps the saved card as the account's autopay method; the card it replaces is deleted at the gateway. */
  async function keep(account: Account, userId: string, ids: SavedCardIds, sourcePaymentId: number | null): Promise<AutopayMethodView> {
    const card = await atGateway(() => gateway().savedCard(ids));
    const at = new Date(deps.now()).toISOString();
    const row = {
      accountId: account.id,
      paymentProfileId: ids.paymentProfileId,
      cardBrand: card.brand,
      cardLast4: card.last4,
      expMonth: card.expMonth,
      expYear: card.expYear,
      enrolledBy: userId,
      enrolledAt: at,
      sourcePaymentId,
    };
    const previous = db.transaction((tx) => {
      tx.insert(gatewayCustomers).values({ accountId: account.id, customerProfileId: ids.customerProfileId, createdAt: at }).onConflictDoUpdate({ target: gatewayCustomers.accountId, set: { customerProfileId: ids.customerProfileId } }).run();
      const before = tx.select().from(autopayMethods).where(eq(autopayMethods.accountId, account.id)).get();
      tx.insert(autopayMethods).values(row).onConflictDoUpdate({ target: autopayMethods.accountId, set: row }).run();
      return before;
    });
    if (previous && previous.paymentProfileId !== ids.paymentProfileId) await forget(ids.customerProfileId, previous.paymentProfileId);
    return view(row);
  }

  /** Deletes a card the portal no longer uses; a failure only leaves an unused card at the gateway. */
  async function forget(customerProfileId: string, paymentProfileId: string) {
    try {
      await gateway().deleteSavedCard({ customerProfileId, paymentProfileId });
    } catch (err) {
      log(`[autopay] could not delete payment profile ${paymentProfileId} at the gateway: ${String(err)}`);
    }
  }

  function mailFailure(payment: typeof payments.$inferSelect) {
    const mail = paymentMail(db, deps.mail, payment, 'cardOnFile');
    if (!mail) return;
    deps.mail.mailer.send(
      autopayFailedMail({
        ...mail.fields,
        reason: payment.resultMessage ?? 'No reason was given.',
        dueDate: mail.date(payment.keyScope === 'autopay' && payment.idempotencyKey ? payment.idempotencyKey : payment.receivedAt),
      }),
    );
  }
  // An automatic payment refused now or later (once an unanswered one is settled) is mailed about.
  deps.payments.onOutcome((payment) => {
    if (payment.method === 'Autopay' && (payment.status === 'declined' || payment.status === 'error')) mailFailure(payment);
  });

  async function runOnce(date: string): Promise<AutopayRunReport> {
    const report: AutopayRunReport = { date, enrolled: 0, approved: 0, held: 0, confirming: 0, failed: 0, skipped: 0, lines: [] };
    const enrolled = db
      .select({ method: autopayMethods, account: accounts, customerProfileId: gatewayCustomers.customerProfileId })
      .from(autopayMethods)
      .innerJoin(accounts, eq(accounts.id, autopayMethods.accountId))
      .innerJoin(gatewayCustomers, eq(gatewayCustomers.accountId, autopayMethods.accountId))
      .all();
    report.enrolled = enrolled.length;
    const catchUpFrom = new Date(Date.parse(`${date}T00:00:00Z`) - AUTOPAY_CATCH_UP_DAYS * 86_400_000).toISOString().slice(0, 10);
    const billDue = db.$client.prepare(
      `select max(i.due_date) from invoices i
       where i.account_id = @account and i.state = 'issued' and i.due_date <= @date and i.due_date >= @from and ${INVOICE_BALANCE_SQL} > 0`,
    );
    for (const { method, account, customerProfileId } of enrolled) {
      const skip = (why: string) => {
        report.skipped++;
        report.lines.push(`${account.number}: ${why}`);
      };
      const from = [catchUpFrom, method.enrolledAt.slice(0, 10)].sort().at(-1)!;
      const dueDate = billDue.pluck().get({ account: account.id, date, from }) as string | null;
      if (!dueDate) {
        skip('nothing due');
        continue;
      }
      // The run's own record of this bill: its payment under the bill's due date, in its own key scope.
      if (db.select({ id: payments.id }).from(payments).where(and(eq(payments.accountId, account.id), eq(payments.keyScope, 'autopay'), eq(payments.idempotencyKey, dueDate))).get()) {
        skip(`the bill due ${dueDate} was already charged`);
        continue;
      }
      // A payment still being confirmed may pay this bill: charge nothing until it is settled.
      if (db.select({ id: payments.id }).from(payments).where(and(eq(payments.accountId, account.id), inArray(payments.status, ['pending', 'unknown', 'held']))).get()) {
        skip('another payment is still being confirmed');
        continue;
      }
      const amount = amountDueCents(db, account.id);
      let payment: PaymentView;
      try {
        payment = await deps.payments.payByCard({
          accountId: account.id,
          userId: method.enrolledBy,
          amountCents: amount,
          keyScope: 'autopay',
          idempotencyKey: dueDate,
          source: { profile: { customerProfileId, paymentProfileId: method.paymentProfileId } },
          method: 'Autopay',
          description: `Automatic payment, bill due ${dueDate}`,
        });
      } catch (err) {
        // A card this account cannot be charged on (its currency): said, and the run goes on to the others.
        if (err instanceof InputError) {
          skip(err.message);
          continue;
        }
        if (!(err instanceof IdempotencyConflict)) throw err;
        skip(`the bill due ${dueDate} was already charged`);
        continue;
      }
      const tally = { approved: 'approved', held: 'held', unknown: 'confirming', pending: 'confirming', declined: 'failed', error: 'failed', voided: 'failed' } as const;
      report[tally[payment.status]]++;
      report.lines.push(`${account.number}: ${formatMoney(amount, account.currency)} ${payment.status}${payment.message ? ` (${payment.message})` : ''}`);
    }
    return report;
  }

  return {
    /** Sign-up for automatic payment (or Change card) without paying: the token's card is checked and saved. */
    async enroll(input: { account: Account; userId: string; email: string; opaqueData: SaveCardRequest['opaqueData']; billTo?: SaveCardRequest['billTo'] }) {
      // A card saved for bills it could not be charged for would fail on every due date.
      cardCurrencyOf(db, gateway(), input.account.id);
      const ids = await atGateway(() =>
        gateway().saveCard({
          customerProfileId: customerProfileOf(input.account.id),
          customer: { id: input.account.number, email: input.email },
          opaqueData: input.opaqueData,
          ...(input.billTo ? { billTo: input.billTo } : {}),
          validationMode: 'liveMode',
        }),
      );
      return keep(input.account, input.userId, ids, null);
    },

    /** The check box of Make a payment: the card that just paid becomes the autopay card. Once per payment. */
    async enrollFromPayment(input: { account: Account; userId: string; email: string; paymentId: number }) {
      const existing = db.select().from(autopayMethods).where(eq(autopayMethods.accountId, input.account.id)).get();
      if (existing?.sourcePaymentId === input.paymentId) return view(existing);
      const payment = deps.payments.byId(input.paymentId);
      if (!payment?.gatewayTransactionId || (payment.status !== 'approved' && payment.status !== 'held')) {
        throw new CardNotSaved('The card can be saved for automatic payment once the payment has gone through. Use Sign-up for automatic payment in My Account.', false);
      }
      const ids = await atGateway(() =>
        gateway().saveCardFromTransaction({ transId: payment.gatewayTransactionId!, customerProfileId: customerProfileOf(input.account.id), customer: { id: input.account.number, email: input.email } }),
      );
      return keep(input.account, input.userId, ids, payment.id);
    },

    /** Back to manual payment; the saved card is deleted at the gateway. True when there was one. */
    async cancel(account: Account): Promise<boolean> {
      const removed = db.delete(autopayMethods).where(eq(autopayMethods.accountId, account.id)).returning().get();
      const customerProfileId = customerProfileOf(account.id);
      if (removed && customerProfileId && deps.gateway) await forget(customerProfileId, removed.paymentProfileId);
      return Boolean(removed);
    },

    /**
     * The gateway says a saved card was deleted (in its Merchant Interface): the gateway is asked,
     * and only if it has no such card any more does the account it paid for go back to manual payment.
     */
    async cardDeletedAtGateway(paymentProfileId: string): Promise<string> {
      const method = db.select().from(autopayMethods).where(eq(autopayMethods.paymentProfileId, paymentProfileId)).get();
      const customerProfileId = method ? customerProfileOf(method.accountId) : null;
      if (!method || !customerProfileId) return 'not an autopay card';
      try {
        await gateway().savedCard({ customerProfileId, paymentProfileId });
        return `payment profile ${paymentProfileId} is still saved at the gateway: autopay of account ${method.accountId} unchanged`;
      } catch (err) {
        if (!(err instanceof GatewayRecordNotFound)) throw err;
      }
      const removed = db.delete(autopayMethods).where(and(eq(autopayMethods.accountId, method.accountId), eq(autopayMethods.paymentProfileId, paymentProfileId))).returning().get();
      return removed ? `autopay of account ${removed.accountId} cancelled` : 'not an autopay card';
    },

    /**
     * Charges every autopay account whose bill fell due on `date` (or in the few days before, if
     * a run was missed) its balance due. Running it again the same day charges nobody twice.
     */
    async run(date: string): Promise<AutopayRunReport> {
      if (!deps.gateway) throw new InputError('Automatic payment is not available: no payment gateway is configured.');
      // Runs of this process take turns; the idempotency key guards against other processes.
      const next = queue.then(() => runOnce(date));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

export type AutopayService = ReturnType<typeof createAutopayService>;
