import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openDatabase } from '../../server/db/client.ts';
import { runBilling, type BillingPolicy } from '../../server/services/billing/billing-run.ts';
import { recordReceivedPayment } from '../../server/services/ledger.ts';
import { cdr, load, loadBillingData, USAGE_HEADER } from './billing-fixture.ts';
import { okJson, testApp } from './helpers.ts';

const POLICY: BillingPolicy = { termsDays: 30, lateFee: { ratePpm: 15_000, minimumCents: 500 } };
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Two months billed (the first now past due, the second open) and the clock in the middle of the
 * month after, with 4,997 minutes on line 001835 so far. The clock only moves forward (the
 * session store reads the wall clock), so the timeline starts from the real date.
 */
async function summaryApp(env: Record<string, string> = {}) {
  const t = await testApp(env);
  const real = new Date();
  const month = (k: number) => Date.UTC(real.getUTCFullYear(), real.getUTCMonth() + k, 1);
  const now = month(2) + 14.5 * 86_400_000; // the 15th, noon
  const [first, second, current] = [iso(month(0)).slice(0, 7), iso(month(1)).slice(0, 7), iso(month(2)).slice(0, 7)];
  await loadBillingData(t.db);
  // 4,997 minutes this month (14 calls of 356 min and one of 13), and a big month before that must not count.
  const calls = Array.from({ length: 14 }, (_, d) => cdr(`NOW-${d}`, `${current}-${String(d + 1).padStart(2, '0')}T15:00:00Z`, 356 * 60)).join('');
  await load(t.db, 'usage', USAGE_HEADER + calls + cdr('NOW-X', `${current}-14T16:00:00Z`, 13 * 60) + cdr('BEFORE', `${second}-10T15:00:00Z`, 80_000));
  for (const period of [first, second]) runBilling(t.db, period, iso(now).slice(0, 10), POLICY);
  t.clock.now = now;
  const invoice = (period: string) =>
    t.db.$client.prepare("select number, total_cents as total, due_date as dueDate from invoices where period = ? and account_id = ?").get(period, t.ids.solo) as { number: string; total: number; dueDate: string };
  return { t, now, current, older: invoice(first), latest: invoice(second) };
}

const summaryOf = (t: Awaited<ReturnType<typeof testApp>>, number: string, headers: Record<string, string>) =>
  okJson(t.api(headers).accounts[':number'].summary.$get({ param: { number } }));

describe('GET /accounts/{number}/summary', () => {
  test('what is owed, what is past due, the current invoice and the day to pay by', async () => {
    const { t, older, latest } = await summaryApp();
    const { bearer } = await t.login('solo@example.com');
    const s = await summaryOf(t, 'C100001', bearer);
    assert.equal(s.account.number, 'C100001');
    assert.deepEqual([s.balance, s.dueAmount, s.pastDue], [older.total + latest.total, older.total + latest.total, older.total]);
    assert.equal(s.currentInvoice!.number, latest.number);
    assert.equal(s.dueDate, latest.dueDate);
    assert.deepEqual(s.paymentMethod, { type: 'manual' });

    recordReceivedPayment(t.db, { accountId: t.ids.solo, amountCents: older.total, receivedAt: iso(t.clock.now).slice(0, 10), method: 'Check' });
    const paid = await summaryOf(t, 'C100001', bearer);
    assert.deepEqual([paid.balance, paid.dueAmount, paid.pastDue], [latest.total, latest.total, 0]);

    recordReceivedPayment(t.db, { accountId: t.ids.solo, amountCents: latest.total + 2500, receivedAt: iso(t.clock.now).slice(0, 10), method: 'Check' });
    const credit = await summaryOf(t, 'C100001', bearer);
    assert.deepEqual([credit.balance, credit.dueAmount, credit.pastDue, credit.dueDate], [-2500, 0, 0, null], 'an overpayment is credit');
  });

  test('a write by another connection (a CLI payment or import on the same file) shows at once, and so does a new day', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bp-summary-')), 'portal.db');
    const { t, older, latest, current } = await summaryApp({ DATABASE_PATH: path });
    const { bearer } = await t.login('solo@example.com');
    const before = await summaryOf(t, 'C100001', bearer);
    assert.deepEqual([before.balance, before.pastDue], [older.total + latest.total, older.total]);
    assert.deepEqual(await summaryOf(t, 'C100001', bearer), before, 'read again, unchanged');

    const cli = openDatabase(path);
    try {
      recordReceivedPayment(cli, { accountId: t.ids.solo, amountCents: older.total, receivedAt: iso(t.clock.now).slice(0, 10), method: 'Check' });
      const paid = await summaryOf(t, 'C100001', bearer);
      assert.deepEqual([paid.balance, paid.dueAmount, paid.pastDue], [latest.total, latest.total, 0], "the other connection's payment");

      await load(cli, 'usage', USAGE_HEADER + cdr('LATER', `${current}-14T17:00:00Z`, 100 * 60));
      const used = await summaryOf(t, 'C100001', bearer);
      assert.equal(used.usage[0]!.usedMinutes, 4997 + 100, "the other connection's usage import");
    } finally {
      cli.$client.close();
    }

    // No write at all: the day after the latest bill's due date, it is past due.
    t.clock.now = Date.parse(`${latest.dueDate}T12:00:00Z`) + 86_400_000;
    const later = await summaryOf(t, 'C100001', (await t.login('solo@example.com')).bearer);
    assert.equal(later.pastDue, latest.total);
  });

  test("this month's minutes per voice plan, with the projection at the month's pace", async () => {
    const { t, now, current } = await summaryApp();
    const { bearer } = await t.login('solo@example.com');
    const { usage } = await summaryOf(t, 'C100001', bearer);
    const monthDays = new Date(Date.UTC(Number(current.slice(0, 4)), Number(current.slice(5, 7)), 0)).getUTCDate();
    const elapsed = (now - Date.parse(`${current}-01T00:00:00Z`)) / (monthDays * 86_400_000);
    assert.deepEqual(usage, [
      {
        plan: 'VoIP Business 10,000',
        category: 'CAN/US/PR/MEX/UK',
        subscribers: ['001835'],
        usedMinutes: 4997,
        includedMinutes: 10_000,
        projectedMinutes: Math.round(4997 / elapsed),
        period: current,
      },
    ]);
    const quiet = await summaryOf(t, 'C100002', (await t.login('staff@example.com')).bearer);
    assert.deepEqual(quiet.usage, [], 'no voice plan, no meter');
  });

  test('the projection moves with the clock within the day, though the rest of the reply is kept', async () => {
    const { t, current } = await summaryApp();
    const { bearer } = await t.login('solo@example.com');
    const at = async (time: string) => {
      t.clock.now = Date.parse(`${current}-14T${time}Z`);
      return (await summaryOf(t, 'C100001', bearer)).usage[0]!.projectedMinutes;
    };
    const morning = await at('06:00:00');
    assert.equal(await at('06:00:20'), morning, 'twenty seconds later: the same whole minutes');
    const evening = await at('22:00:00');
    assert.ok(evening < morning, `the same minutes over more of the month project fewer (${morning} → ${evening})`);
  });

  test('who may read it: own accounts and a head office its locations; others 404, signed out 401', async () => {
    const { t } = await summaryApp();
    const status = async (number: string, headers: Record<string, string> = {}) => (await t.request(`/accounts/${number}/summary`, { headers })).status;
    const solo = (await t.login('solo@example.com')).bearer;
    const hq = (await t.login('hq@example.com')).bearer;
    const east = (await t.login('east@example.com')).bearer;
    assert.equal(await status('C100001'), 401);
    assert.equal(await status('C100001', solo), 200);
    assert.equal(await status('C200001', solo), 404);
    assert.equal(await status('C200001', hq), 200);
    assert.equal(await status('C200000', east), 404);
    assert.equal(await status('bad number!', solo), 400);
  });
});
