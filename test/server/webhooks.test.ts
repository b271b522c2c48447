import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FAKE_CREDENTIALS } from '../../server/gateway/fake/fake-authorize-net.ts';
import { signWebhookBody } from '../../server/gateway/webhook-signature.ts';
import { errorOf, okJson, type TestApp } from './helpers.ts';
import { balances, BILL_TO, cardToken, gatewayApp, pay, useFakeGateway } from './payment-fixture.ts';

const gw = useFakeGateway();
const KEY = FAKE_CREDENTIALS.signatureKey;
const WEBHOOK = '/api/v1/webhooks/authorize-net';

/** The app, with the fake delivering its notifications to it in-process; every delivery is kept to be sent again. */
async function webhookApp() {
  const app = await gatewayApp(gw.gateway(), { webhookSignatureKey: KEY });
  const delivered: { body: string; signature: string; status: number }[] = [];
  gw.fake.setWebhook({
    url: `http://portal.test${WEBHOOK}`,
    signatureKey: KEY,
    send: async (_url, init) => {
      const res = await app.t.app.request(WEBHOOK, init);
      delivered.push({ body: String(init.body), signature: new Headers(init.headers).get('X-ANET-Signature')!, status: res.status });
      return res;
    },
  });
  return { ...app, delivered };
}

const post = (t: TestApp, body: string, signature?: string) =>
  t.app.request(WEBHOOK, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...(signature ? { 'X-ANET-Signature': signature } : {}) } });

const heldPayment = async (t: TestApp, bearer: Record<string, string>) => {
  const res = await pay(t, bearer, { amount: 5000, opaqueData: cardToken(gw.fake, undefined, '46207'), billTo: { ...BILL_TO, zip: '46207' } });
  const payment = await okJson(res);
  assert.equal(payment.status, 'held');
  return payment;
};
const transIdOf = (t: TestApp, paymentId: number) => t.db.$client.prepare('select gateway_transaction_id from payments where id = ?').pluck().get(paymentId) as string;
const statusOf = (t: TestApp, paymentId: number) => t.db.$client.prepare('select status from payments where id = ?').pluck().get(paymentId);

describe('POST /webhooks/authorize-net', () => {
  test('a held payment approved on review is applied when the notification comes, once however often it is delivered', async () => {
    const { t, bearer, invoices, delivered } = await webhookApp();
    const payment = await heldPayment(t, bearer);
    await gw.fake.deliveriesDone();
    assert.equal(statusOf(t, payment.id), 'held', 'the "held" notification changes nothing');
    assert.ok(gw.fake.review(transIdOf(t, payment.id), 'approve'));
    await gw.fake.deliveriesDone();
    const approval = delivered.at(-1)!;
    assert.equal(approval.status, 200);
    assert.equal(JSON.parse(approval.body).eventType, 'net.authorize.payment.fraud.approved');
    assert.equal(statusOf(t, payment.id), 'approved');
    assert.deepEqual(balances(t, invoices), [invoices[0]!.total - 5000, invoices[1]!.total]);
    await t.idle();
    assert.equal(t.mailer.sent.filter((m) => m.subject.startsWith('Payment received')).length, 1, 'the receipt, once approved');

    // Authorize.Net delivers again when unsure: acknowledged, not applied again.
    const again = await post(t, approval.body, approval.signature);
    assert.deepEqual(await again.json(), { applied: false, result: 'already received' });
    assert.deepEqual(balances(t, invoices), [invoices[0]!.total - 5000, invoices[1]!.total]);
    assert.equal(t.db.$client.prepare('select count(*) from payment_allocations').pluck().get(), 1);
  });

  test('a held payment declined on review becomes declined and is never applied', async () => {
    const { t, bearer, invoices } = await webhookApp();
    const payment = await heldPayment(t, bearer);
    gw.fake.review(transIdOf(t, payment.id), 'decline');
    await gw.fake.deliveriesDone();
    assert.equal(statusOf(t, payment.id), 'declined');
    assert.deepEqual(balances(t, invoices), invoices.map((i) => i.total));
  });

  test('a bad or missing signature is refused (401) and nothing is applied or remembered', async () => {
    const { t, bearer } = await webhookApp();
    const payment = await heldPayment(t, bearer);
    await gw.fake.deliveriesDone();
    gw.fake.setWebhook(null);
    const remembered = () => t.db.$client.prepare('select count(*) from webhook_notifications').pluck().get();
    const before = remembered();
    gw.fake.review(transIdOf(t, payment.id), 'approve'); // the gateway changed, but no notification came
    const body = JSON.stringify({ notificationId: 'n-1', eventType: 'net.authorize.payment.fraud.approved', payload: { entityName: 'transaction', id: transIdOf(t, payment.id) } });
    for (const signature of [undefined, 'sha512=00', signWebhookBody(body, 'another-key'.padEnd(64, 'x')), signWebhookBody(`${body} `, KEY)]) {
      const res = await post(t, body, signature);
      assert.equal(res.status, 401, String(signature));
      assert.equal((await errorOf(res)).code, 'SIGNATURE_INVALID');
    }
    assert.equal(statusOf(t, payment.id), 'held');
    assert.equal(remembered(), before);
    // The right signature (in lower case hex too) is taken.
    const res = await post(t, body, signWebhookBody(body, KEY).toLowerCase());
    assert.equal(res.status, 200);
    assert.equal(statusOf(t, payment.id), 'approved');
  });

  test('a signed notification that is not one is a 400; without a signature key there are no webhooks', async () => {
    const { t } = await webhookApp();
    const junk = '{"hello":"world"}';
    assert.equal((await post(t, junk, signWebhookBody(junk, KEY))).status, 400);
    assert.equal((await post(t, 'not json', signWebhookBody('not json', KEY))).status, 400);
    const unknownEvent = JSON.stringify({ notificationId: 'n-2', eventType: 'net.authorize.customer.created', payload: { entityName: 'customerProfile', id: '1' } });
    assert.deepEqual(await (await post(t, unknownEvent, signWebhookBody(unknownEvent, KEY))).json(), { applied: true, result: 'ignored' });
    const bare = await gatewayApp(gw.gateway());
    assert.equal((await post(bare.t, unknownEvent, signWebhookBody(unknownEvent, KEY))).status, 404);
  });

  test('a saved card deleted at the gateway puts the account back on manual payment', async () => {
    const { t, bearer } = await webhookApp();
    await okJson(t.api(bearer).accounts[':number'].autopay.$put({ param: { number: 'C100001' }, json: { opaqueData: cardToken(gw.fake), billTo: BILL_TO } }));
    const paymentProfileId = t.db.$client.prepare('select payment_profile_id from autopay_methods').pluck().get();
    const body = JSON.stringify({ notificationId: 'n-3', eventType: 'net.authorize.customer.paymentProfile.deleted', payload: { entityName: 'customerPaymentProfile', id: paymentProfileId } });
    assert.equal((await post(t, body, signWebhookBody(body, KEY))).status, 200);
    const summary = await okJson(t.api(bearer).accounts[':number'].summary.$get({ param: { number: 'C100001' } }));
    assert.deepEqual(summary.paymentMethod, { type: 'manual' });
  });
});
