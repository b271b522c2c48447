import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createAuthorizeNetGateway } from '../../server/gateway/authorize-net.ts';
import { createFakeAuthorizeNet, FAKE_CREDENTIALS } from '../../server/gateway/fake/fake-authorize-net.ts';
import { runBilling } from '../../server/services/billing/billing-run.ts';
import { loadBillingData } from './billing-fixture.ts';
import { errorOf, testApp, type TestApp } from './helpers.ts';

// A fresh fake gateway per test: its duplicate window must not see the other tests' payments.
let fake = createFakeAuthorizeNet();
let server: { url: string; close: () => Promise<void> };
beforeEach(async () => {
  fake = createFakeAuthorizeNet();
  server = await fake.listen();
});
afterEach(() => server.close());

const gateway = () => createAuthorizeNetGateway({ ...FAKE_CREDENTIALS, endpoint: `${server.url}/xml/v1/request.api`, timeoutMs: 300 });
const POLICY = { termsDays: 30, lateFee: { ratePpm: 0, minimumCents: 0 } };

/** The test app with two invoices for C100001 (oldest first) and the fake gateway. */
async function paymentApp() {
  const t = await testApp({}, { gateway: gateway(), settleDelayMs: 50 });
  await loadBillingData(t.db);
  runBilling(t.db, '2026-09', '2026-11-25', POLICY);
  runBilling(t.db, '2026-10', '2026-11-25', POLICY);
  const invoices = t.db.$client.prepare('select id, total_cents as total from invoices where account_id = ? order by period').all(t.ids.solo) as { id: number; total: number }[];
  const { bearer } = await t.login('solo@example.com');
  return { t, bearer, invoices };
}

const BILL_TO = { firstName: 'Dana', lastName: 'Whitfield', address: '1 Main St', city: 'Reno', state: 'NV', zip: '89501', country: 'US' };
let keys = 0;
const newKey = () => `test-key-${++keys}-${Date.now()}`;
const tokenFor = (card = '4111111111111111', zip = BILL_TO.zip) => {
  const token = fake.tokenize({ cardNumber: card, month: '12', year: '2031', cardCode: '123', zip });
  if (!('opaqueData' in token)) throw new Error('no token');
  return token.opaqueData;
};

function pay(t: TestApp, bearer: Record<string, string>, body: Record<string, unknown>, key: string | null = newKey(), number = 'C100001') {
  return t.request(`/accounts/${number}/payments`, { method: 'POST', headers: { ...bearer, ...(key ? { 'Idempotency-Key': key } : {}) }, json: body });
}

const balances = (t: TestApp, invoices: { id: number; total: number }[]) =>
  invoices.map((i) => i.total - (t.db.$client.prepare('select coalesce(sum(amount_cents), 0) from payment_allocations where invoice_id = ?').pluck().get(i.id) as number));

/** Everything written to stdout and stderr until `stop()`. */
function captureOutput() {
  const chunks: string[] = [];
  const original = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  const tap = (write: typeof process.stdout.write) => ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    chunks.push(String(chunk));
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  process.stdout.write = tap(original.out);
  process.stderr.write = tap(original.err);
  return {
    stop() {
      process.stdout.write = original.out;
      process.stderr.write = original.err;
      return chunks.join('');
    },
  };
}

/** Every text in the database, to look for what must never be stored. */
const everything = (t: TestApp) =>
  (t.db.$client.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]).map((table) => JSON.stringify(t.db.$client.prepare(`select * from "${table}"`).all())).join('\n');

describe('POST /accounts/{number}/payments', () => {
  test('an approved card pays the oldest invoice first, the rest goes to the next; only brand and last four are kept', async () => {
    const { t, bearer, invoices } = await paymentApp();
    const opaqueData = tokenFor();
    const amount = invoices[0]!.total + 1000;
    const res = await pay(t, bearer, { amount, opaqueData, billTo: BILL_TO });
    assert.equal(res.status, 201);
    const payment = await res.json();
    assert.equal(payment.status, 'approved');
    assert.deepEqual(payment.card, { brand: 'Visa', last4: '1111' });
    assert.deepEqual(balances(t, invoices), [0, invoices[1]!.total - 1000]);
    const history = await (await t.request('/accounts/C100001/payments', { headers: bearer })).json();
    assert.equal(history.payments[0].id, payment.id);
    const stored = everything(t);
    assert.ok(!stored.includes(opaqueData.dataValue), 'the token is stored nowhere');
    assert.ok(!stored.includes('4111111111111111'), 'the card number is stored nowhere');
    await t.idle();
    const receipt = t.mailer.sent.at(-1)!;
    assert.equal(receipt.to, 'solo@example.com');
    assert.equal(receipt.subject, `Payment received: $${(amount / 100).toFixed(2)} for account C100001`);
    assert.match(receipt.text, /Card: Visa ending in 1111/);
    assert.match(receipt.text, new RegExp(`Balance after this payment: \\$${((invoices[1]!.total - 1000) / 100).toFixed(2).replace('.', '\\.')}`));
    assert.ok(!receipt.text.includes('4111111111111111') && !receipt.text.includes(opaqueData.dataValue), 'no card data in the mail');
  });

  test('a declined card is a 402 in the error shape; nothing is allocated', async () => {
    const { t, bearer, invoices } = await paymentApp();
    const res = await pay(t, bearer, { amount: 5000, opaqueData: tokenFor('4111111111111111', '46282'), billTo: { ...BILL_TO, zip: '46282' } });
    assert.equal(res.status, 402);
    const error = await errorOf(res);
    assert.equal(error.code, 'PAYMENT_DECLINED');
    assert.match(error.message, /declined: This transaction has been declined\. Nothing was charged\./);
    assert.deepEqual(balances(t, invoices), invoices.map((i) => i.total));
    await t.idle();
    assert.equal(t.mailer.sent.filter((m) => m.subject.startsWith('Payment received')).length, 0, 'no receipt for a declined card');
  });

  test('held for review is taken (201, held) but not yet applied; a gateway error is a 402', async () => {
    const { t, bearer, invoices } = await paymentApp();
    const held = await pay(t, bearer, { amount: 5000, opaqueData: tokenFor('4111111111111111', '46207'), billTo: { ...BILL_TO, zip: '46207' } });
    assert.equal(held.status, 201);
    assert.equal((await held.json()).status, 'held');
    assert.deepEqual(balances(t, invoices), invoices.map((i) => i.total));
    const failed = await pay(t, bearer, { amount: 5000, opaqueData: tokenFor('4111111111111111', '46203'), billTo: { ...BILL_TO, zip: '46203' } });
    assert.equal(failed.status, 402);
    assert.equal((await errorOf(failed)).code, 'PAYMENT_FAILED');
  });

  test('no answer in time: 202 unknown, then settled by asking the gateway, never by guessing; nothing of the card reaches the logs', async () => {
    const { t, bearer, invoices } = await paymentApp();
    const logged = captureOutput();
    fake.behaviour.dropAfterProcessingNext = 1; // charged, but the answer is lost
    const lost = await pay(t, bearer, { amount: 3000, opaqueData: tokenFor(), billTo: BILL_TO });
    assert.equal(lost.status, 202);
    const payment = await lost.json();
    assert.equal(payment.status, 'unknown');
    assert.deepEqual(balances(t, invoices), invoices.map((i) => i.total), 'nothing applied while unknown');
    await t.idle();
    const settled = (await (await t.request('/accounts/C100001/payments', { headers: bearer })).json()).payments[0];
    assert.deepEqual([settled.id, settled.status, settled.card?.last4], [payment.id, 'approved', '1111']);
    assert.equal(balances(t, invoices)[0], invoices[0]!.total - 3000);

    fake.behaviour.delayMs = 600; // slower than the 300 ms timeout: the charge lands at the gateway after we gave up
    const slow = await pay(t, bearer, { amount: 3100, opaqueData: tokenFor(), billTo: BILL_TO });
    fake.behaviour.delayMs = 0;
    assert.equal(slow.status, 202);
    await t.idle(); // the first lookups find nothing yet; a later one finds the charge
    const afterSlow = (await (await t.request('/accounts/C100001/payments', { headers: bearer })).json()).payments[0];
    assert.equal(afterSlow.status, 'approved');

    fake.behaviour.dropNext = 1; // dropped before the gateway did anything
    const never = await pay(t, bearer, { amount: 3200, opaqueData: tokenFor(), billTo: BILL_TO });
    assert.equal(never.status, 202);
    await t.idle();
    const none = (await (await t.request('/accounts/C100001/payments', { headers: bearer })).json()).payments[0];
    assert.deepEqual([none.status, none.message], ['error', 'The gateway has no record of this payment: nothing was charged.']);
    const output = logged.stop();
    assert.ok(!/dataValue|opaqueData|4111111111111111/.test(output), `the logs hold card data: ${output.slice(0, 200)}`);
    assert.ok(!everything(t).includes('dataValue'));
  });

  test('the same Idempotency-Key twenty times at once charges once, and every copy gets the same payment', async () => {
    const { t, bearer } = await paymentApp();
    const key = newKey();
    const body = { amount: 4321, opaqueData: tokenFor(), billTo: BILL_TO };
    const before = fake.transactions.size;
    const replies = await Promise.all(Array.from({ length: 20 }, () => pay(t, bearer, body, key)));
    assert.deepEqual([...new Set(replies.map((r) => r.status))], [201]);
    const ids = await Promise.all(replies.map(async (r) => (await r.json()).id));
    assert.equal(new Set(ids).size, 1);
    assert.equal(fake.transactions.size - before, 1, 'one charge at the gateway');
    assert.equal(t.db.$client.prepare('select count(*) from payments').pluck().get(), 1);
    const reused = await pay(t, bearer, { ...body, amount: 9999 }, key);
    assert.equal(reused.status, 409);
  });

  test('bad input gets a clear 4xx naming the field, and nothing is stored or charged', async () => {
    const { t, bearer } = await paymentApp();
    const before = fake.transactions.size;
    const opaqueData = tokenFor();
    const cases: [Record<string, unknown>, string | null, number, string][] = [
      [{ amount: 0, opaqueData, billTo: BILL_TO }, newKey(), 400, 'amount'],
      [{ amount: -500, opaqueData, billTo: BILL_TO }, newKey(), 400, 'amount'],
      [{ amount: '12.50', opaqueData, billTo: BILL_TO }, newKey(), 400, 'amount'],
      [{ amount: 12.5, opaqueData, billTo: BILL_TO }, newKey(), 400, 'amount'],
      [{ amount: 1000, billTo: BILL_TO }, newKey(), 400, 'opaqueData'],
      [{ amount: 1000, opaqueData, billTo: { ...BILL_TO, zip: '' } }, newKey(), 400, 'billTo.zip'],
      [{ amount: 1000, opaqueData, billTo: BILL_TO }, null, 400, 'idempotency-key'],
      [{ amount: 2_500_001, opaqueData, billTo: BILL_TO }, newKey(), 422, 'amount'],
    ];
    for (const [body, key, status, path] of cases) {
      const res = await pay(t, bearer, body, key);
      assert.equal(res.status, status, JSON.stringify(body));
      const error = await errorOf(res);
      assert.equal(error.issues?.[0]?.path, path, JSON.stringify(error));
    }
    assert.equal(t.db.$client.prepare('select count(*) from payments').pluck().get(), 0);
    assert.equal(fake.transactions.size, before);
  });

  test('who may pay and read payments: own accounts only; signed out 401', async () => {
    const { t, bearer } = await paymentApp();
    assert.equal((await pay(t, {}, { amount: 1000, opaqueData: tokenFor(), billTo: BILL_TO })).status, 401);
    assert.equal((await pay(t, bearer, { amount: 1000, opaqueData: tokenFor(), billTo: BILL_TO }, newKey(), 'C200001')).status, 404);
    assert.equal((await t.request('/accounts/C200001/payments', { headers: bearer })).status, 404);
    assert.equal((await t.request('/accounts/C100001/payments')).status, 401);
    const hq = (await t.login('hq@example.com')).bearer;
    assert.equal((await t.request('/accounts/C200001/payments', { headers: hq })).status, 200);
  });
});
