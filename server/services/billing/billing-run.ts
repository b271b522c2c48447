import type { Db } from '../../db/client.ts';
import { audit } from '../audit.ts';
import { accountsWithCredit, allocateAccountCredit, INVOICE_BALANCE_SQL } from '../ledger.ts';
import { InputError, type Issue } from '../errors.ts';
import { DEFAULT_IMPORT_SETTINGS } from '../imports/settings.ts';
import { assertNoUsageImportRunning } from '../usage/usage-imports.ts';
import { billedTotalsOf, writeBilledTotals, type BilledTotal } from '../usage/usage-totals.ts';
import { formatMoney } from '../money-format.ts';
import { percentToPpm } from './money.ts';
import { composeInvoice, type ComposedInvoice, type LateFeePolicy } from './compose.ts';
import { addDays, parsePeriod, type Period } from './period.ts';
import { rateCalls, type Call, type VoicePlanSubscription } from './rating.ts';
import { recurringLine, type BillableSubscription } from './recurring.ts';

export interface BillingPolicy {
  /** Days from issue to due date. */
  termsDays: number;
  lateFee: LateFeePolicy;
  /** How long a usage import may be silent before the run takes it as dead (IMPORT_ABANDONED_SECONDS). */
  abandonedImportSeconds?: number;
}

export interface BillingRunReport {
  period: string;
  /** `billed`: this run closed the period; `already_billed`: it was closed before and nothing changed. */
  status: 'billed' | 'already_billed';
  invoices: number;
  /** What the period's invoices come to, per currency (by code): amounts in different currencies are never added up. */
  totals: { currency: string; cents: number }[];
  /** Calls rated by this run, and how many of them were from earlier months (they arrived late). */
  calls: number;
  lateCalls: number;
  finishedAt: string;
}

/** Calls the run cannot price: the period stays open until the catalog or usage rates cover them. */
export class BillingBlockedError extends InputError {
  override name = 'BillingBlockedError';
  constructor(
    message: string,
    readonly problems: Issue[],
  ) {
    super(message, problems);
  }
}

type Row = Record<string, number | string | null>;

interface AccountRow {
  id: number;
  number: string;
  tax_rate_ppm: number;
  currency: string;
}

interface Draft {
  account: AccountRow;
  invoice: ComposedInvoice;
  /** Where this account's calls sit in the run's call arrays. */
  callsFrom: number;
  callsTo: number;
  /** Its calls by line and category, with their charges: the period's usage totals. */
  usageTotals: BilledTotal[];
}

/**
 * Bills a period: for every account, the month's recurring charges, its calls not yet billed up
 * to the month's end (late calls from earlier months included), any late fee, and taxes; one
 * invoice per account. All in one transaction: the period is closed with every invoice, or not
 * at all. A closed period is never billed again.
 */
export function runBilling(db: Db, periodKey: string, today: string, policy: BillingPolicy): BillingRunReport {
  const period = parsePeriod(periodKey);
  if (today < period.issueDate) throw new InputError(`${period.key} has not ended yet: it can be billed from ${period.issueDate}.`);
  const sqlite = db.$client;

  return sqlite
    .transaction((): BillingRunReport => {
      const closed = sqlite.prepare('select invoice_count, finished_at from billing_runs where period = ?').get(period.key) as Row | undefined;
      if (closed) {
        return { period: period.key, status: 'already_billed', invoices: Number(closed.invoice_count), totals: periodTotals(db, period.key), calls: 0, lateCalls: 0, finishedAt: String(closed.finished_at) };
      }
      const later = sqlite.prepare('select period from billing_runs where period > ? order by period limit 1').pluck().get(period.key) as string | undefined;
      if (later) throw new InputError(`${later} is billed already; periods are billed in order, so ${period.key} can no longer be.`);
      assertNoUsageImportRunning(db, policy.abandonedImportSeconds ?? DEFAULT_IMPORT_SETTINGS.abandonedAfterSeconds);

      const data = loadPeriodData(db, period);
      const drafts: Draft[] = [];
      const callIds: number[] = [];
      const callMinutes: number[] = [];
      const callCharges: number[] = [];
      // The period, for calls from earlier months (they arrived late); null for the period's own.
      const callBillPeriods: (string | null)[] = [];
      const problems: { path: string; message: string }[] = [];
      let lateCalls = 0;

      const billAccount = (account: AccountRow, calls: (Call & { id: number; sourceId: string })[]) => {
        const rated = rateCalls(calls, data.voicePlans.get(account.id) ?? [], data.usageRates, period);
        for (const i of rated.unrated) {
          const call = calls[i]!;
          problems.push({
            path: `call ${call.sourceId}`,
            message: `${account.number}, line ${call.subscriberNumber}, ${new Date(call.startedAt * 1000).toISOString()}: no plan of the line covers "${call.category}" and it has no usage rate.`,
          });
        }
        const recurring = (data.subscriptions.get(account.id) ?? []).map((s) => recurringLine(s, period)).filter((l) => l !== null);
        const invoice = composeInvoice({
          charges: [...recurring, ...rated.lines],
          pastDueCents: data.pastDue.get(account.id) ?? 0,
          lateFee: policy.lateFee,
          currency: account.currency,
          taxRatePpm: (locationId) => (locationId === null ? account.tax_rate_ppm : (data.locations.get(locationId)?.taxRatePpm ?? account.tax_rate_ppm)),
          locationName: (locationId) => (locationId === null ? null : (data.locations.get(locationId)?.name ?? null)),
        });
        if (invoice.lines.length === 0) return;
        const callsFrom = callIds.length;
        calls.forEach((call, i) => {
          callIds.push(call.id);
          callMinutes.push(rated.minutes[i]!);
          callCharges.push(rated.chargeMillicents[i]!);
          const late = call.startedAt < period.startSeconds;
          callBillPeriods.push(late ? period.key : null);
          if (late) lateCalls++;
        });
        drafts.push({ account, invoice, callsFrom, callsTo: callIds.length, usageTotals: billedTotalsOf(account.id, calls, rated.minutes, rated.chargeMillicents) });
      };

      // Calls come sorted by account, then time: each account's are rated as soon as the next account's begin.
      const usage = sqlite.prepare(
        `select id, source_id, account_id, subscriber_number, started_at, duration_seconds, category from usage_records
         where invoice_id is null and started_at < ? order by account_id, started_at`,
      );
      const accountsWithCalls = new Set<number>();
      let current: number | null = null;
      let calls: (Call & { id: number; sourceId: string })[] = [];
      const flush = () => {
        if (current !== null) billAccount(data.accounts.get(current)!, calls);
        calls = [];
      };
      for (const row of usage.raw().iterate(period.endSeconds) as IterableIterator<[number, string, number, string, number, number, string]>) {
        const [id, sourceId, accountId, subscriberNumber, startedAt, durationSeconds, category] = row;
        if (accountId !== current) {
          flush();
          current = accountId;
          accountsWithCalls.add(accountId);
        }
        calls.push({ id, sourceId, subscriberNumber, startedAt, durationSeconds, category });
      }
      flush();
      for (const account of data.accounts.values()) if (!accountsWithCalls.has(account.id)) billAccount(account, []);

      if (problems.length > 0) {
        throw new BillingBlockedError(
          `${period.key} was not billed: ${problems.length} call(s) cannot be priced. Add the plan or a usage rate for their category, then run the billing again.`,
          problems.slice(0, 100),
        );
      }
      const finishedAt = new Date().toISOString();
      const totalCents = writeInvoices(db, period, policy, drafts, { callIds, callMinutes, callCharges, callBillPeriods });
      writeBilledTotals(sqlite, period.key, drafts.flatMap((d) => d.usageTotals));
      sqlite
        .prepare('insert into billing_runs (period, started_at, finished_at, invoice_count, total_cents) values (?, ?, ?, ?, ?)')
        .run(period.key, finishedAt, finishedAt, drafts.length, totalCents);
      return { period: period.key, status: 'billed', invoices: drafts.length, totals: periodTotals(db, period.key), calls: callIds.length, lateCalls, finishedAt };
    })
    .immediate();
}

/** The period's invoices added up in each of their accounts' currencies. */
function periodTotals(db: Db, periodKey: string): BillingRunReport['totals'] {
  return db.$client
    .prepare('select a.currency, sum(i.total_cents) as cents from invoices i join accounts a on a.id = i.account_id where i.period = ? group by a.currency order by a.currency')
    .all(periodKey) as BillingRunReport['totals'];
}

/** Everything the run needs besides the calls, keyed by account. */
function loadPeriodData(db: Db, period: Period) {
  const sqlite = db.$client;
  const accounts = new Map((sqlite.prepare('select id, number, tax_rate_ppm, currency from accounts order by number').all() as AccountRow[]).map((a) => [a.id, a]));
  const locations = new Map(
    (sqlite.prepare('select id, name, tax_rate_ppm from locations').all() as { id: number; name: string; tax_rate_ppm: number | null }[]).map((l) => [
      l.id,
      { name: l.name, taxRatePpm: l.tax_rate_ppm },
    ]),
  );
  const subscriptionRows = sqlite
    .prepare(
      `select s.id, s.account_id, s.location_id, s.quantity, s.start_date, s.end_date, s.subscriber_number, s.subscriber_name,
              p.id as product_id, p.name as product_name, p.monthly_price_cents, p.included_minutes, p.usage_category, p.overage_millicents_per_minute
       from subscriptions s join products p on p.id = s.product_id order by s.account_id, s.location_id, s.id`,
    )
    .all() as Row[];
  const subscriptions = new Map<number, BillableSubscription[]>();
  const voicePlans = new Map<number, VoicePlanSubscription[]>();
  const push = <T>(map: Map<number, T[]>, key: number, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const r of subscriptionRows) {
    const accountId = Number(r.account_id);
    const common = {
      id: Number(r.id),
      locationId: r.location_id === null ? null : Number(r.location_id),
      quantity: Number(r.quantity),
      startDate: String(r.start_date),
      endDate: r.end_date === null ? null : String(r.end_date),
      subscriberNumber: r.subscriber_number === null ? null : String(r.subscriber_number),
    };
    // Ended voice plans still matter: a late call from when they were active is rated on them.
    if (r.included_minutes !== null && r.usage_category !== null) {
      push(voicePlans, accountId, {
        ...common,
        productId: Number(r.product_id),
        productName: String(r.product_name),
        includedMinutes: Number(r.included_minutes),
        category: String(r.usage_category),
        overageMillicentsPerMinute: Number(r.overage_millicents_per_minute ?? 0),
      });
    }
    if (common.startDate <= period.lastDay && (common.endDate === null || common.endDate >= period.firstDay)) {
      push(subscriptions, accountId, {
        ...common,
        productName: String(r.product_name),
        monthlyPriceCents: Number(r.monthly_price_cents),
        subscriberName: r.subscriber_name === null ? null : String(r.subscriber_name),
      });
    }
  }
  const usageRates = new Map((sqlite.prepare('select category, millicents_per_minute from usage_rates').raw().all() as [string, number][]).map(([c, r]) => [c, r]));
  // Owed past the due date on the day the period's invoices are issued.
  const pastDue = new Map(
    sqlite
      .prepare(
        `select i.account_id, sum(${INVOICE_BALANCE_SQL}) as owed
         from invoices i where i.state = 'issued' and i.due_date < ? group by i.account_id having owed > 0`,
      )
      .raw()
      .all(period.issueDate) as [number, number][],
  );
  return { accounts, locations, subscriptions, voicePlans, usageRates, pastDue };
}

/** Stores the invoices (numbered in account order), marks their calls billed, applies any credit. Returns the run's total. */
function writeInvoices(
  db: Db,
  period: Period,
  policy: BillingPolicy,
  drafts: Draft[],
  calls: { callIds: number[]; callMinutes: number[]; callCharges: number[]; callBillPeriods: (string | null)[] },
): number {
  const sqlite = db.$client;
  const insertInvoice = sqlite.prepare(
    `insert into invoices (number, account_id, period, issue_date, due_date, terms_days, subtotal_cents, tax_cents, total_cents)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLine = sqlite.prepare(
    `insert into invoice_lines (invoice_id, position, kind, description, quantity, unit_price_millicents, amount_cents, location_id, subscription_id,
                                product_id, usage_category, usage_minutes, included_minutes)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rateCall = sqlite.prepare('update usage_records set invoice_id = ?, billed_minutes = ?, charge_millicents = ?, bill_period = ? where id = ?');
  const dueDate = addDays(period.issueDate, policy.termsDays);
  const prefix = `INV-${period.key.replace('-', '')}-`;
  let totalCents = 0;
  drafts.sort((a, b) => a.account.number.localeCompare(b.account.number));
  drafts.forEach((draft, index) => {
    const { invoice } = draft;
    const invoiceId = Number(
      insertInvoice.run(
        prefix + String(index + 1).padStart(5, '0'),
        draft.account.id,
        period.key,
        period.issueDate,
        dueDate,
        policy.termsDays,
        invoice.subtotalCents,
        invoice.taxCents,
        invoice.totalCents,
      ).lastInsertRowid,
    );
    for (const l of invoice.lines) {
      const u = l.usage;
      insertLine.run(invoiceId, l.position, l.kind, l.description, l.quantity, l.unitPriceMillicents, l.amountCents, l.locationId, l.subscriptionId,
        u?.productId ?? null, u?.category ?? null, u?.usedMinutes ?? null, u?.includedMinutes ?? null);
    }
    for (let i = draft.callsFrom; i < draft.callsTo; i++) {
      rateCall.run(invoiceId, calls.callMinutes[i], calls.callCharges[i], calls.callBillPeriods[i], calls.callIds[i]);
    }
    totalCents += invoice.totalCents;
  });
  // Credit on account (overpayments, payments before the invoice) goes to the new invoices.
  for (const accountId of accountsWithCredit(db)) allocateAccountCredit(db, accountId);
  return totalCents;
}

/** The billing policy the configuration sets (PAYMENT_TERMS_DAYS, LATE_FEE_PERCENT, LATE_FEE_MINIMUM_CENTS, IMPORT_ABANDONED_SECONDS). */
export function billingPolicyOf(config: { paymentTermsDays: number; lateFeePercent: number; lateFeeMinimumCents: number; imports: { abandonedAfterSeconds: number } }): BillingPolicy {
  return {
    termsDays: config.paymentTermsDays,
    lateFee: { ratePpm: percentToPpm(config.lateFeePercent), minimumCents: config.lateFeeMinimumCents },
    abandonedImportSeconds: config.imports.abandonedAfterSeconds,
  };
}

/** Runs the billing and writes the outcome to the audit log. */
export function billPeriod(db: Db, policy: BillingPolicy, periodKey: string, today: string, source: { via: 'cli' | 'api' | 'demo'; ip?: string | null }): BillingRunReport {
  const report = runBilling(db, periodKey, today, policy);
  if (report.status === 'billed') {
    const { period, invoices, totals, calls, lateCalls } = report;
    audit(db, { action: 'billing.run', ip: source.ip ?? null, detail: { period, invoices, totals, calls, lateCalls, via: source.via } });
  }
  return report;
}

/** The report as a provider reads it on the console. */
export function describeBillingRun(r: BillingRunReport): string {
  const money = r.totals.length ? r.totals.map((t) => formatMoney(t.cents, t.currency)).join(' and ') : formatMoney(0, 'USD');
  if (r.status === 'already_billed') return `${r.period} was billed already (${r.invoices} invoices, ${money}); nothing changed.`;
  const late = r.lateCalls ? `, ${r.lateCalls} of them from earlier months` : '';
  return `${r.period} billed: ${r.invoices} invoices, ${money}; ${r.calls} calls rated${late}.`;
}
