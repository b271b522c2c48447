import type { Database, Statement } from 'better-sqlite3';
import { refreshUsageImportHeartbeat, UsageImportAbandonedError } from './usage-imports.ts';

/** Columns of a usage row as the writers take them: 8 values per row, flat. */
export const USAGE_ROW_WIDTH = 8;
const ROWS_PER_STATEMENT = 100;

export type UsageWriterMessage = { type: 'batch'; params: unknown[] } | { type: 'close' };

/** What the writer worker answers: per batch, and its totals once closed. */
export type UsageWriterReply =
  | { type: 'written'; inserted: number }
  | { type: 'failed'; message: string; abandoned: boolean }
  | { type: 'totals'; rows: UsageTotal[] };

/**
 * A function that stores rows (flat: source id, account id, subscriber, start, seconds, from,
 * to, category) for an import, in one transaction, skipping ids stored already; returns how many
 * were new. Many rows per statement: a third faster than one statement per row. Throws
 * UsageImportAbandonedError, storing nothing, once the import's claim is gone: its rows were
 * discarded, and new ones would be orphans.
 */
export function insertUsageRows(sqlite: Database, importId: number): (params: unknown[]) => number {
  const statements = new Map<number, Statement>();
  const statementFor = (rows: number) => {
    let statement = statements.get(rows);
    if (!statement) {
      const values = Array(rows).fill(`(?, ?, ?, ?, ?, ?, ?, ?, ${importId})`).join(', ');
      statement = sqlite.prepare(
        `insert into usage_records (source_id, account_id, subscriber_number, started_at, duration_seconds, from_number, to_number, category, import_id)
         values ${values} on conflict (source_id) do nothing`,
      );
      statements.set(rows, statement);
    }
    return statement;
  };
  return sqlite.transaction((params: unknown[]) => {
    if (!refreshUsageImportHeartbeat(sqlite, importId)) throw new UsageImportAbandonedError();
    let inserted = 0;
    const step = ROWS_PER_STATEMENT * USAGE_ROW_WIDTH;
    for (let start = 0; start < params.length; start += step) {
      const slice = params.length <= step ? params : params.slice(start, start + step);
      inserted += statementFor(slice.length / USAGE_ROW_WIDTH).run(slice).changes;
    }
    return inserted;
  });
}

/** One usage_totals row: account id, period, subscriber, category, minutes, calls, last call (epoch s). */
export type UsageTotal = [number, string, string, string, number, number, number];

/**
 * Sums rows (flat, as the writers take them) into usage totals as they are written, so a
 * commit need not read the calls back.
 */
export function usageTotalsAccumulator() {
  const totals = new Map<string, UsageTotal>();
  // Calls come roughly in time order: the month of the last one is usually the next one's.
  let monthFrom = 0;
  let monthTo = -1;
  let month = '';
  const periodOf = (seconds: number) => {
    if (seconds < monthFrom || seconds >= monthTo) {
      const d = new Date(seconds * 1000);
      monthFrom = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
      monthTo = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
      month = d.toISOString().slice(0, 7);
    }
    return month;
  };
  return {
    add(params: unknown[]) {
      for (let i = 0; i < params.length; i += USAGE_ROW_WIDTH) {
        const accountId = params[i + 1] as number;
        const subscriber = params[i + 2] as string;
        const startedAt = params[i + 3] as number;
        const minutes = Math.ceil((params[i + 4] as number) / 60);
        const category = params[i + 7] as string;
        const period = periodOf(startedAt);
        const key = `${accountId}|${period}|${subscriber}|${category}`;
        const total = totals.get(key);
        if (total) {
          total[4] += minutes;
          total[5] += 1;
          if (startedAt > total[6]) total[6] = startedAt;
        } else totals.set(key, [accountId, period, subscriber, category, minutes, 1, startedAt]);
      }
    },
    rows: (): UsageTotal[] => [...totals.values()],
  };
}
