import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openDatabase } from '../../server/db/client.ts';
import { loadBillingData } from './billing-fixture.ts';
import { testApp } from './helpers.ts';

const KEY = 'provider-key-for-the-tests-0123456789';

/** The test app with the billing fixture's accounts, plans and lines; hq@example.com reads French. */
async function billingApp(env: Record<string, string> = {}) {
  const t = await testApp({ PROVIDER_API_KEY: KEY, ...env });
  await loadBillingData(t.db);
  t.db.$client.prepare("update users set language = 'fr' where email = 'hq@example.com'").run();
  const bill = (period: string) =>
    t.app.request('/api/v1/provider/billing-runs', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${KEY}` }, body: JSON.stringify({ period }) });
  const invoiceMails = () => t.mailer.sent.filter((m) => /INV-/.test(m.subject));
  const invoiceOf = (number: string, period: string) =>
    t.db.$client.prepare('select i.number, i.total_cents as total from invoices i join accounts a on a.id = i.account_id where a.number = ? and i.period = ?').get(number, period) as { number: string; total: number };
  return { t, bill, invoiceMails, invoiceOf };
}

describe('new invoices are mailed to the users of their account', () => {
  test('once the billing run has committed: each user who reaches the account (its head office too), in their language, once', async () => {
    const { t, bill, invoiceMails, invoiceOf } = await billingApp();
    assert.equal((await bill('2026-10')).status, 201);
    await t.idle();
    const solo = invoiceOf('C100001', '2026-10');
    const east = invoiceOf('C200001', '2026-10');
    const sent = invoiceMails().map((m) => [m.to, m.subject]).sort();
    const dollars = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    const inFrench = (cents: number) => new Intl.NumberFormat('fr', { style: 'currency', currency: 'USD' }).format(cents / 100);
    assert.deepEqual(sent, [
      ['east@example.com', `Your invoice ${east.number}: ${dollars(east.total)}, due December 1, 2026`],
      ['hq@example.com', `Votre facture ${east.number}\u00a0: ${inFrench(east.total)}, à régler avant le 1 décembre 2026`],
      ['solo@example.com', `Your invoice ${solo.number}: ${dollars(solo.total)}, due December 1, 2026`],
    ]);
    const mail = invoiceMails().find((m) => m.to === 'solo@example.com')!;
    assert.match(mail.text, /^Hello User u_solo,/);
    assert.match(mail.text, /Invoice total: \$[\d,.]+\nDue date: December 1, 2026\nBalance due on the account: \$[\d,.]+/);
    assert.match(mail.text, /Please pay by December 1, 2026 to avoid late payment charges\./);
    assert.match(mail.text, new RegExp(`billing portal:\n${t.config.publicUrl}`));
    // Asked again (the server's sweep, the same period billed again): nothing more.
    assert.equal(await t.deps.notifyInvoices(), 0);
    assert.equal((await bill('2026-10')).status, 200);
    await t.idle();
    assert.equal(invoiceMails().length, 3);
  });

  test('an invoice another process has claimed is not mailed again; the others are', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bp-notices-')), 'portal.db');
    const { t, invoiceMails, invoiceOf } = await billingApp({ DATABASE_PATH: path });
    // Billed without mailing, as by a CLI run that died before it could mail.
    const { runBilling } = await import('../../server/services/billing/billing-run.ts');
    runBilling(t.db, '2026-10', '2026-11-25', { termsDays: 30, lateFee: { ratePpm: 0, minimumCents: 0 } });
    const other = openDatabase(path);
    other.$client.prepare("update invoices set notified_at = '2026-11-25T06:00:00Z' where number = ?").run(invoiceOf('C100001', '2026-10').number);
    other.$client.close();
    assert.equal(await t.deps.notifyInvoices(), 2, "C200001's invoice and C100002's (which has no users)");
    await t.idle();
    assert.deepEqual(invoiceMails().map((m) => m.to).sort(), ['east@example.com', 'hq@example.com']);
  });

  test('a month of invoices is mailed in batches: other work runs in between', async () => {
    const t = await testApp();
    const add = t.db.$client.prepare(
      "insert into invoices (number, account_id, period, issue_date, due_date, terms_days, subtotal_cents, tax_cents, total_cents) values (?, ?, ?, '2026-11-01', '2026-12-01', 30, 1000, 0, 1000)",
    );
    for (let i = 0; i < 250; i++) add.run(`INV-T${i}`, t.ids.solo, `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const order: string[] = [];
    setImmediate(() => order.push('other work'));
    order.push(`mailed ${await t.deps.notifyInvoices()}`);
    assert.deepEqual(order, ['other work', 'mailed 250']);
    await t.idle();
    assert.equal(t.mailer.sent.filter((m) => m.to === 'solo@example.com').length, 250);
  });
});
