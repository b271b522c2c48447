import type { Db } from '../../db/client.ts';
import { beginUsageImport, commitUsageImport, discardUsageImport } from '../usage/usage-imports.ts';
import { USAGE_ROW_WIDTH } from '../usage/usage-rows.ts';
import { createUsageWriter } from '../usage/usage-writer.ts';
import * as f from './fields.ts';
import type { ImportKind } from './import.ts';
import type { ImportSettings } from './settings.ts';
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

/**
 * Call detail records. Files run to millions of rows, so checked rows go straight into
 * usage_records in batches, tagged with the import's id, written by a worker thread while this
 * one parses on (see usage-writer.ts); if the file turns out bad, those rows are deleted again
 * (usage-imports.ts). A record whose id is stored already is a duplicate: counted and skipped,
 * so importing a file twice never bills twice.
 */
export const usageKind: ImportKind<typeof USAGE_COLUMNS> = {
  name: 'usage',
  description: 'call detail records: one row per call, rated when its month is billed',
  columns: USAGE_COLUMNS,
  open(db: Db, settings: ImportSettings) {
    const ids = accountIds(db);
    const sqlite = db.$client;
    const categories = new Set(
      sqlite.prepare('select usage_category as c from products where usage_category is not null union select category from usage_rates').pluck().all() as string[],
    );
    const claim = beginUsageImport(db, settings.abandonedAfterSeconds);
    const importId = claim.id;
    const writer = createUsageWriter(sqlite, importId);
    let rows = 0;
    return {
      check(r, fail) {
        if (!ids.has(r.account)) fail('account', `No account ${r.account}.`);
        if (!categories.has(r.category)) fail('category', `"${r.category}" is no plan's usage category and has no rate (see usage-rates).`);
      },
      stage(batch) {
        if (batch.length === 0) return;
        rows += batch.length;
        const params = new Array(batch.length * USAGE_ROW_WIDTH);
        let p = 0;
        for (const r of batch) {
          params[p++] = r.id;
          params[p++] = ids.get(r.account);
          params[p++] = r.subscriber;
          params[p++] = r.start;
          params[p++] = r.duration_seconds;
          params[p++] = r.from;
          params[p++] = r.to;
          params[p++] = r.category;
        }
        return writer.write(params);
      },
      async commit() {
        const { inserted, totals } = await writer.finish();
        commitUsageImport(db, importId, { rows, inserted, duplicates: rows - inserted }, totals);
        claim.release();
        return { inserted, updated: 0, duplicates: rows - inserted };
      },
      async discard() {
        try {
          await writer.abort();
          discardUsageImport(db, importId);
        } finally {
          claim.release();
        }
      },
    };
  },
};
