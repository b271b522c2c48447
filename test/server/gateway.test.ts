import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { createAuthorizeNetGateway, GatewayOutcomeUnknown, GatewayRefused, type ChargeRequest } from '../../server/gateway/authorize-net.ts';
import { createFakeAuthorizeNet, FAKE_CREDENTIALS } from '../../server/gateway/fake/fake-authorize-net.ts';

const fake = createFakeAuthorizeNet();
let server: { url: string; close: () => Promise<void> };
let gateway: ReturnType<typeof createAuthorizeNetGateway>;

before(async () => {
  server = await fake.listen();
  gateway = createAuthorizeNetGateway({ apiLoginId: FAKE_CREDENTIALS.apiLoginId, transactionKey: FAKE_CREDENTIALS.transactionKey, endpoint: `${server.url}/xml/v1/request.api`, timeoutMs: 400 });
});
after(() => server.close());

let invoices = 0;
/** A charge of a fresh Accept.js token for `card`, billed to `zip`. */
function chargeOf(cents: number, card = '4111111111111111', zip = '94114'): ChargeRequest {
  const token = fake.tokenize({ cardNumber: card, month: '12', year: String(new Date().getUTCFullYear() + 2), cardCode: '123', zip });
  if (!('opaqueData' in token)) throw new Error(`no token: ${token.messages.message[0]!.text}`);
  return { amountCents: cents, currency: 'USD', source: { opaqueData: token.opaqueData }, invoiceNumber: `T${++invoices}`, description: 'Test payment', billTo: { firstName: 'Dana', lastName: 'Whitfield', zip } };
}

describe('the Authorize.Net gateway, through the official SDK, against the fake', () => {
  test('a sandbox test card is approved; the reply names the card by brand and last four only', async () => {
    const result = await gateway.charge(chargeOf(40_399));
    assert.equal(result.outcome, 'approved');
    assert.match(result.transactionId!, /^\d+$/);
    assert.deepEqual([result.cardBrand, result.last4, result.code], ['Visa', '1111', '1']);
    assert.equal(fake.transactions.get(result.transactionId!)!.amount, '403.99');
  });

  test('zip 46282 declines; the fake’s zips for held and error answer 4 and 3', async () => {
    const declined = await gateway.charge(chargeOf(1000, '5424000000000015', '46282'));
    assert.deepEqual([declined.outcome, declined.code, declined.message], ['declined', '2', 'This transaction has been declined.']);
    assert.equal((await gateway.charge(chargeOf(1000, '4111111111111111', '46207'))).outcome, 'held');
    assert.equal((await gateway.charge(chargeOf(1000, '4111111111111111', '46203'))).outcome, 'error');
  });

  test('the duplicate window refuses the same card, amount and reference within two minutes (error 11)', async () => {
    const first = chargeOf(2500);
    assert.equal((await gateway.charge(first)).outcome, 'approved');
    const again = { ...chargeOf(2500), invoiceNumber: first.invoiceNumber };
    const duplicate = await gateway.charge(again);
    assert.deepEqual([duplicate.outcome, duplicate.code], ['error', '11']);
  });

  test('a token works once', async () => {
    const request = chargeOf(700);
    await gateway.charge(request);
    await assert.rejects(gateway.charge({ ...request, invoiceNumber: 'T-reuse' }), (err: unknown) => err instanceof GatewayRefused && err.code === 'E00114');
  });

  test('no answer in time, a dropped connection or an HTTP error is "outcome unknown"; the transaction lookup settles it', async () => {
    fake.behaviour.delayMs = 1000;
    const slow = chargeOf(1234);
    await assert.rejects(gateway.charge(slow), GatewayOutcomeUnknown);
    fake.behaviour.delayMs = 0;
    // The gateway still charges it, a second after the call: the lookup finds it then (and no later test sees it land).
    let found = await gateway.findCharge(slow.invoiceNumber);
    for (let waited = 0; !found && waited < 3000; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
      found = await gateway.findCharge(slow.invoiceNumber);
    }
    assert.equal(found?.outcome, 'approved');

    fake.behaviour.failNext = 1;
    await assert.rejects(gateway.charge(chargeOf(1235)), GatewayOutcomeUnknown);

    // Charged at the gateway, but the answer never arrives.
    fake.behaviour.dropAfterProcessingNext = 1;
    const lost = chargeOf(1236);
    await assert.rejects(gateway.charge(lost), GatewayOutcomeUnknown);
    const settled = await gateway.findCharge(lost.invoiceNumber);
    assert.equal(settled!.outcome, 'approved');
    assert.equal(settled!.last4, '1111');

    // Dropped before the gateway did anything: nothing to find.
    fake.behaviour.dropNext = 1;
    const never = chargeOf(1237);
    await assert.rejects(gateway.charge(never), GatewayOutcomeUnknown);
    assert.equal(await gateway.findCharge(never.invoiceNumber), null);
  });

  test('the SDK’s per-request loggers are let go: fifty charges leave none behind', async () => {
    const require = createRequire(import.meta.url);
    const winston = createRequire(require.resolve('authorizenet'))('winston') as { loggers: { loggers: Map<string, unknown> } };
    for (let i = 0; i < 50; i++) await gateway.charge(chargeOf(100 + i));
    assert.equal(winston.loggers.loggers.size, 0);
  });

  test('wrong credentials are refused with E00007', async () => {
    const wrong = createAuthorizeNetGateway({ apiLoginId: 'x', transactionKey: 'y', endpoint: `${server.url}/xml/v1/request.api`, timeoutMs: 1000 });
    await assert.rejects(wrong.charge(chargeOf(100)), (err: unknown) => err instanceof GatewayRefused && err.code === 'E00007');
  });

  test('Accept.js’s token service refuses bad card data with its own codes', () => {
    assert.equal(fake.tokenize({ cardNumber: '4111111111111112', month: '12', year: '2040', cardCode: '123' }).messages.message[0]!.code, 'E_WC_05');
    assert.equal(fake.tokenize({ cardNumber: '4111111111111111', month: '13', year: '2040', cardCode: '123' }).messages.message[0]!.code, 'E_WC_06');
    assert.equal(fake.tokenize({ cardNumber: '4111111111111111', month: '01', year: '2020', cardCode: '123' }).messages.message[0]!.code, 'E_WC_06');
    assert.equal(fake.tokenize({ cardNumber: '4111111111111111', month: '12', year: '2040', cardCode: '1' }).messages.message[0]!.code, 'E_WC_15');
  });

  test('authorize then capture (never more than authorized), void, refund once settled (never more than settled): statuses, amounts and notifications as at Authorize.Net', async () => {
    const events: { eventType: string; id: string }[] = [];
    fake.setWebhook({ url: 'http://portal.test/hook', send: (_url, init) => {
      const { eventType, payload } = JSON.parse(String(init.body)) as { eventType: string; payload: { id: string } };
      events.push({ eventType, id: String(payload.id) });
      return new Response('{}');
    } });
    const seen = async () => (await fake.deliveriesDone(), events.splice(0).map((e) => `${e.eventType} ${e.id}`));
    try {
      const auth = await gateway.authorize(chargeOf(5_000));
      const authId = auth.transactionId!;
      assert.deepEqual([auth.outcome, (await gateway.transaction(authId)).status], ['approved', 'authorizedPendingCapture']);
      assert.deepEqual((await gateway.capture(authId, 5_001)).code, '47');
      const captured = await gateway.capture(authId, 4_500);
      assert.deepEqual([captured.outcome, captured.transactionId], ['approved', authId]);
      assert.deepEqual([(await gateway.transaction(authId)).status, (await gateway.transaction(authId)).amountCents], ['capturedPendingSettlement', 4_500]);
      assert.equal((await gateway.capture(authId)).code, '311');
      assert.deepEqual(await seen(), [`net.authorize.payment.authorization.created ${authId}`, `net.authorize.payment.priorAuthCapture.created ${authId}`]);

      const voided = (await gateway.charge(chargeOf(2_000))).transactionId!;
      assert.equal((await gateway.refund({ transId: voided, amountCents: 100, last4: '1111' })).code, '54', 'not settled: void it instead');
      assert.equal((await gateway.void(voided)).outcome, 'approved');
      const afterVoid = await gateway.transaction(voided);
      assert.deepEqual([afterVoid.status, afterVoid.result.outcome], ['voided', 'voided']);
      assert.equal((await gateway.void(voided)).code, '310');
      assert.deepEqual(await seen(), [`net.authorize.payment.authcapture.created ${voided}`, `net.authorize.payment.void.created ${voided}`]);

      const charged = (await gateway.charge(chargeOf(3_000))).transactionId!;
      fake.settleBatch();
      assert.equal((await gateway.transaction(charged)).status, 'settledSuccessfully');
      assert.equal((await gateway.void(charged)).code, '16', 'a settled charge is not among the unsettled to void');
      assert.equal((await gateway.refund({ transId: charged, amountCents: 1_000, last4: '0015' })).code, '54', 'another card');
      const refund = await gateway.refund({ transId: charged, amountCents: 1_000, last4: '1111' });
      assert.equal(refund.outcome, 'approved');
      const details = await gateway.transaction(refund.transactionId!);
      assert.deepEqual([details.type, details.status, details.refTransId, details.amountCents], ['refundTransaction', 'refundPendingSettlement', charged, 1_000]);
      assert.equal((await gateway.refund({ transId: charged, amountCents: 2_001, last4: '1111' })).code, '55');
      assert.equal((await gateway.refund({ transId: charged, amountCents: 2_000, last4: '1111' })).outcome, 'approved');
      fake.settleBatch();
      assert.equal((await gateway.transaction(refund.transactionId!)).status, 'refundSettledSuccessfully');
      const told = await seen();
      assert.equal(told.filter((e) => e.startsWith('net.authorize.payment.refund.created')).length, 2);
      assert.ok(told.includes(`net.authorize.payment.refund.created ${refund.transactionId}`));
    } finally {
      fake.setWebhook(null);
    }
  });

  test('what the real API would refuse gets an error reply, never a 500: a body of null, paymentProfiles: [null], an unknown transaction type', async () => {
    const send = async (body: string) => {
      const res = await fetch(`${server.url}/xml/v1/request.api`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      return { status: res.status, reply: JSON.parse((await res.text()).replace(/^\uFEFF/, '')) as { messages: { resultCode: string; message: { code: string }[] } } };
    };
    const merchantAuthentication = { name: FAKE_CREDENTIALS.apiLoginId, transactionKey: FAKE_CREDENTIALS.transactionKey };
    for (const body of [
      'null',
      '[]',
      '{"createCustomerProfileRequest":null}',
      JSON.stringify({ createCustomerProfileRequest: { merchantAuthentication, profile: { merchantCustomerId: 'C-null', paymentProfiles: [null] } } }),
      JSON.stringify({ createTransactionRequest: { merchantAuthentication, transactionRequest: { transactionType: 'captureOnlyTransaction', amount: '1.00' } } }),
    ]) {
      const { status, reply } = await send(body);
      assert.equal(status, 200, body);
      assert.equal(reply.messages.resultCode, 'Error', body);
      assert.match(reply.messages.message[0]!.code, /^E000\d\d$/, body);
    }
    assert.ok(![...fake.profiles.values()].some((p) => p.merchantCustomerId === 'C-null'), 'nothing saved');
  });

  test('a card saved from a transaction keeps the billing address the charge was made with', async () => {
    const request = { ...chargeOf(1_500), billTo: { firstName: 'Dana', lastName: 'Whitfield', address: '1 Main St', city: 'Reno', state: 'NV', zip: '89501', country: 'US' } };
    const transId = (await gateway.charge(request)).transactionId!;
    const ids = await gateway.saveCardFromTransaction({ transId, customerProfileId: null, customer: { id: 'C-billto', email: 'dana@example.com' } });
    const res = await fetch(`${server.url}/xml/v1/request.api`, {
      method: 'POST',
      body: JSON.stringify({
        getCustomerPaymentProfileRequest: { merchantAuthentication: { name: FAKE_CREDENTIALS.apiLoginId, transactionKey: FAKE_CREDENTIALS.transactionKey }, customerProfileId: ids.customerProfileId, customerPaymentProfileId: ids.paymentProfileId },
      }),
    });
    const saved = JSON.parse((await res.text()).replace(/^\uFEFF/, '')) as { paymentProfile: { billTo?: unknown } };
    assert.deepEqual(saved.paymentProfile.billTo, request.billTo);
  });
});
