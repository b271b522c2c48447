import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createAuthorizeNetGateway } from '../../server/gateway/authorize-net.ts';
import { FAKE_CREDENTIALS } from '../../server/gateway/fake/fake-authorize-net.ts';
import { balances, BILL_TO, captureOutput, cardToken, everything, GATEWAY_TIMEOUT_MS, gatewayApp, newKey, pay, useFakeGateway } from './payment-fixture.ts';
import { errorOf, okJson, type TestApp } from './helpers.ts';

const gw = useFakeGateway();
const paymentApp = () => gatewayApp(gw.gateway());
const tokenFor = (card?: string, zip?: string) => cardToken(gw.fake, card, zip);
const history = async (t: TestApp, bearer: Record<string, string>) => (await okJson(t.api(bearer).accounts[':number'].payments.$get({ param: { number: 'C100001' } }))).payments;

describe('POST /accounts/{number}/payments', () => {
  test('an approved card pays the oldest invoice first, the rest goes to the next; only brand and last four are kept', async () => {
    const { t, bearer, invoices } = await paymentApp();
    const opaqueData = tokenFor();
    const amount = invoices[0]!.total + 1000;
    const res = await pay(t, bearer, { amount, opaqueData, billTo: BILL_TO });
    assert.equal(res.status, 201);
    const payment = await okJson(res);
    assert.equal(payment.status, 'approved');
    assert.deepEqual(payment.card, { brand: 'Visa', last4: '1111' });
    assert.deepEqual(balances(t, invoices), [0, invoices[1]!.total - 1000]);
    assert.deepEqual((await history(t, bearer))[0], payment);
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
    assert.equal((await okJson(held)).status, 'held');
    assert.deepEqual(balances(t, invoices), invoices.map((i) => i.total));
    const failed = await pay(t, bearer, { amount: 5000, opaqueData: tokenFor('4111111111111111', '46203'), billTo: { ...BILL_TO, zip: '46203' } });
    assert.equal(failed.status, 402);
    assert.equal((await errorOf(failed)).code, 'PAYMENT_FAILED');
  });

  test('no answer in time: 202 unknown, then settled by asking the gateway, never by guessing; nothing of the card reaches the logs', async () => {
    const { t, bearer, invoices } = await paymentApp();
    const logged = captureOutput();
    gw.fake.behaviour.dropAfterProcessingNext = 1; // charged, but the answer is lost
    const lost = await pay(t, bearer, { amount: 3000, opaqueData: tokenFor(), billTo: BILL_TO });
    assert.equal(lost.status, 202);
    const payment = await okJson(lost);
    assert.equal(payment.status, 'unknown');
    assert.deepEqual(balances(t, invoices), invoices.map((i) => i.total), 'nothing applied while unknown');
    await t.idle();
    const [settled] = await history(t, bearer);
    assert.deepEqual([settled!.id, settled!.status, settled!.card?.last4], [payment.id, 'approved', '1111']);
    assert.equal(balances(t, invoices)[0], invoices[0]!.total - 3000);

    gw.fake.behaviour.delayMs = GATEWAY_TIMEOUT_MS + 300; // slower than the gateway's timeout: the charge lands at the gateway after we gave up
    const slow = await pay(t, bearer, { amount: 3100, opaqueData: tokenFor(), billTo: BILL_TO });
    gw.fake.behaviour.delayMs = 0;
    assert.equal(slow.status, 202);
    await t.idle(); // the first lookups find nothing yet; a later one finds the charge
    const [afterSlow] = await history(t, bearer);
    assert.equal(afterSlow!.status, 'approved');

    gw.fake.behaviour.dropNext = 1; // dropped before the gateway did anything
    const never = await pay(t, bearer, { amount: 3200, opaqueData: tokenFor(), billTo: BILL_TO });
    assert.equal(never.status, 202);
    await t.idle();
    const [none] = await history(t, bearer);
    assert.deepEqual([none!.status, none!.message], ['error', 'The gateway has no record of this payment: nothing was charged.']);
    const output = logged.stop();
    assert.ok(!/dataValue|opaqueData|4111111111111111/.test(output), `the logs hold card data: ${output.slice(0, 200)}`);
    assert.ok(!everything(t).includes('dataValue'));
  });

  test('the same Idempotency-Key twenty times at once charges once, and every copy gets the same payment', async () => {
    const { t, bearer } = await paymentApp();
    const key = newKey();
    const body = { amount: 4321, opaqueData: tokenFor(), billTo: BILL_TO };
    const before = gw.fake.transactions.size;
    const replies = await Promise.all(Array.from({ length: 20 }, () => pay(t, bearer, body, key)));
    assert.deepEqual([...new Set(replies.map((r) => r.status))], [201]);
    const ids = await Promise.all(replies.map(async (r) => (await okJson(r)).id));
    assert.equal(new Set(ids).size, 1);
    assert.equal(gw.fake.transactions.size - before, 1, 'one charge at the gateway');
    assert.equal(t.db.$client.prepare('select count(*) from payments').pluck().get(), 1);
    const reused = await pay(t, bearer, { ...body, amount: 9999 }, key);
    assert.equal(reused.status, 409);
  });

  test('bad input gets a clear 4xx naming the field, and nothing is stored or charged', async () => {
    const { t, bearer } = await paymentApp();
    const before = gw.fake.transactions.size;
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
      // Sent as-is: the typed client would not let these bodies through.
      const res = await t.request('/accounts/C100001/payments', { method: 'POST', headers: { ...bearer, ...(key ? { 'Idempotency-Key': key } : {}) }, json: body });
      assert.equal(res.status, status, JSON.stringify(body));
      const error = await errorOf(res);
      assert.equal(error.issues?.[0]?.path, path, JSON.stringify(error));
    }
    assert.equal(t.db.$client.prepare('select count(*) from payments').pluck().get(), 0);
    assert.equal(gw.fake.transactions.size, before);
  });

  test("the payment history names the account's currency, so amounts are shown in it", async () => {
    const { t, bearer } = await paymentApp();
    assert.equal((await okJson(await pay(t, bearer, { amount: 2500, opaqueData: tokenFor(), billTo: BILL_TO }))).amount, 2500);
    t.db.$client.prepare("update accounts set currency = 'CAD' where number = 'C100001'").run();
    const list = await okJson(t.api(bearer).accounts[':number'].payments.$get({ param: { number: 'C100001' } }));
    assert.equal(list.currency, 'CAD');
    assert.deepEqual(list.payments.map((p) => p.amount), [2500]);
  });

  test('a card is charged in the currency the account bills in; one the merchant account does not take is refused before the gateway', async () => {
    const { t, bearer } = await paymentApp();
    assert.equal((await pay(t, bearer, { amount: 2500, opaqueData: tokenFor(), billTo: BILL_TO })).status, 201);
    assert.equal([...gw.fake.transactions.values()].at(-1)!.currency, 'USD', 'the currency is sent with the charge');
    const before = gw.fake.transactions.size;
    t.db.$client.prepare("update accounts set currency = 'CAD' where number = 'C100001'").run();
    const refused = await pay(t, bearer, { amount: 2500, opaqueData: tokenFor(), billTo: BILL_TO });
    assert.equal(refused.status, 422);
    assert.match((await errorOf(refused)).message, /Card payments are taken in USD; account C100001 bills in CAD\. Nothing was charged\./);
    assert.equal(gw.fake.transactions.size, before, 'nothing sent to the gateway');
    assert.equal(t.db.$client.prepare('select count(*) from payments').pluck().get(), 1, 'nothing recorded');
  });

  test('a merchant account that takes Canadian dollars is charged in them for a CAD account', async () => {
    const { t, bearer } = await gatewayApp(createAuthorizeNetGateway({ ...FAKE_CREDENTIALS, endpoint: gw.endpoint(), timeoutMs: GATEWAY_TIMEOUT_MS, currencies: ['USD', 'CAD'] }));
    t.db.$client.prepare("update accounts set currency = 'CAD' where number = 'C100001'").run();
    assert.equal((await pay(t, bearer, { amount: 2500, opaqueData: tokenFor(), billTo: BILL_TO })).status, 201);
    const charge = [...gw.fake.transactions.values()].at(-1)!;
    assert.deepEqual([charge.amount, charge.currency], ['25.00', 'CAD']);
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
