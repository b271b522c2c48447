import type { Database } from 'better-sqlite3';

/**
 * Which month bills a call, kept in one place. A call belongs to the month it started in,
 * unless that month was billed before the call arrived: then the next billing run carries it,
 * and the call (`usage_records.bill_period`) and its usage totals belong to that month.
 */

/** The month the next billing run bills (the one after the latest billed), or null before any. */
export function openPeriod(sqlite: Database): { key: string; startSeconds: number } | null {
  const last = sqlite.prepare('select max(period) from billing_runs').pluck().get() as string | null;
  if (!last) return null;
  const start = Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 1);
  return { key: new Date(start).toISOString().slice(0, 7), startSeconds: start / 1000 };
}

/**
 * After an import: calls not billed yet whose month is closed are the open month's. Only such
 * calls are unbilled and older than the open month, so the unbilled-by-time index finds them.
 */
export function tagLateCalls(sqlite: Database, open: { key: string; startSeconds: number }): void {
  sqlite
    .prepare('update usage_records set bill_period = ? where invoice_id is null and started_at < ? and bill_period is null')
    .run(open.key, open.startSeconds);
}

/** One line and category of an account's billed month: minutes, calls, latest call, charge. */
export interface BilledTotal {
  accountId: number;
  subscriberNumber: string;
  category: string;
  minutes: number;
  calls: number;
  lastCallAt: number;
  chargeMillicents: number;
}

/**
 * The billing run of `period` rates every call the months since the last run hold: their
 * totals become the period's, with the charges, written from the calls just rated.
 */
export function writeBilledTotals(sqlite: Database, period: string, totals: Iterable<BilledTotal>): void {
  const previous = sqlite.prepare('select max(period) from billing_runs where period < ?').pluck().get(period) as string | null;
  sqlite.prepare('delete from usage_totals where period <= ? and period > ?').run(period, previous ?? '');
  const insert = sqlite.prepare(
    `insert into usage_totals (account_id, period, subscriber_number, category, minutes, calls, last_call_at, charge_millicents)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const t of totals) insert.run(t.accountId, period, t.subscriberNumber, t.category, t.minutes, t.calls, t.lastCallAt, t.chargeMillicents);
}

/** Sums an account's rated calls by line and category, as the billing run rates them. */
export function billedTotalsOf(accountId: number, calls: { subscriberNumber: string; category: string; startedAt: number }[], minutes: ArrayLike<number>, charges: ArrayLike<number>): BilledTotal[] {
  const byKey = new Map<string, BilledTotal>();
  calls.forEach((call, i) => {
    const key = `${call.subscriberNumber}\u0000${call.category}`;
    let total = byKey.get(key);
    if (!total) byKey.set(key, (total = { accountId, subscriberNumber: call.subscriberNumber, category: call.category, minutes: 0, calls: 0, lastCallAt: 0, chargeMillicents: 0 }));
    total.minutes += minutes[i]!;
    total.calls++;
    total.chargeMillicents += charges[i]!;
    if (call.startedAt > total.lastCallAt) total.lastCallAt = call.startedAt;
  });
  return [...byKey.values()];
}
