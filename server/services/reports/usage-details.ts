import type { Db } from '../../db/client.ts';
import { millicentsToCents } from '../billing/money.ts';
import { billedMinutes } from '../billing/rating.ts';
import { callStream, cursorText, type CallCursor, type CallFilter, type CallTuple } from './call-stream.ts';
import { csvCell, csvStream, millicentsText } from './csv.ts';
import type { ReportOf } from './report-types.ts';
import type { ReportPeriod, ReportScope } from './scope.ts';
import { zonedClock } from './zoned-time.ts';

type DetailsPage = Pick<ReportOf<'usage-details'>, 'rows' | 'nextCursor' | 'totals' | 'timeZone'>;

/** Each account's clock (its own time zone) and number, by id. */
function accountsById(scope: ReportScope) {
  return new Map(scope.accounts.map((a) => [a.id, { number: a.number, clock: zonedClock(a.timeZone) }]));
}

/** `YYYY-MM` (UTC) of a call's start, remembering the last month: calls come in time order. */
function monthOfCalls() {
  let from = Infinity;
  let until = -Infinity;
  let month = '';
  return (seconds: number) => {
    if (seconds < from || seconds >= until) {
      const d = new Date(seconds * 1000);
      from = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
      until = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
      month = d.toISOString().slice(0, 7);
    }
    return month;
  };
}

/**
 * One page of Usage Details: the calls billed in the period, by time, after the cursor. The
 * totals (of the whole period and filters) come from the usage totals, not from the calls;
 * a number search has none.
 */
export function usageDetailsPage(db: Db, scope: ReportScope, period: ReportPeriod, filter: CallFilter, after: CallCursor | null, limit: number): DetailsPage {
  const stream = callStream(db, scope.accounts, period, filter, after, limit + 1);
  const calls = stream.next(limit);
  const last = calls[calls.length - 1];
  const accounts = accountsById(scope);
  const monthOf = monthOfCalls();
  const rows = calls.map((c) => {
    const account = accounts.get(c[1])!;
    return {
      id: c[0],
      account: account.number,
      startedAt: account.clock(c[3]),
      subscriber: c[2],
      from: c[5],
      to: c[6],
      category: c[7],
      durationSeconds: c[4],
      billedMinutes: billedMinutes(c[4]),
      chargeMillicents: c[8],
      billedIn: c[9] ?? monthOf(c[3]),
    };
  });
  return {
    timeZone: scope.account.timeZone ?? 'UTC',
    rows,
    nextCursor: last && stream.hasMore() ? cursorText({ startedAt: last[3], id: last[0] }) : null,
    totals: filter.q ? null : detailTotals(db, scope, period, filter),
  };
}

function detailTotals(db: Db, scope: ReportScope, period: ReportPeriod, filter: CallFilter) {
  const row = db.$client
    .prepare(
      `select coalesce(sum(calls), 0) as calls, coalesce(sum(minutes), 0) as minutes, coalesce(sum(charge_millicents), 0) as millicents from usage_totals
       where account_id in (${scope.idList}) and period between @from and @to
         and (@subscriber is null or subscriber_number = @subscriber) and (@category is null or category = @category)`,
    )
    .get({ from: period.from, to: period.to, subscriber: filter.subscriber ?? null, category: filter.category ?? null }) as { calls: number; minutes: number; millicents: number };
  return { calls: row.calls, minutes: row.minutes, charge: millicentsToCents(row.millicents) };
}

export const USAGE_DETAILS_HEADER = ['Date and time', 'Customer #', 'Subscriber #', 'From', 'To', 'Category', 'Duration (s)', 'Billed minutes', 'Charge', 'Billed in'];

/** Rows per query of the export: enough to amortise the query; fewer keeps the rows young for the garbage collector (1,024 measured fastest of 512 to 4,096). */
const EXPORT_BATCH = 1024;

/**
 * Every call of the period as CSV, streamed: each chunk is one keyset query's worth of calls,
 * formatted and handed on before the next is read, so memory stays flat however many there are,
 * and the database connection is free between chunks for other requests.
 */
export function usageDetailsCsv(db: Db, scope: ReportScope, period: ReportPeriod, filter: CallFilter): ReadableStream<Uint8Array> {
  const stream = callStream(db, scope.accounts, period, filter, null, EXPORT_BATCH);
  const accounts = accountsById(scope);
  const monthOf = monthOfCalls();
  // Subscribers, categories and charges repeat: each is written once and remembered (a few thousand at most).
  const remembered = <K>(write: (key: K) => string) => {
    const seen = new Map<K, string>();
    return (key: K) => {
      let text = seen.get(key);
      if (text === undefined) {
        text = write(key);
        if (seen.size < 10_000) seen.set(key, text);
      }
      return text;
    };
  };
  const cell = remembered<string>(csvCell);
  const charge = remembered<number>(millicentsText);
  const line = (c: CallTuple) => {
    const account = accounts.get(c[1])!;
    return `${account.clock(c[3])},${account.number},${cell(c[2])},${csvCell(c[5])},${csvCell(c[6])},${cell(c[7])},${c[4]},${billedMinutes(c[4])},${c[8] === null ? '' : charge(c[8])},${c[9] ?? monthOf(c[3])}\r\n`;
  };
  return csvStream(USAGE_DETAILS_HEADER, () => {
    const calls = stream.next(EXPORT_BATCH);
    if (calls.length === 0) return null;
    // Joined, not appended: one flat string, which the encoder reads fastest.
    return calls.map(line).join('');
  });
}
