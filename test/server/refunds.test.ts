import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { signWebhookBody } from '../../server/gateway/webhook-signature.ts';
import type { TestApp } from './helpers.ts';
import { BILL_TO, cardToken, notifiedApp, pay, postNotification, useFakeGateway } from './payment-fixture.ts';

const gw = useFakeGateway();

/**
 * What the customer sees, from the API: the balance, each invoice's balance and status, the
 * payment history. After each refund or void these must agree with the gateway.
 */
async function portalView(t: TestApp, bearer: Record<string, string>) {
  const get = async (path: string) => (await t.request(`/accounts/C100001${path}`, { headers: bearer })).json();
  const summary = await get('/summary');
  const invoices = ((await get('/invoices')).invoices as { id: number; balance: number; status: string }[]).sort((a, b) => a.id - b.id);
  const payments = (await get('/payments')).payments as { id: number; amount: number; status: string; refunds: { amount: number; date: string }[] }[];
  // Each invoice's own page lists what pays it now: the same as its balance says.
  for (const invoice of invoices) {
    const detail = (await get(`/invoices/${invoice.id}`)) as { total: number; paid: number; payments: { amount: number }[] };
    assert.equal(detail.payments.reduce((sum, p) => sum + p.amount, 0), detail.paid);
    assert.ok(detail.payments.every((p) => p.amount > 0), 'a payment as what it pays now, not as its allocations and take-backs');
    assert.equal(detail.total - detail.paid, invoice.balance);
  }
  return { balance: summary.balance as number, invoices: invoices.map((i) => [i.balance, i.status]), payments };
}

/** The gateway's own account of a charge: what it settled, less the refunds it made (and did not void). */
function netAtGateway(transId: string) {
  const cents = (dollars: string) => Math.round(Number(dollars) * 100);
  const refunds = [...gw.fake.transactions.values()].filter((t) => t.refTransId === transId && t.status !== 'voided');
  return cents(gw.fake.transactions.get(transId)!.settleAmount) - refunds.reduce((sum, t) => sum + cents(t.amount), 0);
}

async function paidApp() {
  const app = await notifiedApp(gw.fake, gw.gateway());
  const { t, bearer, invoices } = app;
  const before = await portalView(t, bearer);
  // Pays September's bill and part of October's.
  const amount = invoices[0]!.total + 1000;
  const res = await pay(t, bearer, { amount, opaqueData: cardToken(gw.fake), billTo: BILL_TO });
  const payment = (await res.json()) as { id: number; status: string };
  assert.equal(payment.status, 'approved');
  const transId = t.db.$client.prepare('select gateway_transaction_id from payments where id = ?').pluck().get(payment.id) as string;
  await gw.fake.deliveriesDone();
  return { ...app, before, amount, payment, transId };
}

const netPaid = (view: Awaited<ReturnType<typeof portalView>>, id: number) => {
  const p = view.payments.find((x) => x.id === id)!;
  return p.status === 'approved' ? p.amount - p.refunds.reduce((sum, r) => sum + r.amount, 0) : 0;
};

describe('refunds and voids made at the gateway', () => {
  test('a refund, partial then full: the balance, the invoices and the payment history agree with the gateway; each notification applied once', async () => {
    const { t, bearer, invoices, before, amount, payment, transId, delivered } = await paidApp();
    const totals = invoices.map((i) => i.total);
    assert.equal(gw.fake.refund(transId, 1500).responseCode, '3', 'nothing is refunded before it settles');
    gw.fake.settleBatch();

    // Partial: 15.00 of October's 10.00 and 5.00 of September's come back.
    assert.equal(gw.fake.refund(transId, 1500).responseCode, '1');
    await gw.fake.deliveriesDone();
    const partial = delivered.at(-1)!;
    assert.deepEqual([partial.eventType, partial.status], ['net.authorize.payment.refund.created', 200]);
    let view = await portalView(t, bearer);
    assert.equal(view.balance, before.balance - amount + 1500);
    assert.deepEqual(view.invoices.map(([balance]) => balance), [500, totals[1]]);
    assert.notEqual(view.invoices[0]![1], 'paid', 'September is open again');
    assert.deepEqual(view.payments.find((p) => p.id === payment.id)!.refunds.map((r) => r.amount), [1500]);
    assert.equal(netPaid(view, payment.id), netAtGateway(transId));

    // Delivered again, or told of again under another notification id: applied once.
    assert.deepEqual(await (await postNotification(t, partial.body, partial.signature)).json(), { applied: false, result: 'already received' });
    const retold = partial.body.replace(/"notificationId":"[^"]+"/, '"notificationId":"another-id"');
    const again = await postNotification(t, retold, signed(retold));
    assert.match(((await again.json()) as { result: string }).result, /already recorded/);
    assert.deepEqual(await portalView(t, bearer), view);

    // Full: the rest comes back; both bills are as before the payment.
    assert.equal(gw.fake.refund(transId, amount - 1500).responseCode, '1');
    await gw.fake.deliveriesDone();
    view = await portalView(t, bearer);
    assert.equal(view.balance, before.balance);
    assert.deepEqual(view.invoices, before.invoices);
    assert.deepEqual(view.payments.find((p) => p.id === payment.id)!.refunds.map((r) => r.amount), [1500, amount - 1500]);
    assert.equal(netPaid(view, payment.id), netAtGateway(transId));
    assert.equal(netAtGateway(transId), 0);

    // More than was paid: the gateway refuses (55), and nothing changes here.
    const over = gw.fake.refund(transId, 1);
    assert.deepEqual([over.responseCode, over.errors[0].errorCode], ['3', '55']);
    await gw.fake.deliveriesDone();
    assert.deepEqual(await portalView(t, bearer), view);
  });

  test('a void before settlement cancels the payment: what it paid is owed again, the history says voided; applied once', async () => {
    const { t, bearer, before, payment, transId, delivered } = await paidApp();
    assert.equal(gw.fake.void(transId).responseCode, '1');
    await gw.fake.deliveriesDone();
    const voided = delivered.at(-1)!;
    assert.deepEqual([voided.eventType, voided.status], ['net.authorize.payment.void.created', 200]);
    const view = await portalView(t, bearer);
    assert.equal(view.balance, before.balance);
    assert.deepEqual(view.invoices, before.invoices);
    assert.equal(view.payments.find((p) => p.id === payment.id)!.status, 'voided');
    assert.equal(gw.fake.transactions.get(transId)!.status, 'voided');

    assert.deepEqual(await (await postNotification(t, voided.body, signed(voided.body))).json(), { applied: false, result: 'already received' });
    const retold = voided.body.replace(/"notificationId":"[^"]+"/, '"notificationId":"another-void"');
    assert.match(((await (await postNotification(t, retold, signed(retold))).json()) as { result: string }).result, /already voided/);
    assert.deepEqual(await portalView(t, bearer), view);
    const refund = gw.fake.refund(transId, 100);
    assert.deepEqual([refund.responseCode, refund.errors[0].errorCode], ['3', '54'], 'a voided charge cannot be refunded');
  });

  test('a refund voided before it settled gives nothing back: the payment pays its bills again', async () => {
    const { t, bearer, payment, transId } = await paidApp();
    const paid = await portalView(t, bearer);
    gw.fake.settleBatch();
    const refund = gw.fake.refund(transId, 2000);
    await gw.fake.deliveriesDone();
    assert.equal((await portalView(t, bearer)).balance, paid.balance + 2000);
    assert.equal(gw.fake.void(refund.transId).responseCode, '1');
    await gw.fake.deliveriesDone();
    const view = await portalView(t, bearer);
    assert.equal(view.balance, paid.balance);
    assert.deepEqual(view.invoices, paid.invoices);
    assert.deepEqual(view.payments.find((p) => p.id === payment.id)!.refunds, []);
    assert.equal(netPaid(view, payment.id), netAtGateway(transId));
  });
});

const signed = (body: string) => signWebhookBody(body, gw.fake.signatureKey);
