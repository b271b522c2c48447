import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../server/db/client.ts';
import { importCsv } from '../../server/services/imports/import.ts';
import { importKind } from '../../server/services/imports/kinds.ts';
import { discardUsageImport } from '../../server/services/usage/usage-imports.ts';
import { PROVIDER_KEY, sleep, slowUpload, startServer, type ServerProcess } from './server-process.ts';

/**
 * A usage upload over a slow link: the server (a child process, with its own writer thread)
 * must keep the import's claim while the request is open, however long the pauses between
 * rows, and must never answer 200 for rows another import took away.
 */

/** Short, so a pause longer than it takes a second or two, not minutes. */
const ABANDONED_SECONDS = 2;
const PAUSE_MS = ABANDONED_SECONDS * 1000 + 1500;

const HEADER = 'id,account,subscriber,start,duration_seconds,from,to,category\n';
const rows = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}-${i},C100001,001835,2026-10-05T15:04:05Z,${61 + (i % 120)},001835,+14155550100,CAN/US/PR/MEX/UK\n`).join('');
/** More than one batch of the importer (5,000 rows): some rows are stored before the pause. */
const BEFORE_PAUSE = 6000;
const AFTER_PAUSE = 500;

const load = async (db: Db, kind: string, csv: string) => assert.equal((await importCsv(db, importKind(kind)!, Readable.from([csv]))).status, 'imported');

const stored = (db: Db) => ({
  rows: db.$client.prepare('select count(*) from usage_records').pluck().get() as number,
  minutes: db.$client.prepare('select coalesce(sum((duration_seconds + 59) / 60), 0) from usage_records').pluck().get() as number,
  totalCalls: db.$client.prepare('select coalesce(sum(calls), 0) from usage_totals').pluck().get() as number,
  totalMinutes: db.$client.prepare('select coalesce(sum(minutes), 0) from usage_totals').pluck().get() as number,
  running: db.$client.prepare("select count(*) from usage_imports where state = 'running'").pluck().get() as number,
});

let server: ServerProcess;
const auth = { Authorization: `Bearer ${PROVIDER_KEY}`, 'Content-Type': 'text/csv' };

before(async () => {
  server = await startServer({ IMPORT_ABANDONED_SECONDS: String(ABANDONED_SECONDS) }, async (db) => {
    await load(db, 'accounts', 'number,name,address_line1,city,region,postal_code\nC100001,Solo Dental,1 Main St,Reno,NV,89501\n');
    await load(db, 'products', 'code,name,type,monthly_price,included_minutes,usage_category,overage_rate_per_minute\nVOIP,Voice,plan,89.95,1000,CAN/US/PR/MEX/UK,0.025\n');
  });
});
after(() => server?.stop());

const runningImportId = (db: Db) => db.$client.prepare("select id from usage_imports where state = 'running'").pluck().get() as number | undefined;

describe('a slow usage upload', () => {
  test('keeps its claim through pauses longer than the abandonment age: another import meanwhile gets 409, and every row it reports is stored and counted', async () => {
    const upload = slowUpload(`${server.url}/api/v1/provider/imports/usage`, auth);
    await upload.send(HEADER + rows('SLOW', BEFORE_PAUSE));
    await sleep(PAUSE_MS);
    const meanwhile = await fetch(`${server.url}/api/v1/provider/imports/usage`, { method: 'POST', headers: auth, body: HEADER + rows('FAST', 10) });
    assert.equal(meanwhile.status, 409, 'the slow import is alive: the other one waits');
    assert.equal(((await meanwhile.json()) as { error: { code: string } }).error.code, 'CONFLICT');
    await upload.send(rows('LATE', AFTER_PAUSE));
    const reply = await upload.end();
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.deepEqual(reply.body, { kind: 'usage', status: 'imported', rows: BEFORE_PAUSE + AFTER_PAUSE, inserted: BEFORE_PAUSE + AFTER_PAUSE, updated: 0, duplicates: 0 });
    const now = stored(server.db);
    assert.equal(now.rows, BEFORE_PAUSE + AFTER_PAUSE);
    assert.equal(now.totalCalls, now.rows, 'the usage totals count the stored calls');
    assert.equal(now.totalMinutes, now.minutes);
    assert.equal(now.running, 0);
  });

  test('an import that lost its claim (another process took it as abandoned) stores nothing and answers 409', async () => {
    const before = stored(server.db);
    const upload = slowUpload(`${server.url}/api/v1/provider/imports/usage`, auth);
    await upload.send(HEADER + rows('LOST', BEFORE_PAUSE));
    let id: number | undefined;
    while ((id = runningImportId(server.db)) === undefined) await sleep(20);
    while ((server.db.$client.prepare('select count(*) from usage_records where import_id = ?').pluck().get(id) as number) === 0) await sleep(20);
    // What the next import or billing run does to an import it takes as abandoned.
    discardUsageImport(server.db, id);
    await upload.send(rows('LOST-LATE', AFTER_PAUSE));
    const reply = await upload.end();
    assert.equal(reply.status, 409, JSON.stringify(reply.body));
    const error = (reply.body as { error: { code: string; message: string } }).error;
    assert.equal(error.code, 'CONFLICT');
    assert.match(error.message, /nothing was stored/);
    assert.deepEqual(stored(server.db), before, 'no row of it, and the totals unchanged');
  });
});
