import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { openDatabase, type Db } from '../../server/db/client.ts';
import { describeBillingRun, runBilling, BillingBlockedError, type BillingPolicy } from '../../server/services/billing/billing-run.ts';
import { BusyError } from '../../server/services/errors.ts';
import { importCsv } from '../../server/services/imports/import.ts';
import { importKind } from '../../server/services/imports/kinds.ts';
import { recordReceivedPayment } from '../../server/services/ledger.ts';
import { beginUsageImport } from '../../server/services/usage/usage-imports.ts';
import { cdr, load, loadBillingData, USAGE_HEADER } from './billing-fixture.ts';
import { errorOf, testApp } from './helpers.ts';

const POLICY: BillingPolicy = { termsDays: 30, lateFee: { ratePpm: 15_000, minimumCents: 500 } };
const TODAY = '2027-03-01';

async function billingDb(usage = '') {
  const db = openDatabase(':memory:');
  await loadBillingData(db);
  if (usage) await load(db, 'usage', USAGE_HEADER + usage);
  return db;
}

const invoicesOf = (db: Db) =>
  db.$client.prepare('select i.*, a.number as account from invoices i join accounts a on a.id = i.account_id order by i.period, a.number').all() as Record<string, unknown>[];
const linesOf = (db: Db, invoiceId: unknown) =>
  db.$client.prepare('select kind, description, quantity, unit_price_millicents as unit, amount_cents as amount from invoice_lines where invoice_id = ? order by position').all(invoiceId) as {
    kind: string; description: string; quantity: number; unit: number; amount: number;
  }[];

describe('the billing run', () => {
  test('bills every account with something to bill: recurring (prorated), usage over the pooled minutes, taxes per location', async () => {
    const db = await billingDb(
      // 6 × 1,440 + 1,360 = 10,000 minutes: exactly the plan's; the 61-second call goes 2 minutes over.
      [1, 2, 3, 4, 5, 6].map((d) => cdr(`D${d}`, `2026-10-0${d}T00:00:00Z`, 86_400)).join('') +
        cdr('A2', '2026-10-20T10:00:00Z', 1_360 * 60) +
        cdr('A3', '2026-10-20T12:00:00Z', 61) +
        cdr('A4', '2026-10-21T10:00:00Z', 90, 'INTL') +
        cdr('N1', '2026-11-02T10:00:00Z', 60),
    );
    const report = runBilling(db, '2026-10', TODAY, POLICY);
    assert.equal(report.status, 'billed');
    assert.equal(report.invoices, 3, 'C100003 has nothing to bill and gets no invoice');
    assert.equal(report.calls, 9, 'the November call waits for November');

    const [solo, quiet] = invoicesOf(db);
    assert.deepEqual(
      [solo!.account, solo!.number, solo!.issue_date, solo!.due_date, quiet!.number],
      ['C100001', 'INV-202610-00001', '2026-11-01', '2026-12-01', 'INV-202610-00002'],
    );
    assert.deepEqual(linesOf(db, solo!.id), [
      { kind: 'recurring', description: 'VoIP Business 10,000 — 001835 Reception', quantity: 1, unit: 8_995_000, amount: 8995 },
      { kind: 'recurring', description: 'Hosted PBX seat (Oct 31–Oct 31, 1 of 31 days)', quantity: 2, unit: 1_400_000, amount: 90 },
      { kind: 'usage', description: 'VoIP Business 10,000 — CAN/US/PR/MEX/UK usage: 10,002 min of 10,000 included, 2 min over', quantity: 2, unit: 2500, amount: 5 },
      { kind: 'usage', description: 'INTL calls: 2 min', quantity: 2, unit: 12_000, amount: 24 },
      { kind: 'tax', description: 'Sales tax 10% — Reno office', quantity: 1, unit: 909_000, amount: 909 },
      { kind: 'tax', description: 'Sales tax 5%', quantity: 1, unit: 1000, amount: 1 },
    ]);
    assert.deepEqual([solo!.subtotal_cents, solo!.tax_cents, solo!.total_cents], [9114, 910, 10_024]);

    const rated = db.$client.prepare("select source_id, invoice_id, billed_minutes, charge_millicents from usage_records where source_id not like 'D%' order by source_id").all();
    assert.deepEqual(rated, [
      { source_id: 'A2', invoice_id: solo!.id, billed_minutes: 1360, charge_millicents: 0 },
      { source_id: 'A3', invoice_id: solo!.id, billed_minutes: 2, charge_millicents: 5000 },
      { source_id: 'A4', invoice_id: solo!.id, billed_minutes: 2, charge_millicents: 24_000 },
      { source_id: 'N1', invoice_id: null, billed_minutes: null, charge_millicents: null },
    ]);
  });

  test('running it again for a closed period changes nothing and says so', async () => {
    const db = await billingDb(cdr('A1', '2026-10-02T10:00:00Z', 600));
    const first = runBilling(db, '2026-10', TODAY, POLICY);
    const before = JSON.stringify([invoicesOf(db), db.$client.prepare('select * from invoice_lines').all()]);
    const again = runBilling(db, '2026-10', TODAY, POLICY);
    assert.equal(again.status, 'already_billed');
    assert.deepEqual([again.invoices, again.totals], [first.invoices, first.totals]);
    assert.equal(JSON.stringify([invoicesOf(db), db.$client.prepare('select * from invoice_lines').all()]), before);
  });

  test("the run's totals are per currency: US and Canadian dollars are never added up", async () => {
    const db = await billingDb(cdr('A1', '2026-10-02T10:00:00Z', 600));
    db.$client.prepare("update accounts set currency = 'CAD' where number = 'C100002'").run();
    const report = runBilling(db, '2026-10', TODAY, POLICY);
    const sums = new Map<string, number>();
    for (const i of invoicesOf(db)) {
      const currency = db.$client.prepare('select currency from accounts where number = ?').pluck().get(i.account) as string;
      sums.set(currency, (sums.get(currency) ?? 0) + Number(i.total_cents));
    }
    assert.deepEqual(report.totals, [...sums].sort().map(([currency, cents]) => ({ currency, cents })));
    assert.deepEqual(report.totals.map((t) => t.currency), ['CAD', 'USD']);
    const money = (t: { currency: string; cents: number }) => new Intl.NumberFormat('en-US', { style: 'currency', currency: t.currency }).format(t.cents / 100);
    assert.equal(describeBillingRun(report), `2026-10 billed: ${report.invoices} invoices, ${report.totals.map(money).join(' and ')}; ${report.calls} calls rated.`);
    assert.deepEqual(runBilling(db, '2026-10', TODAY, POLICY).totals, report.totals, 'the same totals when asked again');
  });

  test('a call that arrives after its month was billed is billed with the next month, once', async () => {
    const db = await billingDb();
    runBilling(db, '2026-10', TODAY, POLICY);
    await load(db, 'usage', USAGE_HEADER + cdr('LATE', '2026-10-30T23:59:00Z', 60, 'INTL'));
    const november = runBilling(db, '2026-11', TODAY, POLICY);
    assert.deepEqual([november.calls, november.lateCalls], [1, 1]);
    const nov = invoicesOf(db).find((i) => i.period === '2026-11' && i.account === 'C100001')!;
    assert.ok(linesOf(db, nov.id).some((l) => l.description === 'INTL calls: 1 min' && l.amount === 12));
    const dup = await load(db, 'usage', USAGE_HEADER + cdr('LATE', '2026-10-30T23:59:00Z', 60, 'INTL'));
    assert.deepEqual([dup.inserted, dup.duplicates], [0, 1], 'the same record again is a duplicate, not a second charge');
    assertTotalsMatchCalls(db);
    const late = db.$client.prepare("select period, minutes, charge_millicents as charge from usage_totals where category = 'INTL'").all();
    assert.deepEqual(late, [{ period: '2026-11', minutes: 1, charge: 12_000 }], "the late call counts in November's totals, charged as billed");
    assert.equal(runBilling(db, '2026-12', TODAY, POLICY).calls, 0);
  });

  test('what is past due when a month is billed draws a late fee; payments and credit count', async () => {
    const db = await billingDb();
    const idOf = (number: string) => db.$client.prepare('select id from accounts where number = ?').pluck().get(number) as number;
    const invoice = (period: string, account: string) => invoicesOf(db).find((i) => i.period === period && i.account === account)!;
    const lateFee = (period: string, account: string) => linesOf(db, invoice(period, account).id).find((l) => l.kind === 'late_fee');
    const balance = (period: string, account: string) => {
      const i = invoice(period, account);
      return Number(i.total_cents) - Number(db.$client.prepare('select coalesce(sum(amount_cents), 0) from payment_allocations where invoice_id = ?').pluck().get(i.id));
    };

    runBilling(db, '2026-10', TODAY, POLICY); // due 2026-12-01
    runBilling(db, '2026-11', TODAY, POLICY); // issued 12-01: October is due that day, not past it
    assert.equal(lateFee('2026-11', 'C100001'), undefined);
    recordReceivedPayment(db, { accountId: idOf('C100001'), amountCents: balance('2026-10', 'C100001'), receivedAt: '2026-11-20', method: 'check' });
    // C100002 pays both invoices and $10 more: credit for the next one.
    recordReceivedPayment(db, { accountId: idOf('C100002'), amountCents: 1400 + 1400 + 1000, receivedAt: '2026-12-20', method: 'check' });

    runBilling(db, '2026-12', TODAY, POLICY); // issued 2027-01-01: November (due 12-31) is past due for C100001
    const novemberOwed = balance('2026-11', 'C100001');
    assert.ok(novemberOwed > 0);
    const fee = lateFee('2026-12', 'C100001')!;
    assert.equal(fee.amount, Math.max(500, Math.round(novemberOwed * 0.015)));
    assert.equal(fee.description, `Late payment charge: 1.5% of ${new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(novemberOwed / 100)} past due${fee.amount === 500 ? ' (minimum charge)' : ''}`);
    assert.equal(lateFee('2026-12', 'C100002'), undefined, 'C100002 paid on time');
    assert.equal(balance('2026-12', 'C100002'), 400, 'its $10 credit went to the new invoice');
  });

  test('calls nobody can price stop the run; nothing is billed until the rates exist', async () => {
    const db = await billingDb(cdr('A1', '2026-10-02T10:00:00Z', 60) + cdr('X1', '2026-10-03T10:00:00Z', 60, 'CAN/US/PR/MEX/UK', 'C100002', '5550000'));
    assert.throws(
      () => runBilling(db, '2026-10', TODAY, POLICY),
      (err: unknown) => err instanceof BillingBlockedError && err.problems.length === 1 && err.problems[0]!.path === 'call X1' && /C100002, line 5550000/.test(err.problems[0]!.message),
    );
    assert.equal(invoicesOf(db).length, 0);
    assert.equal(db.$client.prepare('select count(*) from billing_runs').pluck().get(), 0);
    await load(db, 'usage-rates', 'category,rate_per_minute\nCAN/US/PR/MEX/UK,0.04\n');
    assert.equal(runBilling(db, '2026-10', TODAY, POLICY).status, 'billed');
  });

  test('refuses a month not yet ended, a month before a billed one, and a run during a usage import', async () => {
    const db = await billingDb();
    assert.throws(() => runBilling(db, '2026-11', '2026-11-30', POLICY), /2026-11 has not ended yet: it can be billed from 2026-12-01/);
    runBilling(db, '2026-11', TODAY, POLICY);
    assert.throws(() => runBilling(db, '2026-10', TODAY, POLICY), /2026-11 is billed already; periods are billed in order/);
    const claim = beginUsageImport(db, 120);
    assert.throws(() => runBilling(db, '2026-12', TODAY, POLICY), (err: unknown) => err instanceof BusyError && /usage import is running/.test(err.message));
    claim.release();
  });

  test("an abandoned import's rows are never billed", async () => {
    const db = await billingDb();
    const claim = beginUsageImport(db, 120);
    claim.release(); // its process died: no more heartbeats
    db.$client
      .prepare("insert into usage_records (source_id, account_id, subscriber_number, started_at, duration_seconds, from_number, to_number, category, import_id) values ('GHOST', 1, '001835', ?, 600000, 'a', 'b', 'INTL', ?)")
      .run(Date.parse('2026-10-05T00:00:00Z') / 1000, claim.id);
    db.$client.prepare('update usage_imports set heartbeat_at = heartbeat_at - 3600').run();
    const report = runBilling(db, '2026-10', TODAY, POLICY);
    assert.equal(report.calls, 0);
    assert.equal(db.$client.prepare("select count(*) from usage_records where source_id = 'GHOST'").pluck().get(), 0);
  });
});

describe('POST /provider/billing-runs', () => {
  const KEY = 'provider-key-for-the-tests-0123456789';
  const run = (t: Awaited<ReturnType<typeof testApp>>, body: unknown, headers: Record<string, string> = { Authorization: `Bearer ${KEY}` }) =>
    t.app.request('/api/v1/provider/billing-runs', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

  test('only the provider key may run the billing; a closed period answers 200 already_billed', async () => {
    const t = await testApp({ PROVIDER_API_KEY: KEY });
    const { bearer } = await t.login('staff@example.com');
    for (const headers of [{}, bearer, { Authorization: 'Bearer not-the-key-not-the-key-not' }]) {
      assert.equal((await run(t, { period: '2026-01' }, headers as Record<string, string>)).status, 401);
    }
    assert.equal(t.db.$client.prepare('select count(*) from billing_runs').pluck().get(), 0);
    const first = await run(t, { period: '2026-01' });
    assert.equal(first.status, 201);
    assert.equal((await first.json()).status, 'billed');
    const again = await run(t, { period: '2026-01' });
    assert.equal(again.status, 200);
    assert.equal((await again.json()).status, 'already_billed');
  });

  test('bad periods get a clear 4xx', async () => {
    const t = await testApp({ PROVIDER_API_KEY: KEY });
    const bad = await run(t, { period: 'October' });
    assert.equal(bad.status, 400);
    assert.equal((await errorOf(bad)).issues![0]!.path, 'period');
    const future = await run(t, { period: '2999-01' });
    assert.equal(future.status, 422);
    assert.match((await errorOf(future)).message, /has not ended yet/);
  });
});

/** The usage totals (what the meter reads) agree with the calls stored. */
/** The usage totals are the calls summed by the month that bills them: a late call's is the next invoice's. */
function assertTotalsMatchCalls(db: Db) {
  const totals = db.$client.prepare('select account_id, period, subscriber_number, category, minutes, calls from usage_totals order by 1, 2, 3, 4').all();
  const calls = db.$client
    .prepare(
      `select account_id, coalesce(bill_period, strftime('%Y-%m', started_at, 'unixepoch')) as period, subscriber_number, category, sum((duration_seconds + 59) / 60) as minutes, count(*) as calls
       from usage_records group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
    )
    .all();
  assert.deepEqual(totals, calls);
  assert.ok(totals.length > 0);
}

describe('usage imports into a database file', () => {
  const many = (count: number, prefix: string) =>
    Array.from({ length: count }, (_, i) => cdr(`${prefix}-${String(i).padStart(6, '0')}`, `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00Z`, 60 + (i % 300))).join('');

  test('rows written while the file streams are all there when it is good, and all gone when a late row is bad', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-usage-'));
    const db = openDatabase(join(dir, 'portal.db'));
    try {
      await loadBillingData(db);
      const count = () => db.$client.prepare('select count(*) from usage_records').pluck().get();
      // 12,000 good rows, then one with an unknown account: the first batches are stored before it is read.
      const bad = await importCsv(db, importKind('usage')!, Readable.from([USAGE_HEADER + many(12_000, 'BAD') + cdr('LAST', '2026-10-05T10:00:00Z', 60, 'INTL', 'C999999')]));
      assert.equal(bad.status, 'rejected');
      assert.deepEqual(bad.errors.map((e) => [e.line, e.column]), [[12_002, 'account']]);
      assert.equal(count(), 0, 'nothing of the rejected file is left');
      assert.equal(db.$client.prepare('select count(*) from usage_imports').pluck().get(), 0);

      const good = await importCsv(db, importKind('usage')!, Readable.from([USAGE_HEADER + many(12_000, 'OK')]));
      assert.deepEqual([good.status, good.inserted, good.duplicates], ['imported', 12_000, 0]);
      assert.equal(count(), 12_000);
      assertTotalsMatchCalls(db);
      const again = await importCsv(db, importKind('usage')!, Readable.from([USAGE_HEADER + many(12_000, 'OK')]));
      assert.deepEqual([again.inserted, again.duplicates], [0, 12_000]);
      assertTotalsMatchCalls(db);
      // Half stored already, half new: only the new half is added to the totals.
      const mixed = await importCsv(db, importKind('usage')!, Readable.from([USAGE_HEADER + many(6_000, 'OK') + many(6_000, 'NEW')]));
      assert.deepEqual([mixed.inserted, mixed.duplicates], [6_000, 6_000]);
      assertTotalsMatchCalls(db);
      assert.equal(runBilling(db, '2026-10', TODAY, POLICY).calls, 18_000);
    } finally {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
