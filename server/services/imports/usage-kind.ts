import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/client.ts';
import { beginUsageImport, commitUsageImport, discardUsageImport, heartbeatUsageImport } from '../usage/usage-imports.ts';
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

const ROWS_PER_STATEMENT = 100;

/**
 * Call detail records. Files run to millions of rows, so checked rows go straight into
 * usage_records in short batches (the server keeps serving between them), tagged with the
 * import's id; if the file turns out bad, those rows are deleted again (see usage-imports.ts).
 * A record whose id is stored already is a duplicate: counted and skipped, so importing a file
 * twice never bills twice.
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
    const importId = beginUsageImport(db);
    // Many rows per statement: a third faster than one statement per row.
    const statements = new Map<number, Statement>();
    const insertRows = (count: number) => {
      let statement = statements.get(count);
      if (!statement) {
        const values = Array(count).fill(`(?, ?, ?, ?, ?, ?, ?, ?, ${importId})`).join(', ');
        statement = sqlite.prepare(
          `insert into usage_records (source_id, account_id, subscriber_number, started_at, duration_seconds, from_number, to_number, category, import_id)
           values ${values} on conflict (source_id) do nothing`,
        );
        statements.set(count, statement);
      }
      return statement;
    };
    let rows = 0;
    let inserted = 0;
    // One parameter array for full statements, reused: a million-row file makes no garbage here.
    const fullParams = new Array(ROWS_PER_STATEMENT * 8);
    const insertBatch = sqlite.transaction((batch: RowOf<typeof USAGE_COLUMNS>[]) => {
      for (let start = 0; start < batch.length; start += ROWS_PER_STATEMENT) {
        const count = Math.min(ROWS_PER_STATEMENT, batch.length - start);
        const params = count === ROWS_PER_STATEMENT ? fullParams : new Array(count * 8);
        let p = 0;
        for (let i = start; i < start + count; i++) {
          const r = batch[i]!;
          params[p++] = r.id;
          params[p++] = ids.get(r.account);
          params[p++] = r.subscriber;
          params[p++] = r.start;
          params[p++] = r.duration_seconds;
          params[p++] = r.from;
          params[p++] = r.to;
          params[p++] = r.category;
        }
        inserted += insertRows(count).run(params).changes;
      }
      heartbeatUsageImport(db, importId);
    });
    return {
      check(r, fail) {
        if (!ids.has(r.account)) fail('account', `No account ${r.account}.`);
        if (!categories.has(r.category)) fail('category', `"${r.category}" is no plan's usage category and has no rate (see usage-rates).`);
      },
      stage(batch) {
        insertBatch(batch);
        rows += batch.length;
      },
      commit() {
        commitUsageImport(db, importId, { rows, inserted, duplicates: rows - inserted });
        return { inserted, updated: 0, duplicates: rows - inserted };
      },
      discard: () => discardUsageImport(db, importId),
    };
  },
};
