import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/client.ts';
import { prepared } from '../../db/prepared.ts';
import type { ReportPeriod, ScopeAccount } from './scope.ts';

/** A call as Usage Details reads it: id, account, subscriber, start (epoch s), seconds, from, to, category, charge (millicents), bill period. */
export type CallTuple = [number, number, string, number, number, string, string, string, number | null, string | null];

export interface CallFilter {
  subscriber?: string | undefined;
  category?: string | undefined;
  /** Digits (and a leading +) the from or to number contains. */
  q?: string | undefined;
}

/** Where a page ended: the time and id of its last call. Calls are ordered by (start, id). */
export interface CallCursor {
  startedAt: number;
  id: number;
}

export const cursorText = (c: CallCursor) => `${c.startedAt}-${c.id}`;
export const parseCursor = (text: string): CallCursor => {
  const [startedAt, id] = text.split('-').map(Number);
  return { startedAt: startedAt!, id: id! };
};

const COLUMNS = 'id, account_id, subscriber_number, started_at, duration_seconds, from_number, to_number, category, charge_millicents, bill_period';

/**
 * The keyset queries of an account's calls billed in a period, each by (start, id) from a
 * cursor: the billed calls that started in it (on usage_billed_account_idx) and the calls not
 * billed yet (on usage_unbilled_started_idx), both leaving out calls a later invoice carries;
 * and the few from before it that its invoices carry (on usage_late_idx). Filters are added to
 * the SQL only when given, so each shape is prepared once.
 */
function statements(db: Db, filter: CallFilter): Statement[] {
  const where = [filter.subscriber ? 'and subscriber_number = @subscriber' : '', filter.category ? 'and category = @category' : '', filter.q ? 'and (from_number like @q or to_number like @q)' : ''].join(' ');
  // One lower bound on the time (the later of the period's start and the cursor's), so the index
  // range starts at the cursor: with two, the planner may start at the period's start.
  const inPeriod = `started_at >= @lowest and started_at < @end and (started_at > @afterTime or id > @afterId) and (bill_period is null or bill_period <= @to) ${where}`;
  const key = `reports.calls${filter.subscriber ? '.s' : ''}${filter.category ? '.c' : ''}${filter.q ? '.q' : ''}`;
  return prepared(db, key, () => [
    // The unary + keeps the planner off the time indexes: walking the account's calls from the
    // cursor back to the period's start would read its whole history to find a few.
    db.$client.prepare(
      `select ${COLUMNS} from usage_records
       where account_id = @account and bill_period between @from and @to and +started_at < @start
         and +started_at >= @afterTime and (+started_at > @afterTime or id > @afterId) ${where}
       order by started_at, id limit @limit`,
    ),
    db.$client.prepare(`select ${COLUMNS} from usage_records where account_id = @account and invoice_id is not null and ${inPeriod} order by started_at, id limit @limit`),
    // Not billed yet: by time for all accounts, so one query serves every account of a rollup.
    db.$client.prepare(
      `select ${COLUMNS} from usage_records where invoice_id is null and account_id in (select value from json_each(@accounts)) and ${inPeriod}
       order by started_at, id limit @limit`,
    ),
  ]);
}

/** One keyset query's calls in order, fetched `batch` at a time (the connection is free between batches). */
function keysetSource(statement: Statement, params: Record<string, unknown>, start: number, after: CallCursor | null, batch: number) {
  let cursor = after ?? { startedAt: -1, id: 0 };
  let buffer: CallTuple[] = [];
  let index = 0;
  let done = false;
  return {
    peek(): CallTuple | undefined {
      if (index >= buffer.length && !done) {
        buffer = statement.raw().all({ ...params, lowest: Math.max(start, cursor.startedAt), afterTime: cursor.startedAt, afterId: cursor.id, limit: batch }) as CallTuple[];
        index = 0;
        done = buffer.length < batch;
        const last = buffer[buffer.length - 1];
        if (last) cursor = { startedAt: last[3], id: last[0] };
      }
      return buffer[index];
    },
    take(): CallTuple {
      return buffer[index++]!;
    },
  };
}

/**
 * The keyset sources of the accounts' calls of the period: per account, the late calls its
 * invoices carry and its billed calls; and for all of them at once, the calls not billed yet
 * (the unbilled index is by time, so one walk finds every account's).
 */
function sourcesOf(db: Db, accounts: ScopeAccount[], period: ReportPeriod, filter: CallFilter, after: CallCursor | null, batch: number) {
  const params = {
    start: period.first.startSeconds,
    end: period.last.endSeconds,
    from: period.from,
    to: period.to,
    subscriber: filter.subscriber ?? null,
    category: filter.category ?? null,
    q: filter.q ? `%${filter.q}%` : null,
  };
  const [carriedIn, billed, unbilled] = statements(db, filter) as [Statement, Statement, Statement];
  const start = period.first.startSeconds;
  return [
    ...accounts.flatMap((a) => [carriedIn, billed].map((statement) => keysetSource(statement, { ...params, account: a.id }, start, after, batch))),
    keysetSource(unbilled, { ...params, accounts: JSON.stringify(accounts.map((a) => a.id)) }, start, after, batch),
  ];
}

/**
 * The calls of the accounts billed in the period, in time order across the accounts, after
 * `after`: `next(n)` gives the next n. A head office's sub-accounts are merged as they are read.
 */
export function callStream(db: Db, accounts: ScopeAccount[], period: ReportPeriod, filter: CallFilter, after: CallCursor | null, batch: number) {
  const sources = sourcesOf(db, accounts, period, filter, after, batch);
  const before = (a: CallTuple, b: CallTuple) => a[3] < b[3] || (a[3] === b[3] && a[0] < b[0]);
  return {
    next(n: number): CallTuple[] {
      const calls: CallTuple[] = [];
      while (calls.length < n) {
        // The source with the earliest call, and the earliest call of the others: the first
        // source's calls are taken in a run up to that one (runs are long: months of calls).
        let best: (typeof sources)[number] | undefined;
        let bestCall: CallTuple | undefined;
        let next: CallTuple | undefined;
        for (const source of sources) {
          const call = source.peek();
          if (!call) continue;
          if (!bestCall || before(call, bestCall)) {
            if (bestCall && (!next || before(bestCall, next))) next = bestCall;
            [best, bestCall] = [source, call];
          } else if (!next || before(call, next)) next = call;
        }
        if (!best) break;
        for (let call = best.peek(); call && calls.length < n && (!next || before(call, next)); call = best.peek()) calls.push(best.take());
      }
      return calls;
    },
    hasMore: () => sources.some((s) => s.peek() !== undefined),
  };
}
