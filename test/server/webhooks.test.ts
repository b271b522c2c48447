import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfig } from '../../server/env.ts';
import { startGateway } from '../../server/gateway/index.ts';
import { signWebhookBody } from '../../server/gateway/webhook-signature.ts';
import { errorOf, okJson, type TestApp } from './helpers.ts';
import { balances, BILL_TO, captureOutput, cardToken, gatewayApp, notifiedApp, pay, postNotification, useFakeGateway } from './payment-fixture.ts';

const gw = useFakeGateway();
/** The key this test's fake signs with (made when it started). */
const KEY = () => gw.fake.signatureKey;
const webhookApp = () => notifiedApp(gw.fake, gw.gateway());
const post = postNotification;

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
    for (const signature of [undefined, 'sha512=00', signWebhookBody(body, 'another-key'.padEnd(64, 'x')), signWebhookBody(`${body} `, KEY())]) {
      const res = await post(t, body, signature);
      assert.equal(res.status, 401, String(signature));
      assert.equal((await errorOf(res)).code, 'SIGNATURE_INVALID');
    }
    assert.equal(statusOf(t, payment.id), 'held');
    assert.equal(remembered(), before);
    // The right signature (in lower case hex too) is taken.
    const res = await post(t, body, signWebhookBody(body, KEY()).toLowerCase());
    assert.equal(res.status, 200);
    assert.equal(statusOf(t, payment.id), 'approved');
  });

  test('a signed notification that is not one is a 400; without a signature key there are no webhooks', async () => {
    const { t } = await webhookApp();
    const junk = '{"hello":"world"}';
    assert.equal((await post(t, junk, signWebhookBody(junk, KEY()))).status, 400);
    assert.equal((await post(t, 'not json', signWebhookBody('not json', KEY()))).status, 400);
    const unknownEvent = JSON.stringify({ notificationId: 'n-2', eventType: 'net.authorize.customer.created', payload: { entityName: 'customerProfile', id: '1' } });
    assert.deepEqual(await (await post(t, unknownEvent, signWebhookBody(unknownEvent, KEY()))).json(), { applied: true, result: 'ignored' });
    const bare = await gatewayApp(gw.gateway());
    assert.equal((await post(bare.t, unknownEvent, signWebhookBody(unknownEvent, KEY()))).status, 404);
  });

  test('a "payment profile deleted" notification is checked with the gateway: a card still there stays the autopay card; one deleted there puts the account back on manual payment', async () => {
    const { t, bearer, delivered } = await webhookApp();
    await okJson(t.api(bearer).accounts[':number'].autopay.$put({ param: { number: 'C100001' }, json: { opaqueData: cardToken(gw.fake), billTo: BILL_TO } }));
    const ids = t.db.$client.prepare('select c.customer_profile_id as customerProfileId, m.payment_profile_id as paymentProfileId from autopay_methods m join gateway_customers c using (account_id)').get() as {
      customerProfileId: string;
      paymentProfileId: string;
    };
    const paymentMethod = async () => (await okJson(t.api(bearer).accounts[':number'].summary.$get({ param: { number: 'C100001' } }))).paymentMethod;
    const deleted = (notificationId: string) =>
      JSON.stringify({ notificationId, eventType: 'net.authorize.customer.paymentProfile.deleted', payload: { entityName: 'customerPaymentProfile', id: ids.paymentProfileId, customerProfileId: ids.customerProfileId } });

    // The notification alone (a mistaken or replayed one) changes nothing: the card is still saved.
    const early = deleted('n-3');
    assert.equal((await post(t, early, signWebhookBody(early, KEY()))).status, 200);
    assert.equal((await paymentMethod()).type, 'autopay');

    // Deleted in the Merchant Interface: the gateway's own notification comes, and the gateway agrees.
    await gw.gateway().deleteSavedCard(ids);
    await gw.fake.deliveriesDone();
    assert.ok(delivered.some((d) => JSON.parse(d.body).eventType === 'net.authorize.customer.paymentProfile.deleted' && d.status === 200), 'the fake tells of the deletion');
    assert.deepEqual(await paymentMethod(), { type: 'manual' });
  });

  test('a payment notification for a transaction the gateway does not know is acknowledged (200) and logged, once', async () => {
    const { t } = await webhookApp();
    const body = JSON.stringify({ notificationId: 'n-unknown', eventType: 'net.authorize.payment.authcapture.created', payload: { entityName: 'transaction', id: '99999999999' } });
    const logged = captureOutput();
    const res = await post(t, body, signWebhookBody(body, KEY()));
    const output = logged.stop();
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { applied: true, result: 'transaction 99999999999: the gateway has no such transaction' });
    assert.match(output, /n-unknown.*99999999999/);
    assert.deepEqual(await (await post(t, body, signWebhookBody(body, KEY()))).json(), { applied: false, result: 'already received' }, 'not retried forever');
  });

  test('the fake gateway signs with a key made at its start, shared only in-process: the key in its source signs nothing', async () => {
    const config = loadConfig({ DATABASE_PATH: ':memory:', DEMO_DATA: 'false' });
    const [a, b] = [await startGateway(config, { notifyServer: false }), await startGateway(config, { notifyServer: false })];
    await Promise.all([a.close(), b.close()]);
    assert.match(a.webhookSignatureKey!, /^[0-9A-F]{128}$/);
    assert.notEqual(a.webhookSignatureKey, b.webhookSignatureKey);
    // The key the fake once had in its source, for anyone to read:
    const published = 'FAKE0SIGNATURE0KEY0FOR0THE0LOCAL0GATEWAY0ONLY0'.padEnd(128, '0');
    assert.notEqual(a.webhookSignatureKey, published);
    const { t } = await gatewayApp(gw.gateway(), { webhookSignatureKey: a.webhookSignatureKey });
    const forged = JSON.stringify({ notificationId: 'n-forged', eventType: 'net.authorize.customer.paymentProfile.deleted', payload: { entityName: 'customerPaymentProfile', id: '1' } });
    assert.equal((await post(t, forged, signWebhookBody(forged, published))).status, 401);
    assert.equal((await post(t, forged, signWebhookBody(forged, a.webhookSignatureKey!))).status, 200);
  });
});
