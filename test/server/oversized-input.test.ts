import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../server/db/client.ts';
import { importCsv } from '../../server/services/imports/import.ts';
import { importKind } from '../../server/services/imports/kinds.ts';
import { errorOf, testApp } from './helpers.ts';
import { PROVIDER_KEY, startServer, type ServerProcess } from './server-process.ts';

/**
 * Every request body has a limit, refused with 413 in the error shape before the rest is read:
 * a few KB for JSON routes, IMPORT_MAX_BYTES for imports; and a CSV file's fields and lines
 * have one too. The server runs as a child process so its memory can be read.
 */

const MB = 1024 * 1024;
const IMPORT_MAX_BYTES = 1 * MB;
const HUGE = 100 * MB;

interface Outcome {
  status: number;
  body: { error?: { code: string; message: string; issues?: { path: string; message: string }[] } };
  /** Bytes of the body sent when the reply came. */
  sentBeforeReply: number;
}

/**
 * Sends a body of `total` bytes in 64 KB pieces, waiting for the socket to take each, and
 * stops at the reply; `declared` sends Content-Length (else chunked).
 */
function sendHuge(url: string, headers: Record<string, string>, total: number, declared: boolean, piece = (size: number) => Buffer.alloc(size, 'x')): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { ...headers, ...(declared ? { 'Content-Length': String(total) } : { 'Transfer-Encoding': 'chunked' }) } });
    let sent = 0;
    let replied = false;
    req.on('response', (res) => {
      replied = true;
      const sentBeforeReply = sent;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : {}, sentBeforeReply });
      });
    });
    req.on('error', (err) => replied || reject(err));
    const pump = () => {
      while (!replied && sent < total) {
        const chunk = piece(Math.min(64 * 1024, total - sent));
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!replied) req.end();
    };
    pump();
  });
}

const USAGE_HEADER = 'id,account,subscriber,start,duration_seconds,from,to,category\n';
/** A usage file in pieces of about `size` bytes: the header, then valid calls, each id new. */
let callId = 0;
const usageFile = () => {
  let header = USAGE_HEADER;
  return (size: number) => {
    let text = header;
    header = '';
    while (text.length < size) text += `BIG-${callId++},C100001,001835,2026-10-05T15:04:05Z,60,001835,+14155550100,CAN/US/PR/MEX/UK\n`;
    return Buffer.from(text);
  };
};

const load = async (db: Db, kind: string, csv: string) => assert.equal((await importCsv(db, importKind(kind)!, Readable.from([csv]))).status, 'imported');

/** The server with one account and a voice plan, ready for usage files. */
const startWithCatalog = (env: Record<string, string> = {}) =>
  startServer(env, async (db) => {
    await load(db, 'accounts', 'number,name,address_line1,city,region,postal_code\nC100001,Solo Dental,1 Main St,Reno,NV,89501\n');
    await load(db, 'products', 'code,name,type,monthly_price,included_minutes,usage_category,overage_rate_per_minute\nVOIP,Voice,plan,89.95,1000,CAN/US/PR/MEX/UK,0.025\n');
  });

const counts = (db: Db) => ({
  calls: db.$client.prepare('select count(*) from usage_records').pluck().get() as number,
  imports: db.$client.prepare('select count(*) from usage_imports').pluck().get() as number,
  failures: db.$client.prepare('select count(*) from login_failures').pluck().get() as number,
});

describe('request body limits (the server as a process)', () => {
  let server: ServerProcess;
  before(async () => (server = await startWithCatalog({ IMPORT_MAX_BYTES: String(IMPORT_MAX_BYTES) })));
  after(() => server?.stop());

  test('100 MB bodies sent to sign-in without credentials, declared or chunked, get 413 long before the end, and the server does not grow', async () => {
    const before = server.peakMemoryMb();
    const json = { 'Content-Type': 'application/json' };
    for (const declared of [true, false, true, false]) {
      const reply = await sendHuge(`${server.url}/api/v1/auth/login`, json, HUGE, declared);
      assert.equal(reply.status, 413);
      assert.equal(reply.body.error?.code, 'PAYLOAD_TOO_LARGE');
      assert.ok(reply.sentBeforeReply < 16 * MB, `refused after ${reply.sentBeforeReply} of ${HUGE} bytes (${declared ? 'declared' : 'chunked'})`);
    }
    const grown = server.peakMemoryMb() - before;
    assert.ok(grown < 64, `the server's peak memory grew by ${grown.toFixed(0)} MB`);
    assert.equal(counts(server.db).failures, 0, 'no sign-in was attempted');
    const ok = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email: 'nobody@example.com', password: 'wrong-password' }) });
    assert.equal(ok.status, 401, 'a body within the limit is read as before');
  });

  test('an import over IMPORT_MAX_BYTES is refused with 413 — declared at once, chunked once that many bytes arrived — and nothing is stored', async () => {
    const auth = { Authorization: `Bearer ${PROVIDER_KEY}`, 'Content-Type': 'text/csv' };
    const url = `${server.url}/api/v1/provider/imports/usage`;
    const declared = await sendHuge(url, auth, 20 * MB, true, usageFile());
    assert.equal(declared.status, 413);
    assert.equal(declared.body.error?.code, 'PAYLOAD_TOO_LARGE');
    assert.match(declared.body.error!.message, /1048576 bytes/);
    assert.ok(declared.sentBeforeReply < 16 * MB);
    const chunked = await sendHuge(url, auth, 20 * MB, false, usageFile());
    assert.equal(chunked.status, 413, JSON.stringify(chunked.body));
    assert.equal(chunked.body.error?.code, 'PAYLOAD_TOO_LARGE');
    const { calls, imports } = counts(server.db);
    assert.deepEqual({ calls, imports }, { calls: 0, imports: 0 }, 'not a row of it');
    const within = await fetch(url, { method: 'POST', headers: auth, body: usageFile()(IMPORT_MAX_BYTES / 2) });
    assert.equal(within.status, 200, 'a file within the limit is imported');
    assert.ok(counts(server.db).calls > 5000);
  });
});

describe('CSV field and line limits (the server as a process)', () => {
  let server: ServerProcess;
  before(async () => (server = await startWithCatalog()));
  after(() => server?.stop());

  test('a 20 MB file with a quote left open on line 3 is rejected naming line 3, without reading it all or the server growing', async () => {
    const auth = { Authorization: `Bearer ${PROVIDER_KEY}`, 'Content-Type': 'text/csv' };
    // A small import first, so the writer thread and the import code are loaded: only the bad file is measured.
    const warmUp = await fetch(`${server.url}/api/v1/provider/imports/usage`, { method: 'POST', headers: auth, body: usageFile()(4096) });
    assert.equal(warmUp.status, 200);
    const before = server.peakMemoryMb();
    let start = USAGE_HEADER + 'OPEN-1,C100001,001835,2026-10-05T15:04:05Z,60,001835,+14155550100,CAN/US/PR/MEX/UK\n"OPEN-2,C100001,';
    // The rest looks like ordinary rows, all inside the one open quote.
    const rows = (size: number) => {
      let text = start;
      start = '';
      while (text.length < size) text += 'OPEN-n,C100001,001835,2026-10-05T15:04:05Z,60,001835,+14155550100,CAN/US/PR/MEX/UK\n';
      return Buffer.from(text);
    };
    const reply = await sendHuge(`${server.url}/api/v1/provider/imports/usage`, auth, 20 * MB, false, rows);
    assert.equal(reply.status, 422, JSON.stringify(reply.body));
    const error = reply.body.error!;
    assert.equal(error.code, 'IMPORT_REJECTED');
    assert.deepEqual(error.issues!.map((i) => i.path), ['line 3']);
    assert.match(error.issues![0]!.message, /longer than 4096 characters: is a quote left open\?/);
    assert.ok(reply.sentBeforeReply < 16 * MB, `rejected after ${reply.sentBeforeReply} of ${20 * MB} bytes`);
    const grown = server.peakMemoryMb() - before;
    assert.ok(grown < 64, `the server's peak memory grew by ${grown.toFixed(0)} MB`);
    assert.equal(server.db.$client.prepare("select count(*) from usage_records where source_id like 'OPEN-%'").pluck().get(), 0, 'not a row of it');
  });
});

describe('request body limits (in process)', () => {
  test('every JSON route takes a few KB: a 20 KB body is 413 in the error shape, before sign-in or validation', async () => {
    const t = await testApp();
    const { bearer } = await t.login('solo@example.com');
    const big = JSON.stringify({ email: 'solo@example.com', password: 'x'.repeat(20_000) });
    for (const [path, headers] of [['/auth/login', {}], ['/auth/password/change', bearer], ['/accounts/C100001/payments', { ...bearer, 'Idempotency-Key': 'k-1234567890' }]] as const) {
      const res = await t.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: big });
      assert.equal(res.status, 413, path);
      const error = await errorOf(res);
      assert.equal(error.code, 'PAYLOAD_TOO_LARGE');
      assert.match(error.message, /16 KB/);
    }
  });
});
