import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../db/client.ts';
import { InputError } from './errors.ts';

export interface BackupReport {
  /** The folder made: `portal.db` and `attachments/`. */
  dir: string;
  databaseBytes: number;
  /** What the copy holds, read back from it. */
  counts: { accounts: number; invoices: number; payments: number; tickets: number };
  attachments: number;
  attachmentBytes: number;
}

/** The temporary name a ticket's file has until its message commits (tickets/attachment-store.ts). */
const PART = '.part';

/**
 * A copy of the portal's data that can be restored as it is: the database through SQLite's online
 * backup (a consistent snapshot while the server keeps writing), checked with integrity_check, then
 * the ticket files that snapshot names. Files are copied after the snapshot: a file is written
 * before its message commits, so every file the snapshot names exists by then (still under its
 * temporary name when the rename after the commit has not happened yet: it is copied under its
 * own). Files of messages that never committed are left out. A copy that cannot be completed is
 * removed, so no half backup is mistaken for a whole one.
 */
export async function backupTo(db: Db, attachmentsDir: string, targetRoot: string, now: Date): Promise<BackupReport> {
  const dir = join(targetRoot, `portal-${now.toISOString().replace(/[:.]/g, '-')}`);
  if (existsSync(dir)) throw new InputError(`${dir} already exists: nothing was written.`);
  mkdirSync(join(dir, 'attachments'), { recursive: true });
  try {
    const file = join(dir, 'portal.db');
    await db.$client.backup(file);
    const copy = new Database(file);
    try {
      // One self-contained file (the snapshot keeps the server's WAL mode, which wants two more beside it).
      copy.pragma('journal_mode = DELETE');
      const integrity = copy.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new InputError(`The copy of the database failed its integrity check (${String(integrity)}).`);
      const count = (table: string) => copy.prepare(`select count(*) from ${table}`).pluck().get() as number;
      const storedNames = copy.prepare('select stored_name from ticket_attachments order by id').pluck().all() as string[];
      let attachmentBytes = 0;
      const missing: string[] = [];
      for (const name of storedNames) {
        const source = [join(attachmentsDir, name), join(attachmentsDir, name + PART)].find((f) => existsSync(f));
        if (!source) {
          missing.push(name);
          continue;
        }
        copyFileSync(source, join(dir, 'attachments', name));
        attachmentBytes += statSync(source).size;
      }
      if (missing.length) throw new InputError(`${missing.length} ticket file(s) named by the database are not in ${attachmentsDir} (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}): no backup was kept.`);
      return {
        dir,
        databaseBytes: statSync(file).size,
        counts: { accounts: count('accounts'), invoices: count('invoices'), payments: count('payments'), tickets: count('tickets') },
        attachments: storedNames.length,
        attachmentBytes,
      };
    } finally {
      copy.close();
    }
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** The backups in `root` that `backupTo` made, oldest first (their names sort by time). */
const backupsIn = (root: string) => (existsSync(root) ? readdirSync(root).filter((name) => /^portal-\d{4}-\d{2}-\d{2}T/.test(name)).sort() : []);

/** Deletes all but the newest `keep` backups in `root` (nothing else there); returns the folders removed. */
export function pruneBackups(root: string, keep: number): string[] {
  const old = backupsIn(root).slice(0, -keep);
  for (const name of old) rmSync(join(root, name), { recursive: true, force: true });
  return old.map((name) => join(root, name));
}
