import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { openDatabase } from '../../server/db/client.ts';
import { seedDemo } from '../../server/db/demo-data.ts';
import { loadConfig } from '../../server/env.ts';
import { billingPolicyOf } from '../../server/services/billing/billing-run.ts';

/**
 * `npm run portal -- backup --to DIR`: the database and the ticket files as a copy that can be
 * restored as it is, made while the portal keeps writing.
 */

const env = (dir: string) => ({ ...process.env, DATABASE_PATH: join(dir, 'portal.db'), ATTACHMENTS_DIR: join(dir, 'attachments'), DEMO_DATA: 'false', OUTBOX_DIR: join(dir, 'outbox') });
const cli = ['--import', 'tsx', 'server/cli.ts'];
const count = (db: Database.Database, table: string) => db.prepare(`select count(*) from ${table}`).pluck().get() as number;

describe('backup', () => {
  let dir: string;
  let storedNames: string[];
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bp-backup-'));
    const config = loadConfig({ DATABASE_PATH: join(dir, 'portal.db'), ATTACHMENTS_DIR: join(dir, 'attachments'), DEMO_DATA: 'false' });
    const db = openDatabase(config.databasePath);
    await seedDemo(db, { today: new Date(), policy: billingPolicyOf(config), attachmentsDir: config.attachmentsDir });
    storedNames = db.$client.prepare('select stored_name from ticket_attachments order by id').pluck().all() as string[];
    db.$client.close();
    assert.ok(storedNames.length >= 2, 'the demo has ticket files');
  });

  test('copies the database (checked, in one file) and the ticket files, while another process writes', async () => {
    const target = mkdtempSync(join(tmpdir(), 'bp-backups-'));
    // The running portal: a connection that keeps writing while the backup runs.
    const live = new Database(join(dir, 'portal.db'));
    live.pragma('busy_timeout = 5000');
    const write = live.prepare("insert into audit_log (at, action, detail) values (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'login.success', '{}')");
    const child = spawn(process.execPath, [...cli, 'backup', '--to', target], { env: env(dir) });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    const exited = new Promise<number>((done) => child.on('exit', (code) => done(code ?? -1)));
    let writes = 0;
    let running = true;
    void exited.then(() => (running = false));
    while (running) {
      write.run();
      writes++;
      await new Promise((r) => setTimeout(r, 2));
    }
    assert.equal(await exited, 0, out);
    assert.ok(writes > 10, 'the portal wrote during the backup');

    const [made] = readdirSync(target);
    const backup = join(target, made!);
    assert.match(out, new RegExp(`Backed up to ${backup.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the database \\([\\d.]+ MB, integrity ok; \\d+ accounts, \\d+ invoices, \\d+ payments, \\d+ tickets\\) and ${storedNames.length} ticket file\\(s\\)`));
    assert.deepEqual(readdirSync(backup).sort(), ['attachments', 'portal.db'], 'one database file: no -wal or -shm beside it');
    const copy = new Database(join(backup, 'portal.db'), { readonly: true });
    assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
    for (const table of ['accounts', 'invoices', 'invoice_lines', 'payments', 'tickets', 'users']) assert.equal(count(copy, table), count(live, table), table);
    copy.close();
    live.close();
    for (const name of storedNames) assert.deepEqual(readFileSync(join(backup, 'attachments', name)), readFileSync(join(dir, 'attachments', name)), name);
  });

  test('restores as it is: the portal opens the copy and reads its files', () => {
    const target = mkdtempSync(join(tmpdir(), 'bp-backups-'));
    assert.equal(spawnSync(process.execPath, [...cli, 'backup', '--to', target], { env: env(dir) }).status, 0);
    const backup = join(target, readdirSync(target)[0]!);
    const restored = openDatabase(join(backup, 'portal.db'));
    assert.equal(count(restored.$client, 'ticket_attachments'), storedNames.length);
    assert.equal(restored.$client.prepare("select count(*) from users where email = 'customer@example.com'").pluck().get(), 1);
    restored.$client.close();
  });

  test('a file whose rename after its commit did not happen yet is copied under its own name', () => {
    const [name] = storedNames;
    renameSync(join(dir, 'attachments', name!), join(dir, 'attachments', `${name}.part`));
    try {
      const target = mkdtempSync(join(tmpdir(), 'bp-backups-'));
      const run = spawnSync(process.execPath, [...cli, 'backup', '--to', target], { env: env(dir), encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const backup = join(target, readdirSync(target)[0]!);
      assert.deepEqual(readFileSync(join(backup, 'attachments', name!)), readFileSync(join(dir, 'attachments', `${name}.part`)));
      assert.equal(existsSync(join(backup, 'attachments', `${name}.part`)), false);
    } finally {
      renameSync(join(dir, 'attachments', `${name}.part`), join(dir, 'attachments', name!));
    }
  });

  test('a ticket file missing from the folder fails the backup and leaves no half copy; no --to is a usage error', () => {
    const [, name] = storedNames;
    const aside = join(dir, `${name}.aside`);
    renameSync(join(dir, 'attachments', name!), aside);
    try {
      const target = mkdtempSync(join(tmpdir(), 'bp-backups-'));
      const run = spawnSync(process.execPath, [...cli, 'backup', '--to', target], { env: env(dir), encoding: 'utf8' });
      assert.equal(run.status, 1);
      assert.match(run.stderr, new RegExp(`1 ticket file\\(s\\) named by the database are not in .*attachments \\(${name}\\): no backup was kept\\.`));
      assert.deepEqual(readdirSync(target), []);
    } finally {
      renameSync(aside, join(dir, 'attachments', name!));
    }
    const usage = spawnSync(process.execPath, [...cli, 'backup'], { env: env(dir), encoding: 'utf8' });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--to is required/);
    rmSync(aside, { force: true });
  });
});

describe('backups kept', () => {
  test('--keep deletes all but the newest backups in the folder, and nothing else there', () => {
    const target = mkdtempSync(join(tmpdir(), 'bp-backups-'));
    for (const old of ['portal-2026-11-20T03-00-00-000Z', 'portal-2026-11-21T03-00-00-000Z', 'portal-2026-11-22T03-00-00-000Z']) mkdirSync(join(target, old, 'attachments'), { recursive: true });
    mkdirSync(join(target, 'notes'));
    const dir = mkdtempSync(join(tmpdir(), 'bp-backup-src-'));
    openDatabase(join(dir, 'portal.db')).$client.close();
    const run = spawnSync(process.execPath, [...cli, 'backup', '--to', target, '--keep', '2'], { env: env(dir), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Removed the older backup .*portal-2026-11-20T03-00-00-000Z\.\nRemoved the older backup .*portal-2026-11-21T03-00-00-000Z\./);
    const left = readdirSync(target).sort();
    assert.equal(left.length, 3);
    assert.deepEqual(left.slice(0, 2), ['notes', 'portal-2026-11-22T03-00-00-000Z'], 'the folder that is not a backup stays, and the newest older backup');
    assert.match(left[2]!, /^portal-\d{4}-/, 'with the one just made');
    assert.equal(spawnSync(process.execPath, [...cli, 'backup', '--to', target, '--keep', '0'], { env: env(dir), encoding: 'utf8' }).status, 2);
  });

  test('BACKUP_DIR makes the server back up daily (at 03:00 UTC unless BACKUP_SCHEDULE says), keeping BACKUP_KEEP', () => {
    assert.equal(loadConfig({}).backups, null);
    assert.deepEqual(loadConfig({ BACKUP_DIR: '/var/backups/portal' }).backups, { dir: '/var/backups/portal', schedule: '03:00', keep: 14 });
    assert.deepEqual(loadConfig({ BACKUP_DIR: '/b', BACKUP_SCHEDULE: '23:30', BACKUP_KEEP: '30' }).backups, { dir: '/b', schedule: '23:30', keep: 30 });
    assert.throws(() => loadConfig({ BACKUP_DIR: '/b', BACKUP_SCHEDULE: '3am' }), /BACKUP_SCHEDULE: must be a time of day in UTC/);
  });
});
