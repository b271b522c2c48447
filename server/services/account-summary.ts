import type { Db } from '../db/client.ts';
import { prepared } from '../db/prepared.ts';
import { readCache } from '../db/read-cache.ts';
import type { Account } from '../db/schema.ts';
import { accountDetails } from './accounts.ts';
import { autopayMethodOf, autopayNoticeOf, type AutopayMethodView, type AutopayNotice } from './autopay.ts';
import { accountBalanceCents, INVOICE_BALANCE_SQL } from './ledger.ts';

/** One voice plan's pool this month, as the guide's Current Usage shows it. */
export interface UsageMeter {
  plan: string;
  category: string;
  /** The lines on the plan, e.g. ["001835"]. */
  subscribers: string[];
  usedMinutes: number;
  includedMinutes: number;
  /** At the month's pace so far, the minutes by its end. */
  projectedMinutes: number;
  /** `YYYY-MM`, UTC. */
  period: string;
}

export interface AccountSummary {
  account: ReturnType<typeof accountDetails>;
  /** Everything owed (positive) or held as credit (negative), in cents. */
  balance: number;
  /** What the issued invoices still ask for. */
  dueAmount: number;
  /** Of that, what is past its due date. */
  pastDue: number;
  currentInvoice: { id: number; number: string; date: string; dueDate: string; total: number; balance: number } | null;
  /** Pay by this day to avoid a late fee: the earliest due date still ahead with something owed. */
  dueDate: string | null;
  paymentMethod: { type: 'manual' } | ({ type: 'autopay' } & AutopayMethodView);
  /** The last automatic payment failed: the balance is to be paid by hand. */
  autopayNotice: AutopayNotice | null;
  /** Cards are taken in the account's currency (GATEWAY_CURRENCIES): the portal offers to pay by card and autopay. */
  cardPayments: boolean;
  usage: UsageMeter[];
}

const DAY = 86_400_000;

/**
 * The statements of My Account's money, prepared once per database (it is read on every visit, and
 * SQLite's prepare cost more than the queries). Only open invoices come back, not ten years of
 * paid ones: SQLite tells them apart, and each row handed to JavaScript costs more than that.
 */
const openInvoices = (db: Db) =>
  prepared(db, 'summary.openInvoices', () =>
    db.$client.prepare(
      `select dueDate, balance from (
         select i.due_date as dueDate, ${INVOICE_BALANCE_SQL} as balance from invoices i where i.account_id = ? and i.state = 'issued')
       where balance > 0`,
    ),
  );
const latestInvoice = (db: Db) =>
  prepared(db, 'summary.latestInvoice', () =>
    db.$client.prepare(
      `select i.id, i.number, i.issue_date as date, i.due_date as dueDate, i.total_cents as total, ${INVOICE_BALANCE_SQL} as balance
       from invoices i where i.account_id = ? and i.state = 'issued' order by i.issue_date desc, i.id desc limit 1`,
    ),
  );

/** My Account's summary as read on one day: everything but the usage's projection, which moves with the clock. */
type DaySummary = Omit<AccountSummary, 'usage'> & { usage: Omit<UsageMeter, 'projectedMinutes'>[] };

/**
 * Kept while the database is unchanged (read-cache.ts: another process's billing run, import or
 * autopay, or any write of the server's, is seen on the next request), and by day: what is past
 * due and which due date is next change at midnight (UTC), and the usage's month with it.
 */
const summaries = readCache<DaySummary>({ maxEntries: 1000 });

/** The summary last handed out for each day's summary: the same object while its projections stay as they were. */
const projectedSummaries = new WeakMap<DaySummary, AccountSummary>();

/**
 * The account's money and this month's usage, as My Account shows them. The same object is
 * returned while nothing in it changed (the projections are whole minutes, which move far
 * less often than the clock), so its reply can be kept too (http/kept-json.ts): callers must
 * not change it.
 */
export function accountSummary(db: Db, account: Account, now: number, cardCurrencies: readonly string[]): AccountSummary {
  const today = dayOf(now);
  const cardPayments = cardCurrencies.includes(account.currency);
  const day = summaries(db, `${account.id} ${today.date} ${cardPayments}`, () => readSummary(db, account, today.date, cardPayments));
  const minutes = day.usage.map((meter) => projectedMinutes(meter.usedMinutes, now, today));
  const last = projectedSummaries.get(day);
  if (last && last.usage.every((meter, i) => meter.projectedMinutes === minutes[i])) return last;
  const summary = { ...day, usage: day.usage.map((meter, i) => ({ ...meter, projectedMinutes: minutes[i]! })) };
  projectedSummaries.set(day, summary);
  return summary;
}

function readSummary(db: Db, account: Account, today: string, cardPayments: boolean): DaySummary {
  const unpaid = openInvoices(db).all(account.id) as { dueDate: string; balance: number }[];
  const ahead = unpaid.filter((i) => i.dueDate >= today).map((i) => i.dueDate).sort();
  const autopay = autopayMethodOf(db, account.id);
  return {
    account: accountDetails(db, account),
    balance: accountBalanceCents(db, account.id),
    dueAmount: unpaid.reduce((sum, i) => sum + i.balance, 0),
    pastDue: unpaid.filter((i) => i.dueDate < today).reduce((sum, i) => sum + i.balance, 0),
    currentInvoice: (latestInvoice(db).get(account.id) as AccountSummary['currentInvoice'] | undefined) ?? null,
    dueDate: ahead[0] ?? null,
    paymentMethod: autopay ? { type: 'autopay', ...autopay } : { type: 'manual' },
    autopayNotice: autopayNoticeOf(db, account.id),
    cardPayments,
    usage: monthUsage(db, account.id, today),
  };
}

/** The minutes used so far this month (of `today`, UTC) of each voice plan of the account, pooled across its lines. */
function monthUsage(db: Db, accountId: number, today: string): Omit<UsageMeter, 'projectedMinutes'>[] {
  const period = today.slice(0, 7);
  const plans = prepared(db, 'summary.voicePlans', () =>
    db.$client.prepare(
      `select p.id, p.name, p.usage_category as category, sum(p.included_minutes * s.quantity) as included,
              group_concat(s.subscriber_number) as subscribers
       from subscriptions s join products p on p.id = s.product_id
       where s.account_id = @account and p.included_minutes is not null and s.start_date <= @today and (s.end_date is null or s.end_date >= @today)
       group by p.id order by p.name`,
    ),
  ).all({ account: accountId, today }) as { id: number; name: string; category: string; included: number; subscribers: string | null }[];
  const minutesOf = prepared(db, 'summary.planMinutes', () =>
    db.$client
      .prepare(
        `select coalesce(sum(minutes), 0) from usage_totals where account_id = ? and period = ? and category = ? and subscriber_number in (select value from json_each(?))`,
      )
      .pluck(),
  );
  return plans.map((plan) => {
    const subscribers = (plan.subscribers ?? '').split(',').filter(Boolean);
    return {
      plan: plan.name,
      category: plan.category,
      subscribers,
      usedMinutes: minutesOf.get(accountId, period, plan.category, JSON.stringify(subscribers)) as number,
      includedMinutes: plan.included,
      period,
    };
  });
}

/** A day (UTC) and its month's bounds in milliseconds. */
interface Day {
  number: number;
  /** `YYYY-MM-DD`. */
  date: string;
  monthStart: number;
  monthEnd: number;
}

// The day last asked for: every request of a day asks for the same one, and Date's work is not free.
let lastDay: Day = { number: NaN, date: '', monthStart: 0, monthEnd: 0 };

function dayOf(now: number): Day {
  const number = Math.floor(now / DAY);
  if (number !== lastDay.number) {
    const date = new Date(number * DAY);
    lastDay = {
      number,
      date: date.toISOString().slice(0, 10),
      monthStart: Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1),
      monthEnd: Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1),
    };
  }
  return lastDay;
}

/** The minutes by the month's end (of `now`, UTC) at the pace so far. */
function projectedMinutes(usedMinutes: number, now: number, { monthStart, monthEnd }: Day): number {
  // The share of the month gone by: at least an hour, so the first calls of a month do not project wildly.
  const elapsed = Math.max(now - monthStart, DAY / 24) / (monthEnd - monthStart);
  return Math.round(usedMinutes / Math.min(1, elapsed));
}
