import type { Database } from 'better-sqlite3';
import type { Db } from '../../db/client.ts';
import { BusyError } from '../errors.ts';
import type { UsageTotal } from './usage-rows.ts';
import { openPeriod, tagLateCalls } from './usage-totals.ts';

/**
 * The lifecycle of a usage import (see `usage_imports` in the schema): one at a time, rows
 * tagged with its id while it runs, deleted again if it is rejected or abandoned.
 *
 * A running import holds a claim, kept alive by a heartbeat on a timer for as long as it runs
 * (a slow upload may send nothing for minutes). An import whose heartbeat stopped for
 * IMPORT_ABANDONED_SECONDS is taken as dead (its process is gone) and discarded by the next
 * import or billing run. An import that finds its claim gone stores nothing more and never
 * commits: every write checks the claim in the same transaction.
 */

/** The import's claim was taken from it (it was taken as abandoned and discarded): nothing of it is stored. */
export class UsageImportAbandonedError extends BusyError {
  override name = 'UsageImportAbandonedError';
  constructor() {
    super('The import was taken as abandoned (its process did not answer for too long) and another import or billing run removed it: nothing was stored. Send the file again.');
  }
}

/** Refreshes a running import's heartbeat; false when the import is no longer running (its claim is gone). */
export function refreshUsageImportHeartbeat(sqlite: Database, importId: number): boolean {
  return sqlite.prepare("update usage_imports set heartbeat_at = ? where id = ? and state = 'running'").run(nowSeconds(), importId).changes === 1;
}

/** A running import's hold on the one usage-import slot. */
export interface UsageImportClaim {
  readonly id: number;
  /** Stops the heartbeat; after commit or discard. */
  release(): void;
}


const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Deletes the rows of an import that will not commit, and the import itself. */
export function discardUsageImport(db: Db, importId: number): void {
  const sqlite = db.$client;
  sqlite.transaction(() => {
    const row = sqlite.prepare('select first_record_after from usage_imports where id = ? and state = ?').get(importId, 'running') as
      | { first_record_after: number }
      | undefined;
    if (!row) return;
    // The id range keeps this a range scan: the import's rows all have ids above the mark.
    sqlite.prepare('delete from usage_records where id > ? and import_id = ?').run(row.first_record_after, importId);
    sqlite.prepare('delete from usage_imports where id = ?').run(importId);
  })();
}

/** Discards running imports whose process went silent, so their rows never get billed. */
export function discardAbandonedUsageImports(db: Db, abandonedAfterSeconds: number, now = nowSeconds()): number {
  const ids = db.$client
    .prepare('select id from usage_imports where state = ? and heartbeat_at < ?')
    .pluck()
    .all('running', now - abandonedAfterSeconds) as number[];
  for (const id of ids) discardUsageImport(db, id);
  return ids.length;
}

/** Throws BusyError while a usage import runs: its rows are not final yet. */
export function assertNoUsageImportRunning(db: Db, abandonedAfterSeconds: number): void {
  discardAbandonedUsageImports(db, abandonedAfterSeconds);
  const running = db.$client.prepare('select started_at from usage_imports where state = ?').pluck().get('running') as number | undefined;
  if (running !== undefined) {
    throw new BusyError(`A usage import is running (started ${new Date(running * 1000).toISOString()}). Try again when it has finished.`);
  }
}

/** Registers a new import and keeps its claim alive until released; throws BusyError if another one is running. */
export function beginUsageImport(db: Db, abandonedAfterSeconds: number): UsageImportClaim {
  const sqlite = db.$client;
  const id = sqlite.transaction(() => {
    assertNoUsageImportRunning(db, abandonedAfterSeconds);
    const now = nowSeconds();
    const last = (sqlite.prepare("select coalesce(max(seq), 0) from sqlite_sequence where name = 'usage_records'").pluck().get() as number) ?? 0;
    const { lastInsertRowid } = sqlite
      .prepare('insert into usage_imports (state, first_record_after, started_at, heartbeat_at) values (?, ?, ?, ?)')
      .run('running', last, now, now);
    return Number(lastInsertRowid);
  }).immediate();
  // Four beats per abandonment age: a late timer or a busy database still leaves three to spare.
  const heartbeat = setInterval(() => {
    try {
      if (!refreshUsageImportHeartbeat(sqlite, id)) clearInterval(heartbeat);
    } catch {
      // The database is busy past its timeout: the next beat tries again.
    }
  }, (abandonedAfterSeconds * 1000) / 4);
  heartbeat.unref();
  return {
    id,
    release: () => clearInterval(heartbeat),
  };
}

/**
 * Makes the import final and adds its calls to the usage totals, in one transaction. `sent` are
 * the totals of every row the import sent: right when none was a duplicate; otherwise the totals
 * are read back from the rows it stored. Calls of a month billed already count in the open month,
 * whose invoice will carry them (see usage-totals.ts). Throws UsageImportAbandonedError, changing
 * nothing, when the import's claim is gone (its rows were discarded).
 */
export function commitUsageImport(db: Db, importId: number, counts: { rows: number; inserted: number; duplicates: number }, sent: UsageTotal[]): void {
  const sqlite = db.$client;
  const upsert = `on conflict do update set minutes = minutes + excluded.minutes, calls = calls + excluded.calls, last_call_at = max(last_call_at, excluded.last_call_at)`;
  sqlite.transaction(() => {
    const claimed = sqlite
      .prepare("update usage_imports set state = 'committed', finished_at = ?, heartbeat_at = ?, rows = ?, inserted = ?, duplicates = ? where id = ? and state = 'running'")
      .run(nowSeconds(), nowSeconds(), counts.rows, counts.inserted, counts.duplicates, importId);
    if (claimed.changes === 0) throw new UsageImportAbandonedError();
    const open = openPeriod(sqlite);
    if (counts.duplicates === 0) {
      const add = sqlite.prepare(`insert into usage_totals (account_id, period, subscriber_number, category, minutes, calls, last_call_at) values (?, ?, ?, ?, ?, ?, ?) ${upsert}`);
      for (const total of sent) add.run(open && total[1] < open.key ? [total[0], open.key, ...total.slice(2)] : total);
    } else {
      const { first_record_after: after } = sqlite.prepare('select first_record_after from usage_imports where id = ?').get(importId) as { first_record_after: number };
      sqlite
        .prepare(
          `insert into usage_totals (account_id, period, subscriber_number, category, minutes, calls, last_call_at)
           select account_id, max(strftime('%Y-%m', started_at, 'unixepoch'), ?), subscriber_number, category, sum((duration_seconds + 59) / 60), count(*), max(started_at)
           from usage_records where id > ? and import_id = ? group by 1, 2, 3, 4 ${upsert}`,
        )
        .run(open?.key ?? '', after, importId);
    }
    if (open) tagLateCalls(sqlite, open);
  })();
}
