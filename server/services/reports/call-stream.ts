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
 * The two keyset queries of an account's calls billed in a period, both by (start, id) from a
 * cursor: the calls that started in it (on usage_account_started_idx; those a later invoice
 * carries left out), and the few from before it that its invoices carry (on usage_late_idx).
 * Filters are added to the SQL only when given, so each shape is prepared once.
 */
function statements(db: Db, filter: CallFilter): { inPeriod: Statement; carriedIn: Statement } {
  const where = [filter.subscriber ? 'and subscriber_number = @subscriber' : '', filter.category ? 'and category = @category' : '', filter.q ? 'and (from_number like @q or to_number like @q)' : ''].join(' ');
  const key = `reports.calls${filter.subscriber ? '.s' : ''}${filter.category ? '.c' : ''}${filter.q ? '.q' : ''}`;
  return prepared(db, key, () => ({
    inPeriod: db.$client.prepare(
      // One lower bound on the time (the later of the period's start and the cursor's), so the
      // index range starts at the cursor: two would let the planner start at the period's.
      `select ${COLUMNS} from usage_records
       where account_id = @account and started_at >= @lowest and started_at < @end and (started_at > @afterTime or id > @afterId)
         and (bill_period is null or bill_period <= @to) ${where}
       order by started_at, id limit @limit`,
    ),
    // The unary + keeps the planner off the time index here: walking the account's calls from
    // the cursor back to the period's start would read its whole history to find a few.
    carriedIn: db.$client.prepare(
      `select ${COLUMNS} from usage_records
       where account_id = @account and bill_period between @from and @to and +started_at < @start
         and +started_at >= @afterTime and (+started_at > @afterTime or id > @afterId) ${where}
       order by started_at, id limit @limit`,
    ),
  }));
}

/** One account's calls of the period in order, fetched `batch` at a time (the connection is free between batches). */
function accountCalls(db: Db, account: ScopeAccount, period: ReportPeriod, filter: CallFilter, after: CallCursor | null, batch: number) {
  const { inPeriod, carriedIn } = statements(db, filter);
  const base = {
    account: account.id,
    start: period.first.startSeconds,
    end: period.last.endSeconds,
    from: period.from,
    to: period.to,
    subscriber: filter.subscriber ?? null,
    category: filter.category ?? null,
    q: filter.q ? `%${filter.q}%` : null,
  };
  // The calls carried in from earlier months all started before the period: they come first.
  const parts = [carriedIn, inPeriod];
  let part = 0;
  let cursor = after ?? { startedAt: -1, id: 0 };
  let buffer: CallTuple[] = [];
  let index = 0;
  return {
    peek(): CallTuple | undefined {
      while (index >= buffer.length && part < parts.length) {
        const limit = batch;
        const lowest = Math.max(base.start, cursor.startedAt);
        buffer = parts[part]!.raw().all({ ...base, lowest, afterTime: cursor.startedAt, afterId: cursor.id, limit }) as CallTuple[];
        index = 0;
        if (buffer.length < limit) part++;
        if (buffer.length) cursor = { startedAt: buffer[buffer.length - 1]![3], id: buffer[buffer.length - 1]![0] };
      }
      return buffer[index];
    },
    take(): CallTuple {
      return buffer[index++]!;
    },
  };
}

/**
 * The calls of the accounts billed in the period, in time order across the accounts, after
 * `after`: `next(n)` gives the next n. A head office's sub-accounts are merged as they are read.
 */
export function callStream(db: Db, accounts: ScopeAccount[], period: ReportPeriod, filter: CallFilter, after: CallCursor | null, batch: number) {
  const sources = accounts.map((a) => accountCalls(db, a, period, filter, after, batch));
  const earliest = () => {
    let best: (typeof sources)[number] | undefined;
    let bestCall: CallTuple | undefined;
    for (const source of sources) {
      const call = source.peek();
      if (call && (!bestCall || call[3] < bestCall[3] || (call[3] === bestCall[3] && call[0] < bestCall[0]))) [best, bestCall] = [source, call];
    }
    return best;
  };
  return {
    next(n: number): CallTuple[] {
      const calls: CallTuple[] = [];
      if (sources.length === 1) {
        const only = sources[0]!;
        while (calls.length < n && only.peek()) calls.push(only.take());
        return calls;
      }
      for (let source = earliest(); source && calls.length < n; source = earliest()) calls.push(source.take());
      return calls;
    },
    hasMore: () => sources.some((s) => s.peek() !== undefined),
  };
}
