import { createReadStream, createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Db } from '../../server/db/client.ts';
import { openDatabase } from '../../server/db/client.ts';
import { billingPolicyOf, runBilling } from '../../server/services/billing/billing-run.ts';
import { DEFAULT_IMPORT_SETTINGS } from '../../server/services/imports/settings.ts';
import { recordReceivedPayment } from '../../server/services/ledger.ts';
import { loadBillingData } from '../server/billing-fixture.ts';
import type { TestApp } from '../server/helpers.ts';
import { importCsv } from '../../server/services/imports/import.ts';
import { importKind } from '../../server/services/imports/kinds.ts';

/** The billing policy every bench bills with: the defaults of the configuration. */
export const BENCH_POLICY = billingPolicyOf({ paymentTermsDays: 30, lateFeePercent: 1.5, lateFeeMinimumCents: 500, imports: DEFAULT_IMPORT_SETTINGS });

/**
 * A provider's worth of billing data as CSV files: `accounts` accounts with a voice plan line and
 * some seats each, and `calls` call records spread over one month. Written to a temp directory
 * and imported through the same path as `npm run portal -- import`.
 */

export interface BenchFixture {
  dir: string;
  dbPath: string;
  usageFile: string;
  period: string;
  cleanup(): void;
}

const CATEGORY = 'CAN/US/PR/MEX/UK';
export const accountNumber = (i: number) => `B${String(i).padStart(7, '0')}`;

export async function writeBenchFiles(options: { accounts: number; calls: number; period: string }): Promise<BenchFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'bp-bench-'));
  const { accounts, calls, period } = options;
  writeFileSync(
    join(dir, 'products.csv'),
    `code,name,type,monthly_price,included_minutes,usage_category,overage_rate_per_minute\n` +
      `VOIP-2500,"VoIP Business 2,500",plan,34.95,2500,${CATEGORY},0.029\nSEAT,Hosted PBX seat,addon,14.00,,,\n`,
  );
  writeFileSync(join(dir, 'usage-rates.csv'), 'category,rate_per_minute\nINTL,0.12\n');
  const accountRows = ['number,name,address_line1,city,region,postal_code,country,tax_rate_percent'];
  const subscriptionRows = ['id,account,product,quantity,start_date,subscriber_number,subscriber_name'];
  for (let i = 0; i < accounts; i++) {
    const n = accountNumber(i);
    accountRows.push(`${n},Bench Customer ${i},${i} Main St,Springfield,IL,62701,US,${(i % 4) * 2.5}`);
    subscriptionRows.push(`${n}-L,${n},VOIP-2500,1,2020-01-01,${5550000000 + i},Main line`);
    subscriptionRows.push(`${n}-S,${n},SEAT,${1 + (i % 9)},${period}-${String(1 + (i % 28)).padStart(2, '0')},,`);
  }
  writeFileSync(join(dir, 'accounts.csv'), accountRows.join('\n') + '\n');
  writeFileSync(join(dir, 'subscriptions.csv'), subscriptionRows.join('\n') + '\n');

  const usageFile = join(dir, 'usage.csv');
  const out = createWriteStream(usageFile);
  out.write('id,account,subscriber,start,duration_seconds,from,to,category\n');
  const monthStart = Date.parse(`${period}-01T00:00:00Z`) / 1000;
  let chunk = '';
  for (let c = 0; c < calls; c++) {
    const i = (c * 7919) % accounts;
    // Chronological, with sequential ids, as a switch exports them.
    const start = new Date((monthStart + Math.floor((c * 27 * 86_400) / calls)) * 1000).toISOString().slice(0, 19) + 'Z';
    const category = c % 50 === 7 ? 'INTL' : CATEGORY;
    chunk += `CDR-${period}-${String(c).padStart(9, "0")},${accountNumber(i)},${5550000000 + i},${start},${(c * 37) % 1800},${5550000000 + i},+1312555${String(c % 10000).padStart(4, '0')},${category}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return { dir, dbPath: join(dir, 'bench.db'), usageFile, period, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Imports everything but the usage file: the catalog, accounts and their subscriptions. */
export async function importReferenceData(db: Db, dir: string): Promise<void> {
  for (const [kind, file] of [['products', 'products.csv'], ['usage-rates', 'usage-rates.csv'], ['accounts', 'accounts.csv'], ['subscriptions', 'subscriptions.csv']]) {
    const report = await importCsv(db, importKind(kind!)!, createReadStream(join(dir, file!)));
    if (report.status !== 'imported') throw new Error(`${kind} rejected: ${JSON.stringify(report.errors.slice(0, 3))}`);
  }
}

/**
 * The summary's account at the size of a real one: the billing fixture's C100001 (solo@example.com)
 * with ten years of monthly invoices (120), all but the last two paid by check (118 payments).
 */
export async function tenYearsOfBills(t: Pick<TestApp, 'db' | 'ids'>): Promise<void> {
  await loadBillingData(t.db);
  t.db.$client.prepare("update subscriptions set start_date = '2016-01-01' where start_date = '2026-01-01'").run();
  for (let k = 0; k < 120; k++) {
    const d = new Date(Date.UTC(2016, 10 + k, 1));
    runBilling(t.db, d.toISOString().slice(0, 7), '2026-11-25', BENCH_POLICY);
    const invoice = t.db.$client.prepare('select total_cents from invoices where account_id = ? order by id desc limit 1').pluck().get(t.ids.solo) as number;
    if (k < 118) recordReceivedPayment(t.db, { accountId: t.ids.solo, amountCents: invoice, receivedAt: d.toISOString().slice(0, 10), method: 'Check' });
  }
}

export { openDatabase };
