import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runBilling, type BillingPolicy } from '../../server/services/billing/billing-run.ts';
import { recordReceivedPayment } from '../../server/services/ledger.ts';
import { load, loadBillingData } from './billing-fixture.ts';
import { okJson, testApp, type TestApp } from './helpers.ts';

const POLICY: BillingPolicy = { termsDays: 30, lateFee: { ratePpm: 15_000, minimumCents: 500 } };

async function servicesApp() {
  const t = await testApp();
  await loadBillingData(t.db);
  // An ended seat and one that starts next year, beside the fixture's (S-1 plan and S-2 seats at HQ, S-3 without a location).
  await load(t.db, 'subscriptions', `id,account,location,product,quantity,start_date,end_date,subscriber_number,subscriber_name
S-9,C100001,HQ,SEAT,1,2025-01-01,2025-06-30,,
S-10,C100001,,SEAT,3,2999-01-01,,,
`);
  return t;
}

const servicesOf = (t: TestApp, headers: Record<string, string>, number: string, query: Record<string, string> = {}) =>
  okJson(t.api(headers).accounts[':number'].services.$get({ param: { number }, query }));

describe('GET /accounts/{number}/services', () => {
  test("the guide's table: a row per location (and one for subscriptions without one) with the count of active subscriptions; ended ones only when asked", async () => {
    const t = await servicesApp();
    const { bearer } = await t.login('solo@example.com');
    const s = await servicesOf(t, bearer, 'C100001');
    assert.deepEqual(
      s.locations.map((l) => [l.accountNumber, l.accountName, l.location?.name ?? null, l.location?.region ?? null, l.location?.city ?? null, l.location?.street ?? null, l.services]),
      [
        ['C100001', 'Solo Dental', 'Reno office', 'NV', 'Reno', '1 Main St', 2],
        ['C100001', 'Solo Dental', null, null, null, null, 0],
      ],
    );
    const hq = s.locations[0]!;
    assert.deepEqual(hq.subscriptions.map((x) => [x.id, x.status]), [['S-1', 'active'], ['S-2', 'active']], 'the ended seat is hidden');
    assert.deepEqual(hq.subscriptions[0], {
      id: 'S-1', product: 'VoIP Business 10,000', type: 'plan', subscriberNumber: '001835', subscriberName: 'Reception', quantity: 1, monthlyPrice: 8995, monthlyCharge: 8995,
      startDate: '2026-01-01', endDate: null, includedMinutes: 10_000, category: 'CAN/US/PR/MEX/UK', status: 'active',
    });
    assert.deepEqual(s.locations[1]!.subscriptions.map((x) => [x.id, x.status, x.monthlyCharge]), [['S-10', 'upcoming', 4200]]);
    const all = await servicesOf(t, bearer, 'C100001', { ended: 'true' });
    assert.deepEqual(all.locations[0]!.subscriptions.map((x) => [x.id, x.status]), [['S-1', 'active'], ['S-2', 'active'], ['S-9', 'ended']]);
    assert.equal(all.locations[0]!.services, 2, 'the count is of active subscriptions');
  });

  test('a head office alone or with its sub-accounts; who may and may not; bad input', async () => {
    const t = await servicesApp();
    const hq = (await t.login('hq@example.com')).bearer;
    const east = (await t.login('east@example.com')).bearer;
    assert.deepEqual((await servicesOf(t, hq, 'C200000')).locations, []);
    const rolled = await servicesOf(t, hq, 'C200000', { rollup: 'true' });
    assert.deepEqual(rolled.locations.map((l) => [l.accountNumber, l.services]), [['C200001', 1]]);
    assert.equal((await t.request('/accounts/C200000/services', { headers: east })).status, 404);
    assert.equal((await t.request('/accounts/C100001/services')).status, 401);
    const bad = await t.request('/accounts/C200001/services?ended=maybe', { headers: east });
    assert.equal(bad.status, 400);
    assert.deepEqual(((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path), ['ended']);
  });
});

describe('GET /accounts/{number}/sub-accounts', () => {
  test("each location under a head office with its balance, past due and last invoice; other accounts have none; who may", async () => {
    const t = await servicesApp();
    const today = new Date().toISOString().slice(0, 10);
    const real = new Date();
    const month = (k: number) => new Date(Date.UTC(real.getUTCFullYear(), real.getUTCMonth() + k, 1)).toISOString().slice(0, 7);
    runBilling(t.db, month(-3), today, POLICY);
    runBilling(t.db, month(-1), today, POLICY);
    const east = t.ids.east;
    const invoices = t.db.$client.prepare('select number, issue_date as date, due_date as due, total_cents as total from invoices where account_id = ? order by issue_date').all(east) as {
      number: string; date: string; due: string; total: number;
    }[];
    assert.equal(invoices.length, 2);
    recordReceivedPayment(t.db, { accountId: east, amountCents: 1000, receivedAt: today, method: 'Check' });
    const hq = (await t.login('hq@example.com')).bearer;
    const overview = await okJson(t.api(hq).accounts[':number']['sub-accounts'].$get({ param: { number: 'C200000' } }));
    const pastDue = invoices.filter((i) => i.due < today).reduce((s, i) => s + i.total, 0) - 1000;
    assert.deepEqual(overview, {
      account: 'C200000',
      isHeadOffice: true,
      subAccounts: [
        { number: 'C200001', name: 'Head Office — East', city: 'Reno', region: 'NV', currency: 'USD', balance: invoices[0]!.total + invoices[1]!.total - 1000, pastDue, lastInvoice: { number: invoices[1]!.number, date: invoices[1]!.date, total: invoices[1]!.total } },
        { number: 'C200002', name: 'Head Office — West', city: 'Reno', region: 'NV', currency: 'USD', balance: 0, pastDue: 0, lastInvoice: null },
      ],
    });
    const solo = (await t.login('solo@example.com')).bearer;
    assert.deepEqual(await okJson(t.api(solo).accounts[':number']['sub-accounts'].$get({ param: { number: 'C100001' } })), { account: 'C100001', isHeadOffice: false, subAccounts: [] });
    const eastUser = (await t.login('east@example.com')).bearer;
    assert.equal((await t.request('/accounts/C200000/sub-accounts', { headers: eastUser })).status, 404);
    assert.equal((await t.request('/accounts/C200000/sub-accounts', { headers: solo })).status, 404);
    assert.equal((await t.request('/accounts/C200000/sub-accounts')).status, 401);
  });
});
