import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { hashPassword } from '../../server/auth/crypto.ts';
import { openDatabase } from '../../server/db/client.ts';
import { accounts, accountUsers, users } from '../../server/db/schema.ts';
import { FAKE_CREDENTIALS } from '../../server/gateway/fake/fake-authorize-net.ts';
import { runBilling } from '../../server/services/billing/billing-run.ts';
import { loadBillingData } from './billing-fixture.ts';
import { startServer, until, type ServerProcess } from './server-process.ts';
import { BILL_TO, POLICY } from './payment-fixture.ts';

const PASSWORD = 'crash-test-password-long';

/** A database with C100001, its user and two bills, as a server left it. */
async function prepareDatabase(dir: string) {
  const path = join(dir, 'portal.db');
  const db = openDatabase(path);
  const account = db.insert(accounts).values({ number: 'C100001', name: 'Solo Dental', addressLine1: '1 Main St', city: 'Reno', region: 'NV', postalCode: '89501' }).returning().get();
  db.insert(users).values({ id: 'u_solo', email: 'solo@example.com', name: 'Solo', role: 'customer', passwordHash: await hashPassword(PASSWORD, { log2N: 10, r: 8, p: 1 }) }).run();
  db.insert(accountUsers).values({ accountId: account.id, userId: 'u_solo' }).run();
  await loadBillingData(db);
  runBilling(db, '2026-09', '2026-11-25', POLICY);
  runBilling(db, '2026-10', '2026-11-25', POLICY);
  db.$client.close();
  return path;
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function signIn(server: ServerProcess) {
  const res = await post(`${server.api}/auth/login`, { email: 'solo@example.com', password: PASSWORD });
  assert.equal(res.status, 200, await res.clone().text());
  return { Authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}

/** What the card frame gets from Accept.js (here the fake's token service). */
async function cardToken(server: ServerProcess) {
  const res = await post(`${server.fakeUrl}/fake-accept/token`, {
    authData: { clientKey: FAKE_CREDENTIALS.clientKey, apiLoginID: FAKE_CREDENTIALS.apiLoginId },
    cardData: { cardNumber: '4111111111111111', month: '12', year: '2031', cardCode: '123', zip: BILL_TO.zip },
  });
  return ((await res.json()) as { opaqueData: { dataDescriptor: string; dataValue: string } }).opaqueData;
}

test('killed (SIGKILL) with card payments in flight: after a restart each is settled with the gateway at once, and a retried key gets the outcome', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-crash-'));
  const databasePath = await prepareDatabase(dir);
  // The gateway answers in its own time; the first lookups after an unanswered call come quickly.
  const env = { DATABASE_PATH: databasePath, OUTBOX_DIR: join(dir, 'outbox'), GATEWAY_TIMEOUT_MS: '30000', PAYMENT_SETTLE_DELAY_MS: '100' };
  const fakeState = join(dir, 'fake-gateway.json');
  const chargesAtGateway = () => (existsSync(fakeState) ? (JSON.parse(readFileSync(fakeState, 'utf8')) as { transactions: unknown[] }).transactions.length : 0);
  const watch = new Database(databasePath, { readonly: true });
  const rows = () => watch.prepare('select id, status, amount_cents as amount from payments order by id').all() as { id: number; status: string; amount: number }[];
  const balance = async (server: ServerProcess, bearer: Record<string, string>) =>
    ((await (await fetch(`${server.api}/accounts/C100001/summary`, { headers: bearer })).json()) as { balance: number }).balance;

  const first = await startServer(env);
  let second: ServerProcess | null = null;
  try {
    const bearer = await signIn(first);
    const before = await balance(first, bearer);
    const tokens = [await cardToken(first), await cardToken(first), await cardToken(first)];
    const pay = (server: ServerProcess, key: string, amount: number, opaqueData = tokens[0]!) =>
      post(`${server.api}/accounts/C100001/payments`, { amount, opaqueData, billTo: BILL_TO }, { ...bearer, 'Idempotency-Key': key });

    // Two payments the gateway charges, whose answers (and notifications) the crash swallows; a third the gateway never gets to.
    await post(`${first.fakeUrl}/fake/behaviour`, { replyDelayMs: 60_000, notifyDelayMs: 60_000 });
    void pay(first, 'crash-key-charged-1', 1500, tokens[0]).catch(() => {});
    void pay(first, 'crash-key-charged-2', 2500, tokens[1]).catch(() => {});
    await until(() => chargesAtGateway() === 2, 'both charges at the gateway');
    await post(`${first.fakeUrl}/fake/behaviour`, { replyDelayMs: 0, delayMs: 60_000 });
    void pay(first, 'crash-key-never-sent', 3500, tokens[2]).catch(() => {});
    await until(() => rows().length === 3, 'the third payment row');
    assert.deepEqual(rows().map((r) => r.status), ['pending', 'pending', 'pending']);
    await first.crash();

    second = await startServer(env);
    // Soon after the start, without any request: the charges the gateway made are applied.
    await until(() => rows().filter((r) => r.status === 'approved').length === 2, 'the two charges settled after the restart', 10_000);
    const bearer2 = await signIn(second);
    assert.equal(await balance(second, bearer2), before - 1500 - 2500, 'the balance shows both charges');
    // The one the gateway never saw is taken as not charged once the lookups agree.
    await until(() => rows()[2]!.status === 'error', 'the unsent payment settled as not charged', 10_000);

    // Retrying a key gets its outcome and charges nothing again.
    const retried = await pay(second, 'crash-key-charged-1', 1500);
    assert.equal(retried.status, 201);
    assert.deepEqual([((await retried.json()) as { id: number }).id, chargesAtGateway()], [rows()[0]!.id, 2]);
    const unsent = await pay(second, 'crash-key-never-sent', 3500, tokens[2]);
    assert.equal(unsent.status, 402);
    assert.equal(((await unsent.json()) as { error: { code: string } }).error.code, 'PAYMENT_FAILED');
    assert.equal(chargesAtGateway(), 2, 'no charge twice');
  } finally {
    watch.close();
    await first.crash();
    await second?.stop();
  }
});
