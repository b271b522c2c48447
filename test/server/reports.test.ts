import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Report, ReportName } from '../../server/api/reports/routes.ts';
import { runBilling, type BillingPolicy } from '../../server/services/billing/billing-run.ts';
import { cdr, load, loadBillingData, USAGE_HEADER } from './billing-fixture.ts';
import { errorOf, okJson, testApp, type TestApp } from './helpers.ts';

const POLICY: BillingPolicy = { termsDays: 30, lateFee: { ratePpm: 15_000, minimumCents: 500 } };
const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;

/**
 * Three months billed and the current one open, from the real date (the clock only moves
 * forward). C100001's line 001835 (10,000 minutes included) calls in every month, with some
 * INTL minutes at $0.12; a call of the second month arrives after it was billed (the third
 * month's invoice carries it), and one of the third after it was billed (the open month counts it).
 */
async function reportsApp() {
  const t = await testApp();
  const real = new Date();
  const start = (k: number) => Date.UTC(real.getUTCFullYear(), real.getUTCMonth() + k, 1);
  const month = (k: number) => iso(start(k)).slice(0, 7);
  const [m1, m2, m3, current] = [month(-3), month(-2), month(-1), month(0)];
  const at = (k: number, day: number, hour = 15) => iso(start(k) + (day - 1) * DAY + hour * 3_600_000).replace('.000Z', 'Z');
  await loadBillingData(t.db);
  await load(
    t.db,
    'usage',
    USAGE_HEADER +
      cdr('M1-A', at(-3, 3), 600) + cdr('M1-B', at(-3, 4), 61) + cdr('M1-I', at(-3, 5), 90, 'INTL') +
      cdr('M2-A', at(-2, 2), 1200) + cdr('M2-I', at(-2, 9), 300, 'INTL') +
      cdr('M3-A', at(-3 + 2, 6), 60) +
      cdr('NOW-A', at(0, 1, 1), 120) + cdr('NOW-I', at(0, 1, 2), 60, 'INTL'),
  );
  const today = iso(Date.now()).slice(0, 10);
  runBilling(t.db, m1, today, POLICY);
  runBilling(t.db, m2, today, POLICY);
  // The switch sends the second month's last call after that month was billed.
  await load(t.db, 'usage', USAGE_HEADER + cdr('LATE-2', at(-1, 0, 22), 180, 'INTL'));
  runBilling(t.db, m3, today, POLICY);
  await load(t.db, 'usage', USAGE_HEADER + cdr('LATE-3', at(0, 0, 23), 240, 'INTL'));
  return { t, m1, m2, m3, current };
}

type Query = Record<string, string>;

async function reportOf<N extends ReportName>(t: TestApp, headers: Record<string, string>, number: string, name: N, query: Query = {}) {
  const body = await okJson(t.api(headers).accounts[':number'].reports[':report'].$get({ param: { number, report: name }, query }));
  // The route also answers text/csv; asked without it, it answers JSON.
  assert.ok(typeof body !== 'string' && body.report === name);
  return body as Extract<Report, { report: N }>;
}

const usageLines = (t: TestApp, accountId: number, period: string) =>
  t.db.$client
    .prepare(`select l.amount_cents as amount, l.usage_minutes as minutes from invoice_lines l join invoices i on i.id = l.invoice_id where i.account_id = ? and i.period = ? and l.kind = 'usage'`)
    .all(accountId, period) as { amount: number; minutes: number }[];

describe('GET /accounts/{number}/reports/{report}', () => {
  test('who may run a report: own account, a head office its locations (alone or rolled up), staff any; others 404 as for a missing one; signed out 401', async () => {
    const { t } = await reportsApp();
    const solo = (await t.login('solo@example.com')).bearer;
    const hq = (await t.login('hq@example.com')).bearer;
    const east = (await t.login('east@example.com')).bearer;
    const staff = (await t.login('staff@example.com')).bearer;
    const get = (number: string, headers: Record<string, string>, query = '') => t.request(`/accounts/${number}/reports/ytd-all-in${query}`, { headers });

    assert.equal((await get('C100001', {})).status, 401);
    const missing = await get('C999999', solo);
    const outOfReach = await get('C200000', solo);
    assert.deepEqual([missing.status, outOfReach.status], [404, 404]);
    assert.deepEqual(await outOfReach.json(), await missing.json(), 'out of reach reads exactly as missing');
    assert.equal((await get('C200000', east)).status, 404, "a location's user does not reach its head office");
    assert.equal((await get('C200002', east)).status, 404, '…nor a sibling location');
    assert.equal((await get('C200001', hq)).status, 200, 'a head office reaches its locations');
    assert.equal((await get('C123456', staff)).status, 404);
    assert.equal((await get('C100001', staff)).status, 200);

    const rolled = await reportOf(t, hq, 'C200000', 'ytd-fixed', { rollup: 'true' });
    assert.deepEqual(rolled.accounts.map((a) => a.number), ['C200000', 'C200001', 'C200002']);
    const alone = await reportOf(t, hq, 'C200000', 'ytd-fixed');
    assert.deepEqual(alone.accounts.map((a) => a.number), ['C200000']);
    const own = await reportOf(t, east, 'C200001', 'ytd-fixed', { rollup: 'true' });
    assert.deepEqual(own.accounts.map((a) => a.number), ['C200001'], "a location rolled up is only itself: its user never sees the others'");
  });

  test('bad input is a 400 naming the parameter, and nothing else is read', async () => {
    const { t } = await reportsApp();
    const { bearer } = await t.login('solo@example.com');
    const cases: [string, string][] = [
      ['/reports/usage-summary', 'report'],
      ['/reports/usage?from=2026-13&to=2026-12', 'from'],
      ['/reports/usage?from=2026-01', 'to'],
      ['/reports/usage?from=2026-05&to=2026-04', 'to'],
      ['/reports/usage?from=2023-01&to=2026-01', 'to'],
      ['/reports/ytd-usage?year=26', 'year'],
      ['/reports/ytd-usage?year=2026&from=2026-01&to=2026-02', 'year'],
      ['/reports/usage-details?cursor=abc', 'cursor'],
      ['/reports/usage-details?limit=5000', 'limit'],
      ['/reports/usage-details?q=DROP%20TABLE', 'q'],
      ['/reports/usage?cursor=1-2', 'cursor'],
      ['/reports/usage?rollup=yes', 'rollup'],
      ['/reports/usage?format=xlsx', 'format'],
    ];
    for (const [path, parameter] of cases) {
      const res = await t.request(`/accounts/C100001${path}`, { headers: bearer });
      assert.equal(res.status, 400, path);
      const error = await errorOf(res);
      assert.equal(error.code, 'VALIDATION', path);
      assert.ok(error.issues?.some((i) => i.path === parameter), `${path} names ${parameter}: ${JSON.stringify(error.issues)}`);
    }
    const longest = await t.request('/accounts/C100001/reports/usage?from=2023-02&to=2026-01', { headers: bearer });
    assert.equal(longest.status, 200, '36 months is the longest period');
  });

  test('Usage: each month’s plan pool and INTL minutes as the invoices billed them; the open month so far, apart', async () => {
    const { t, m1, m3, current } = await reportsApp();
    const { bearer } = await t.login('solo@example.com');
    const r = await reportOf(t, bearer, 'C100001', 'usage', { from: m1, to: current });
    assert.deepEqual(r.uninvoicedMonths, [current]);
    const first = r.rows.filter((row) => row.month === m1);
    assert.deepEqual(first, [
      { month: m1, account: 'C100001', plan: 'VoIP Business 10,000', category: 'CAN/US/PR/MEX/UK', usedMinutes: 12, includedMinutes: 10_000, overageMinutes: 0, charge: 0, invoiced: true },
      { month: m1, account: 'C100001', plan: null, category: 'INTL', usedMinutes: 2, includedMinutes: null, overageMinutes: null, charge: 24, invoiced: true },
    ]);
    // The third month's invoice carries the second month's late INTL call (3 min = $0.36).
    assert.deepEqual(r.rows.find((row) => row.month === m3 && row.category === 'INTL'), { month: m3, account: 'C100001', plan: null, category: 'INTL', usedMinutes: 3, includedMinutes: null, overageMinutes: null, charge: 36, invoiced: true });
    // So far: 2 plan minutes, and INTL 1 min + the third month's late call (4 min) at $0.12.
    const open = r.rows.filter((row) => row.month === current);
    assert.deepEqual(open.map((row) => [row.category, row.usedMinutes, row.charge, row.invoiced]), [
      ['CAN/US/PR/MEX/UK', 2, 0, false],
      ['INTL', 5, 60, false],
    ]);
    const invoiced = r.rows.filter((row) => row.invoiced).reduce((sum, row) => sum + row.charge, 0);
    assert.deepEqual([r.totals.charge, r.totals.chargeSoFar], [invoiced, 60], 'so far is never mixed into the invoiced total');
  });

  test('YTD: month by month from the invoices beside last year, the open month so far apart', async () => {
    const { t, m1, m2, m3, current } = await reportsApp();
    const { bearer } = await t.login('solo@example.com');
    const query = { from: m1, to: current };
    const invoice = (period: string) =>
      t.db.$client.prepare('select id, total_cents as total from invoices where account_id = ? and period = ?').get(t.ids.solo, period) as { id: number; total: number };
    const linesOfKind = (period: string, kind: string) =>
      t.db.$client.prepare('select coalesce(sum(amount_cents), 0) from invoice_lines where invoice_id = ? and kind = ?').pluck().get(invoice(period).id, kind) as number;

    const allIn = await reportOf(t, bearer, 'C100001', 'ytd-all-in', query);
    assert.deepEqual(allIn.rows.map((row) => row.month), [m1, m2, m3], 'invoiced months only');
    for (const row of allIn.rows) {
      assert.equal(row.amount, invoice(row.month).total);
      assert.deepEqual([row.fixed, row.usage], [linesOfKind(row.month, 'recurring'), linesOfKind(row.month, 'usage')]);
      assert.equal(row.fixed + row.usage + row.other, row.amount);
      assert.deepEqual([row.lastYear, row.change], [0, null], 'nothing a year before');
    }
    assert.equal(allIn.totals.amount, [m1, m2, m3].reduce((sum, m) => sum + invoice(m).total, 0));
    assert.equal(allIn.soFar.length, 1);
    assert.deepEqual([allIn.soFar[0]!.month, allIn.soFar[0]!.usage, allIn.soFar[0]!.amount], [current, 60, allIn.soFar[0]!.fixed + 60]);
    assert.ok(allIn.soFar[0]!.fixed > 8995, 'the month’s plan and seats');

    const usage = await reportOf(t, bearer, 'C100001', 'ytd-usage', query);
    assert.deepEqual(usage.rows.map((row) => row.amount), [m1, m2, m3].map((m) => linesOfKind(m, 'usage')));
    assert.deepEqual(usage.soFar.map((s) => s.amount), [60]);
    const fixed = await reportOf(t, bearer, 'C100001', 'ytd-fixed', query);
    assert.deepEqual(fixed.rows.map((row) => row.amount), [m1, m2, m3].map((m) => linesOfKind(m, 'recurring')));

    // A year later the same months are last year.
    const next = await reportOf(t, bearer, 'C100001', 'ytd-fixed', { year: String(Number(current.slice(0, 4)) + 1) });
    assert.deepEqual(next.rows, [], 'no month of next year is invoiced');
  });

  test('a head office rolled up adds up its locations', async () => {
    const { t, m1, m3 } = await reportsApp();
    const { bearer } = await t.login('hq@example.com');
    const fixedOf = async (number: string, rollup: boolean) => (await reportOf(t, bearer, number, 'ytd-fixed', { from: m1, to: m3, rollup: String(rollup) })).totals.amount;
    const [hqAlone, east, rolled] = [await fixedOf('C200000', false), await fixedOf('C200001', false), await fixedOf('C200000', true)];
    assert.ok(east > 0);
    assert.equal(rolled, hqAlone + east);
  });

  test('Subscribers: each line with its services, calls, minutes and invoiced usage charges; services without a line by location', async () => {
    const { t, m1, m3 } = await reportsApp();
    const { bearer } = await t.login('solo@example.com');
    const r = await reportOf(t, bearer, 'C100001', 'subscribers', { from: m1, to: m3 });
    const line = r.rows.find((row) => row.subscriberNumber === '001835')!;
    assert.deepEqual([line.subscriberName, line.location, line.services.map((s) => s.product), line.monthlyCharge], ['Reception', 'Reno office', ['VoIP Business 10,000'], 8995]);
    // 7 calls: 10 + 2 + 2 (m1), 20 + 5 (m2), 1 + 3 (m3, with the late one); INTL charges 24 + 60 + 36 cents.
    assert.deepEqual([line.calls, line.minutes, line.charge], [7, 43, 120]);
    const seats = r.rows.find((row) => row.subscriberNumber === null)!;
    assert.deepEqual([seats.location, seats.services, seats.monthlyCharge], ['Reno office', [{ product: 'Hosted PBX seat', type: 'addon', quantity: 2, monthlyCharge: 2800 }], 2800]);
    assert.deepEqual(r.totals, { monthlyCharge: 8995 + 2800, calls: 7, minutes: 43, charge: 120 });
  });

  test('Usage Details: calls by time, a late call in the month whose invoice carries it, paged by cursor with nothing lost or repeated', async () => {
    const { t, m1, m2, m3, current } = await reportsApp();
    const { bearer } = await t.login('solo@example.com');
    const idsOf = (r: Extract<Report, { report: 'usage-details' }>) => r.rows.map((row) => t.db.$client.prepare('select source_id from usage_records where id = ?').pluck().get(row.id));

    const second = await reportOf(t, bearer, 'C100001', 'usage-details', { from: m2, to: m2 });
    assert.deepEqual(idsOf(second), ['M2-A', 'M2-I'], 'the late call is not in its own month…');
    const third = await reportOf(t, bearer, 'C100001', 'usage-details', { from: m3, to: m3 });
    assert.deepEqual(idsOf(third), ['LATE-2', 'M3-A'], '…but in the month whose invoice carries it, first by time');
    assert.deepEqual([third.rows[0]!.billedIn, third.rows[0]!.startedAt.slice(0, 7)], [m3, m2]);
    const lines = usageLines(t, t.ids.solo, m3);
    assert.equal(third.rows.reduce((sum, row) => sum + row.billedMinutes, 0), lines.reduce((sum, l) => sum + l.minutes, 0));
    assert.equal(Math.round(third.rows.reduce((sum, row) => sum + row.chargeMillicents!, 0) / 1000), lines.reduce((sum, l) => sum + l.amount, 0));
    assert.deepEqual(third.totals, { calls: 2, minutes: 4, charge: 36 });

    const open = await reportOf(t, bearer, 'C100001', 'usage-details', { from: current, to: current });
    assert.deepEqual(idsOf(open), ['LATE-3', 'NOW-A', 'NOW-I']);
    assert.ok(open.rows.every((row) => row.chargeMillicents === null), 'no charge before the month is invoiced');

    const all: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Extract<Report, { report: 'usage-details' }> = await reportOf(t, bearer, 'C100001', 'usage-details', { from: m1, to: current, limit: '2', ...(cursor ? { cursor } : {}) });
      all.push(...page.rows.map((row) => row.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    const expected = t.db.$client.prepare('select id from usage_records where account_id = ? order by started_at, id').pluck().all(t.ids.solo);
    assert.deepEqual(all, expected, 'every call once, in time order');
    assert.equal(pages, Math.ceil(expected.length / 2));

    const intl = await reportOf(t, bearer, 'C100001', 'usage-details', { from: m1, to: current, category: 'INTL' });
    assert.deepEqual(idsOf(intl), ['M1-I', 'M2-I', 'LATE-2', 'LATE-3', 'NOW-I']);
    assert.equal(intl.totals!.calls, 5);
    const search = await reportOf(t, bearer, 'C100001', 'usage-details', { from: m1, to: current, q: '4155550100', limit: '500' });
    assert.deepEqual([search.rows.length, search.totals], [expected.length, null]);
    const nobody = await reportOf(t, bearer, 'C100001', 'usage-details', { from: m1, to: current, subscriber: '5550000000' });
    assert.deepEqual([nobody.rows, nobody.nextCursor, nobody.totals], [[], null, { calls: 0, minutes: 0, charge: 0 }]);
  });

  test("call times are in the account's time zone when it has one, else UTC", async () => {
    const { t, m2 } = await reportsApp();
    const { bearer } = await t.login('solo@example.com');
    const utc = await reportOf(t, bearer, 'C100001', 'usage-details', { from: m2, to: m2 });
    assert.equal(utc.timeZone, 'UTC');
    assert.match(utc.rows[0]!.startedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    t.db.$client.prepare("update accounts set time_zone = 'America/Los_Angeles' where id = ?").run(t.ids.solo);
    const local = await reportOf(t, bearer, 'C100001', 'usage-details', { from: m2, to: m2 });
    assert.equal(local.timeZone, 'America/Los_Angeles');
    assert.match(local.rows[0]!.startedAt, /-0[78]:00$/);
    assert.equal(Date.parse(local.rows[0]!.startedAt), Date.parse(utc.rows[0]!.startedAt), 'the same moment');
  });

  test('CSV: format=csv or Accept: text/csv gives the same numbers with a header row and decimal amounts', async () => {
    const { t, m1, m3, current } = await reportsApp();
    const { bearer } = await t.login('solo@example.com');
    const json = await reportOf(t, bearer, 'C100001', 'ytd-all-in', { from: m1, to: m3 });
    const res = await t.request(`/accounts/C100001/reports/ytd-all-in?from=${m1}&to=${m3}&format=csv`, { headers: bearer });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/csv/);
    assert.equal(res.headers.get('content-disposition'), `attachment; filename="C100001-ytd-all-in-${m1}-to-${m3}.csv"`);
    const lines = (await res.text()).trimEnd().split('\r\n');
    assert.equal(lines[0], 'Month,Fixed,Usage,"Other (taxes, fees)",All in,Last year,Change %');
    assert.deepEqual(
      lines.slice(1, 4),
      json.rows.map((r) => [r.month, r.fixed, r.usage, r.other, r.amount, r.lastYear].map((v, i) => (i === 0 ? v : (Number(v) / 100).toFixed(2))).join(',') + ','),
    );
    assert.equal(lines[4], `Total,,,,${(json.totals.amount / 100).toFixed(2)},0.00,`);

    const usage = (await (await t.request(`/accounts/C100001/reports/usage?from=${m1}&to=${current}&format=csv`, { headers: bearer })).text()).trimEnd().split('\r\n');
    assert.equal(usage[0], 'Month,Customer #,Plan,Category,Minutes used,Minutes included,Overage minutes,Charge,Status');
    assert.equal(usage[1], `${m1},C100001,"VoIP Business 10,000",CAN/US/PR/MEX/UK,12,10000,0,0.00,invoiced`);
    assert.deepEqual(usage.slice(-2).map((l) => l.split(',').slice(0, 1).concat(l.split(',').slice(-2))), [['Total invoiced', '1.20', 'invoiced'], ['Total so far', '0.60', 'so far']], 'invoiced and so far totalled apart');

    const accepted = await t.request(`/accounts/C100001/reports/usage-details?from=${m1}&to=${m3}`, { headers: { ...bearer, Accept: 'text/csv' } });
    const csv = (await accepted.text()).trimEnd().split('\r\n');
    assert.equal(csv[0], 'Date and time,Customer #,Subscriber #,From,To,Category,Duration (s),Billed minutes,Charge,Billed in');
    assert.equal(csv.length, 1 + 7, 'every call of the period, unpaged');
    assert.ok(csv.includes(`${csv.find((l) => l.includes(',INTL,90,'))!.split(',')[0]},C100001,001835,001835,+14155550100,INTL,90,2,0.24,${m1}`), 'a billed call with its charge');
    const json2 = await t.request(`/accounts/C100001/reports/usage-details?from=${m1}&to=${m3}`, { headers: { ...bearer, Accept: 'application/json, text/csv' } });
    assert.match(json2.headers.get('content-type')!, /json/, 'JSON when the client prefers it');
  });
});
