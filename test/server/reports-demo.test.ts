import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Report, ReportName, ReportQuery } from '../../server/api/reports/routes.ts';
import { openDatabase, type Db } from '../../server/db/client.ts';
import { seedDemo } from '../../server/db/demo-data.ts';
import type { Account } from '../../server/db/schema.ts';
import { loadConfig } from '../../server/env.ts';
import { billingPolicyOf } from '../../server/services/billing/billing-run.ts';
import { millicentsToCents } from '../../server/services/billing/money.ts';
import { runReport } from '../../server/services/reports/reports.ts';

/**
 * The reports agree with the invoices and the calls, on the demo data: two years of calls
 * imported and billed month by month, with calls that arrived after their month was billed.
 */
describe('the reports agree with the invoices and the calls (demo data)', () => {
  let db: Db;
  const now = Date.now();
  // The demo's tickets carry files: they go to a folder of the test's own.
  const dir = mkdtempSync(join(tmpdir(), 'bp-reports-demo-'));
  before(async () => {
    const config = loadConfig({ DATABASE_PATH: join(dir, 'portal.db'), DEMO_DATA: 'false' });
    db = openDatabase(':memory:');
    await seedDemo(db, { today: new Date(now), policy: billingPolicyOf(config), attachmentsDir: config.attachmentsDir });
  });
  after(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const accountsOf = () => db.$client.prepare('select * from accounts order by number').all() as Record<string, unknown>[];
  const account = (number: string): Account => {
    const row = db.$client.prepare('select * from accounts where number = ?').get(number) as Record<string, unknown>;
    return { ...row, timeZone: row.time_zone, parentId: row.parent_id, currency: row.currency } as unknown as Account;
  };
  const run = <N extends ReportName>(number: string, name: N, query: ReportQuery) => runReport(db, account(number), name, query, now) as Extract<Report, { report: N }>;
  const sum = (sql: string, ...params: unknown[]) => db.$client.prepare(sql).pluck().get(...params) as number;

  /** Every call billed in a month, through Usage Details' pages. */
  function callsOf(number: string, month: string) {
    const rows: Extract<Report, { report: 'usage-details' }>['rows'] = [];
    let cursor: string | undefined;
    do {
      const page = run(number, 'usage-details', { from: month, to: month, limit: 500, ...(cursor ? { cursor } : {}) });
      rows.push(...page.rows);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return rows;
  }

  test("each year's All In Spend is the sum of the invoice totals of its periods; Fixed the recurring lines; Usage the usage lines", () => {
    const years = db.$client.prepare('select distinct substr(period, 1, 4) from invoices order by 1').pluck().all() as string[];
    assert.ok(years.length >= 2, 'two years of invoices');
    for (const a of accountsOf()) {
      for (const year of years) {
        const byKind = (kind: string) =>
          sum(`select coalesce(sum(l.amount_cents), 0) from invoice_lines l join invoices i on i.id = l.invoice_id where i.account_id = ? and substr(i.period, 1, 4) = ? and l.kind = ?`, a.id, year, kind);
        const total = sum(`select coalesce(sum(total_cents), 0) from invoices where account_id = ? and substr(period, 1, 4) = ?`, a.id, year);
        const number = String(a.number);
        assert.equal(run(number, 'ytd-all-in', { year }).totals.amount, total, `${number} ${year} all in`);
        assert.equal(run(number, 'ytd-fixed', { year }).totals.amount, byKind('recurring'), `${number} ${year} fixed`);
        assert.equal(run(number, 'ytd-usage', { year }).totals.amount, byKind('usage'), `${number} ${year} usage`);
      }
    }
    const year = years[years.length - 1]!;
    const rolled = run('C200100', 'ytd-all-in', { year, rollup: 'true' });
    const locations = ['C200100', 'C200101', 'C200102', 'C200103'].map((n) => run(n, 'ytd-all-in', { year }).totals.amount);
    assert.equal(rolled.totals.amount, locations.reduce((s, x) => s + x, 0), 'the head office rolled up is its locations added up');
    const thisYear = run('C123456', 'ytd-all-in', { year });
    const lastMonth = thisYear.rows[thisYear.rows.length - 1]!.month;
    const sameMonthsBefore = run('C123456', 'ytd-all-in', { from: `${years[years.length - 2]}-01`, to: `${years[years.length - 2]}-${lastMonth.slice(5)}` });
    assert.equal(thisYear.totals.lastYear, sameMonthsBefore.totals.amount, 'last year beside is last year’s same months');
  });

  test("Usage Details of a billed month add up to that month's usage lines, late calls in the month whose invoice carries them", () => {
    const late = db.$client.prepare('select a.number, u.bill_period as billPeriod, u.id from usage_records u join accounts a on a.id = u.account_id where u.bill_period is not null').all() as { number: string; billPeriod: string; id: number }[];
    assert.ok(late.length > 0, 'the demo has calls that arrived late');
    const billed = db.$client
      .prepare(`select a.number, i.id as invoiceId, i.period from invoices i join accounts a on a.id = i.account_id where exists (select 1 from invoice_lines l where l.invoice_id = i.id and l.kind = 'usage') order by a.number, i.period`)
      .all() as { number: string; invoiceId: number; period: string }[];
    assert.ok(billed.length > 24);
    for (const { number, invoiceId, period } of billed) {
      const calls = callsOf(number, period);
      const lines = db.$client.prepare(`select usage_category as category, product_id as plan, usage_minutes as minutes, amount_cents as amount from invoice_lines where invoice_id = ? and kind = 'usage'`).all(invoiceId) as {
        category: string; plan: number | null; minutes: number; amount: number;
      }[];
      assert.equal(calls.reduce((s, c) => s + c.billedMinutes, 0), lines.reduce((s, l) => s + l.minutes, 0), `${number} ${period} minutes`);
      // Each line is rounded once from its calls' exact charges: the demo's lines are one per category.
      for (const line of lines) {
        const millicents = calls.filter((c) => c.category === line.category).reduce((s, c) => s + c.chargeMillicents!, 0);
        assert.equal(millicentsToCents(millicents), line.amount, `${number} ${period} ${line.category}`);
      }
      assert.ok(calls.every((c) => c.billedIn === period && c.chargeMillicents !== null));
    }
    for (const call of late.filter((l) => billed.some((b) => b.number === l.number && b.period === l.billPeriod))) {
      assert.ok(callsOf(call.number, call.billPeriod).some((c) => c.id === call.id), `late call ${call.id} is in ${call.billPeriod}`);
    }
  });

  test('the open month: so far counts the calls that arrived after last month was billed, and its Usage agrees with its calls', () => {
    const current = new Date(now).toISOString().slice(0, 7);
    const lateOpen = db.$client.prepare('select a.number from usage_records u join accounts a on a.id = u.account_id where u.bill_period = ? group by 1').pluck().all(current) as string[];
    assert.deepEqual(lateOpen, ['C310442']);
    for (const number of accountsOf().map((a) => String(a.number))) {
      const usage = run(number, 'usage', {});
      const calls = callsOf(number, current);
      assert.equal(usage.rows.reduce((s, r) => s + r.usedMinutes, 0), calls.reduce((s, c) => s + c.billedMinutes, 0), `${number} minutes so far`);
      assert.ok(usage.rows.every((r) => !r.invoiced));
      assert.ok(calls.every((c) => c.chargeMillicents === null));
      const ytd = run(number, 'ytd-usage', {});
      assert.deepEqual(ytd.soFar.map((s) => s.amount), [usage.totals.chargeSoFar], `${number}: YTD's so far is the Usage report's`);
    }
  });
});
