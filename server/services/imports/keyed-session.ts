import type { Db } from '../../db/client.ts';
import type { ImportCounts, ImportSession, RowError } from './import.ts';

export interface KeyedOptions<Row> {
  /** The row's identity; a row whose key is already stored updates it. */
  keyOf(row: Row): string;
  /** Which column names the key, for "same as line N" errors. */
  keyColumn: string;
  /** Keys already stored. */
  existing: Set<string>;
  /** Checks what the columns alone cannot (references, rules across columns). */
  check?(row: Row, fail: (column: string, message: string) => void): void;
  finalCheck?(rows: Row[], lineOf: (row: Row) => number): RowError[];
  /** Inserts or updates one row. */
  write(row: Row): void;
  /** After every row is written, in the same transaction. */
  afterWrite?(rows: Row[]): void;
}

/**
 * A session for reference data (accounts, locations, the catalog, subscriptions): files of
 * thousands of rows, held in memory and upserted by key in one transaction. A key may appear
 * once per file, so a file never contradicts itself.
 */
export function keyedSession<Row>(db: Db, options: KeyedOptions<Row>): ImportSession<Row> {
  let held: Row[] = [];
  const seen = new Map<string, number>();
  const lines = new WeakMap<object, number>();
  return {
    check(row, fail, line) {
      const key = options.keyOf(row);
      const earlier = seen.get(key);
      if (earlier !== undefined) fail(options.keyColumn, `"${key}" appears twice in the file (also on line ${earlier}).`);
      else seen.set(key, line);
      lines.set(row as object, line);
      options.check?.(row, fail);
    },
    stage(rows) {
      held.push(...rows);
    },
    finalCheck: options.finalCheck && (() => options.finalCheck!(held, (row) => lines.get(row as object) ?? 0)),
    commit(): ImportCounts {
      return db.transaction(() => {
        let updated = 0;
        for (const row of held) {
          if (options.existing.has(options.keyOf(row))) updated++;
          options.write(row);
        }
        options.afterWrite?.(held);
        return { inserted: held.length - updated, updated, duplicates: 0 };
      });
    },
    discard() {
      held = [];
    },
  };
}
