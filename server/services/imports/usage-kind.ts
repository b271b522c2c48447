import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/client.ts';
import * as f from './fields.ts';
import type { RowOf } from './fields.ts';
import type { ImportKind } from './import.ts';
import { accountIds } from './reference-kinds.ts';

const USAGE_COLUMNS = {
  id: f.text(80).required,
  account: f.accountNumber.required,
  subscriber: f.text(40).required,
  start: f.timestamp.required,
  duration_seconds: f.integer(0, 86_400).required,
  from: f.text(40).required,
  to: f.text(40).required,
  category: f.text(40).required,
};

let stagingTables = 0;
const ROWS_PER_STATEMENT = 100;

/**
 * Call detail records. Files run to millions of rows: checked rows go to a temporary table in
 * batches (a short write each, so the server keeps serving), and move into usage_records in one
 * statement once the whole file is good, sorted as the account/time index wants them (several
 * times faster than inserting in file order, where every row lands on another index page). A record whose id is stored already is a duplicate:
 * counted and skipped, so importing a file twice never bills twice.
 */
export const usageKind: ImportKind<typeof USAGE_COLUMNS> = {
  name: 'usage',
  description: 'call detail records: one row per call, rated when its month is billed',
  columns: USAGE_COLUMNS,
  open(db: Db) {
    const ids = accountIds(db);
    const sqlite = db.$client;
    const categories = new Set(
      sqlite.prepare('select usage_category as c from products where usage_category is not null union select category from usage_rates').pluck().all() as string[],
    );
    const table = `temp.import_usage_${++stagingTables}`;
    sqlite.exec(`create table ${table} (source_id text, account_id integer, subscriber_number text, started_at integer, duration_seconds integer, from_number text, to_number text, category text)`);
    // Many rows per statement: a third faster than one statement per row.
    const statements = new Map<number, Statement>();
    const insertRows = (count: number) => {
      let statement = statements.get(count);
      if (!statement) statements.set(count, (statement = sqlite.prepare(`insert into ${table} values ${Array(count).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`)));
      return statement;
    };
    const insertBatch = sqlite.transaction((rows: RowOf<typeof USAGE_COLUMNS>[]) => {
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const slice = rows.slice(start, start + ROWS_PER_STATEMENT);
        insertRows(slice.length).run(slice.flatMap((r) => [r.id, ids.get(r.account), r.subscriber, r.start, r.duration_seconds, r.from, r.to, r.category]));
      }
    });
    let staged = 0;
    const drop = () => sqlite.exec(`drop table if exists ${table}`);
    return {
      check(r, fail) {
        if (!ids.has(r.account)) fail('account', `No account ${r.account}.`);
        if (!categories.has(r.category)) fail('category', `"${r.category}" is no plan's usage category and has no rate (see usage-rates).`);
      },
      stage(rows) {
        insertBatch(rows);
        staged += rows.length;
      },
      commit() {
        const moved = sqlite.transaction(() => {
          const { changes } = sqlite
            .prepare(
              `insert into usage_records (source_id, account_id, subscriber_number, started_at, duration_seconds, from_number, to_number, category)
               select * from ${table} where true order by account_id, started_at on conflict (source_id) do nothing`,
            )
            .run();
          return changes;
        })();
        drop();
        return { inserted: moved, updated: 0, duplicates: staged - moved };
      },
      discard: drop,
    };
  },
};
