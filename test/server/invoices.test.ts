import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { InferRequestType } from 'hono/client';
import { runBilling, type BillingPolicy } from '../../server/services/billing/billing-run.ts';
import { recordReceivedPayment } from '../../server/services/ledger.ts';
import { cdr, load, loadBillingData, USAGE_HEADER } from './billing-fixture.ts';
import { errorOf, okJson, testApp, type TestApp } from './helpers.ts';
import { pdfText } from './pdf-text.ts';

const POLICY: BillingPolicy = { termsDays: 30, lateFee: { ratePpm: 15_000, minimumCents: 500 } };

const DAY = 86_400_000;
const monthKey = (ms: number) => new Date(ms).toISOString().slice(0, 7);

/**
 * The timeline, from the real date (the session store reads the wall clock, so the test clock
 * may only move forward): ten billed months, the latest issued on `issued`, and "today" nine days
 * after that, so the latest invoice is open and the ones before it past due.
 */
function timeline() {
  const later = new Date(Date.now() + 40 * DAY);
  const issued = Date.UTC(later.getUTCFullYear(), later.getUTCMonth(), 1);
  const periods = Array.from({ length: 10 }, (_, k) => {
    const d = new Date(issued);
    return monthKey(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 10 + k, 1));
  });
  return { periods, latest: periods.at(-1)!, today: issued + 9 * DAY };
}

/** The test app with ten months billed and the clock nine days after the latest invoice. */
async function billedApp() {
  const t = await testApp();
  const time = timeline();
  await loadBillingData(t.db);
  // Subscriptions start on 2026-01-01: bill from whenever the timeline starts anyway.
  t.db.$client.prepare("update subscriptions set start_date = ? where start_date = '2026-01-01'").run(`${time.periods[0]}-01`);
  await load(t.db, 'usage', USAGE_HEADER + cdr('A1', `${time.latest}-02T10:00:00Z`, 3_600) + cdr('A2', `${time.latest}-03T10:00:00Z`, 125, 'INTL'));
  const today = new Date(time.today).toISOString().slice(0, 10);
  for (const period of time.periods) runBilling(t.db, period, today, POLICY);
  t.clock.now = time.today;
  return Object.assign(t, { time });
}

type InvoiceQuery = InferRequestType<ReturnType<TestApp['api']>['accounts'][':number']['invoices']['$get']>['query'];

/** An account's invoice list and one invoice, through the typed client. */
const invoicesOf = (t: TestApp, headers: Record<string, string>, query: InvoiceQuery = {}, number = 'C100001') =>
  okJson(t.api(headers).accounts[':number'].invoices.$get({ param: { number }, query }));
const invoiceOf = (t: TestApp, headers: Record<string, string>, id: number) =>
  okJson(t.api(headers).accounts[':number'].invoices[':id'].$get({ param: { number: 'C100001', id: String(id) } }));

describe('invoices API', () => {
  test('who may read whose invoices: own accounts and a head office its locations; everyone else 404, signed out 401', async () => {
    const t = await billedApp();
    const solo = (await t.login('solo@example.com')).bearer;
    const hq = (await t.login('hq@example.com')).bearer;
    const east = (await t.login('east@example.com')).bearer;
    const staff = (await t.login('staff@example.com')).bearer;
    const status = async (path: string, headers: Record<string, string> = {}) => (await t.request(path, { headers })).status;

    assert.equal(await status('/accounts/C100001/invoices'), 401);
    assert.equal(await status('/accounts/C100001/invoices', solo), 200);
    assert.equal(await status('/accounts/C200001/invoices', solo), 404, "another customer's account");
    assert.equal(await status('/accounts/C200001/invoices', hq), 200, 'the head office reads its location');
    assert.equal(await status('/accounts/C200001/invoices', east), 200);
    assert.equal(await status('/accounts/C200000/invoices', east), 404, 'a location does not read its head office');
    assert.equal(await status('/accounts/C100001/invoices', staff), 200);

    const eastInvoice = (await invoicesOf(t, east, {}, 'C200001')).invoices[0]!;
    // Someone else's invoice id under one's own account is just as missing.
    for (const suffix of ['', '/pdf']) {
      const res = await t.request(`/accounts/C100001/invoices/${eastInvoice.id}${suffix}`, { headers: solo });
      assert.equal(res.status, 404);
      assert.equal((await errorOf(res)).code, 'NOT_FOUND');
      assert.equal(await status(`/accounts/C200001/invoices/${eastInvoice.id}${suffix}`, solo), 404);
      assert.equal(await status(`/accounts/C200001/invoices/${eastInvoice.id}${suffix}`), 401);
      assert.equal(await status(`/accounts/C200001/invoices/${eastInvoice.id}${suffix}`, hq), 200);
    }
  });

  test('the list is newest first and paged, with balance and status derived, and filters by status and year', async () => {
    const t = await billedApp();
    const { bearer } = await t.login('solo@example.com');
    const first = await invoicesOf(t, bearer, { pageSize: '4' });
    assert.equal(first.total, 10);
    const issueDates = t.time.periods.map((p) => `${monthKey(Date.parse(`${p}-01T00:00:00Z`) + 40 * DAY)}-01`).reverse();
    assert.deepEqual(first.years, [...new Set(issueDates.map((d) => Number(d.slice(0, 4))))]);
    assert.deepEqual(first.invoices.map((i) => i.date), issueDates.slice(0, 4));
    assert.deepEqual(first.invoices.map((i) => i.status), ['open', 'past_due', 'past_due', 'past_due']);
    assert.deepEqual(Object.keys(first.invoices[0]!).sort(), ['accountName', 'accountNumber', 'balance', 'date', 'dueDate', 'id', 'number', 'period', 'status', 'total']);
    assert.equal(first.invoices[0]!.accountName, 'Solo Dental');
    const third = await invoicesOf(t, bearer, { pageSize: '4', page: '3' });
    assert.deepEqual(third.invoices.map((i) => i.date), issueDates.slice(8), 'the last page holds the rest');

    // Pay the three oldest in full: they turn paid, and the filter finds them.
    const solo = t.ids.solo;
    const oldest = (await invoicesOf(t, bearer, { pageSize: '100' })).invoices.slice(-3);
    recordReceivedPayment(t.db, { accountId: solo, amountCents: oldest.reduce((s, i) => s + i.total, 0), receivedAt: new Date(t.clock.now).toISOString().slice(0, 10), method: 'Check' });
    const paid = await invoicesOf(t, bearer, { status: 'paid' });
    assert.deepEqual(paid.invoices.map((i) => i.number).sort(), oldest.map((i) => i.number).sort());
    assert.ok(paid.invoices.every((i) => i.balance === 0));
    const pastDue = await invoicesOf(t, bearer, { status: 'past_due' });
    assert.equal(pastDue.total, 6);
    const open = await invoicesOf(t, bearer, { status: 'open' });
    assert.equal(open.invoices.length, 1);

    // The day after its due date, the open one is past due.
    t.clock.now = Date.parse(`${open.invoices[0]!.dueDate}T12:00:00Z`) + 86_400_000;
    const later = await t.login('solo@example.com');
    assert.equal((await invoicesOf(t, later.bearer, { status: 'past_due' })).total, 7);

    for (const year of first.years) {
      const inYear = issueDates.filter((d) => d.startsWith(String(year))).length;
      assert.equal((await invoicesOf(t, later.bearer, { year: String(year) })).total, inYear);
    }
    assert.equal((await invoicesOf(t, later.bearer, { year: String(first.years.at(-1)! - 1) })).total, 0);
  });

  test('bad queries get a 400 naming the parameter', async () => {
    const t = await billedApp();
    const { bearer } = await t.login('solo@example.com');
    for (const [query, path] of [['status=late', 'status'], ['year=26', 'year'], ['page=0', 'page'], ['pageSize=1000', 'pageSize'], ['page=abc', 'page']]) {
      const res = await t.request(`/accounts/C100001/invoices?${query}`, { headers: bearer });
      assert.equal(res.status, 400, query);
      const error = await errorOf(res);
      assert.equal(error.code, 'VALIDATION');
      assert.equal(error.issues![0]!.path, path, query);
    }
    assert.equal((await t.request('/accounts/C100001/invoices/abc', { headers: bearer })).status, 400);
  });

  test('one invoice has its lines, which add up to its total; payments lower the balance', async () => {
    const t = await billedApp();
    const { bearer } = await t.login('solo@example.com');
    const [latest] = (await invoicesOf(t, bearer)).invoices;
    const invoice = await invoiceOf(t, bearer, latest!.id);
    assert.equal(invoice.lines.reduce((s, l) => s + l.amount, 0), invoice.total);
    assert.equal(invoice.subtotal + invoice.tax, invoice.total);
    assert.ok(invoice.lines.some((l) => l.kind === 'late_fee'), 'the month before was past due when the latest was billed');
    assert.deepEqual(
      invoice.lines.filter((l) => l.kind === 'usage').map((l) => l.description),
      ['VoIP Business 10,000 — CAN/US/PR/MEX/UK usage: 60 min of 10,000 included', 'INTL calls: 3 min'],
    );
    assert.equal(invoice.lines[0]!.location!.name, 'Reno office');
    recordReceivedPayment(t.db, { accountId: t.ids.solo, amountCents: 1_000_000, receivedAt: new Date(t.clock.now).toISOString().slice(0, 10), method: 'Check' });
    const after = await invoiceOf(t, bearer, latest!.id);
    assert.deepEqual([after.balance, after.paid, after.status], [0, after.total, 'paid']);
    assert.equal(after.payments.length, 1);
  });

  test('the PDF is a download whose text holds the invoice: number, customer, every line amount, totals, page numbers', async () => {
    const t = await billedApp();
    const { bearer } = await t.login('solo@example.com');
    const [latest] = (await invoicesOf(t, bearer)).invoices;
    const invoice = await invoiceOf(t, bearer, latest!.id);
    const res = await t.request(`/accounts/C100001/invoices/${latest!.id}/pdf`, { headers: bearer });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(res.headers.get('content-disposition'), `attachment; filename="${invoice.number}.pdf"`);
    const { pages } = await pdfText(await res.arrayBuffer());
    const text = pages.join('\n');
    const dollars = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    // Dates with the month by name ("November 1, 2026"): the same in every language's way of writing them.
    const longDate = (iso: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
    for (const expected of [
      'Harbourline Communications', invoice.number, 'C100001', 'Solo Dental', '1 Main St', 'Reno, NV 89501',
      `Invoice date`, longDate(invoice.date), longDate(invoice.dueDate), 'Net 30 days', 'Reno office', 'Recurring charges', 'Usage', 'Taxes',
      `Total`, dollars(invoice.total), 'Balance due', 'How to pay', 'Page 1 of 1',
    ]) {
      assert.ok(text.includes(expected), `the PDF shows ${expected}`);
    }
    for (const line of invoice.lines) assert.ok(text.includes(dollars(line.amount)), `line ${line.description}: ${dollars(line.amount)}`);
  });

  test('an invoice with many lines runs to several pages, each numbered', async () => {
    const t = await testApp();
    await loadBillingData(t.db);
    const rows = Array.from({ length: 90 }, (_, i) => `M-${i},C100002,,SEAT,1,2026-10-${String(1 + (i % 28)).padStart(2, '0')},,${5550100 + i},Seat user ${i}`);
    await load(t.db, 'subscriptions', `id,account,location,product,quantity,start_date,end_date,subscriber_number,subscriber_name\n${rows.join('\n')}\n`);
    runBilling(t.db, '2026-10', '2026-11-10', POLICY);
    const { bearer } = await t.login('staff@example.com');
    const [invoice] = (await invoicesOf(t, bearer, {}, 'C100002')).invoices;
    const res = await t.request(`/accounts/C100002/invoices/${invoice!.id}/pdf`, { headers: bearer });
    const { pages } = await pdfText(await res.arrayBuffer());
    assert.ok(pages.length >= 2, `${pages.length} pages`);
    pages.forEach((page, i) => assert.ok(page.includes(`Page ${i + 1} of ${pages.length}`), `page ${i + 1} is numbered`));
    assert.ok(pages.at(-1)!.includes(`$${(invoice!.total / 100).toFixed(2)}`), 'the total is on the last page');
  });
});
