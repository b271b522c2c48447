import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { billPeriod, type BillingPolicy } from '../services/billing/billing-run.ts';
import { addDays } from '../services/billing/period.ts';
import { importCsv } from '../services/imports/import.ts';
import { importKind } from '../services/imports/kinds.ts';
import { recordReceivedPayment } from '../services/ledger.ts';
import type { Db } from './client.ts';
import { writeDemoBillingFiles } from './demo-billing.ts';

/**
 * Accounts whose latest invoice is left for the visitor to pay: the guide's example, and the
 * customer the sample reseller site signs in (Lakeshore Legal, of Northbeam IT).
 */
const PAY_IN_THE_PORTAL = ['C123456', 'C310442'];
/** An account that stopped paying two months ago: it is past due, and its latest invoice carries a late fee. */
const MISSED_A_PAYMENT = 'C200102';

/**
 * Gives the demo accounts two years of history through the provider's own path: the generated CSV
 * files are imported, each month is billed in turn, and the customers pay (by cheque or bank
 * transfer) as real ones would: mostly on time, one of them not.
 */
export async function loadDemoHistory(db: Db, today: Date, policy: BillingPolicy): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bp-demo-'));
  try {
    const files = writeDemoBillingFiles(dir, today);
    for (const [kind, file] of [
      ['products', files.products],
      ['usage-rates', files.usageRates],
      ['locations', files.locations],
      ['subscriptions', files.subscriptions],
      ['usage', files.usage],
    ] as const) {
      const report = await importCsv(db, importKind(kind)!, createReadStream(file));
      if (report.status !== 'imported') throw new Error(`The demo's ${kind} file was rejected: ${JSON.stringify(report.errors.slice(0, 3))}`);
    }
    const todayIso = today.toISOString().slice(0, 10);
    const periods = files.periods;
    for (const [index, period] of periods.entries()) {
      billPeriod(db, policy, period, todayIso, { via: 'demo' });
      for (const late of files.lateUsage.filter((l) => l.afterPeriod === period)) {
        const report = await importCsv(db, importKind('usage')!, createReadStream(late.file));
        if (report.status !== 'imported') throw new Error(`The demo's late usage file was rejected: ${JSON.stringify(report.errors.slice(0, 3))}`);
      }
      const latest = index === periods.length - 1;
      const invoices = db.$client
        .prepare('select i.account_id, a.number, i.issue_date, i.total_cents from invoices i join accounts a on a.id = i.account_id where i.period = ?')
        .all(period) as { account_id: number; number: string; issue_date: string; total_cents: number }[];
      for (const invoice of invoices) {
        if (latest && PAY_IN_THE_PORTAL.includes(invoice.number)) continue;
        if (index >= periods.length - 2 && invoice.number === MISSED_A_PAYMENT) continue;
        // Each account pays on its own day of the month, 9 to 23 days after the invoice.
        const receivedAt = addDays(invoice.issue_date, 9 + (invoice.account_id * 5) % 15);
        if (receivedAt > todayIso) continue;
        const method = invoice.account_id % 2 ? 'Check' : 'Bank transfer';
        recordReceivedPayment(db, { accountId: invoice.account_id, amountCents: invoice.total_cents, receivedAt, method });
      }
    }
    // The history's invoices were issued before anyone used the portal: nobody is mailed them now.
    db.$client.prepare('update invoices set notified_at = issue_date where notified_at is null').run();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
