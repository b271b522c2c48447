/**
 * `npm run bench`: the speed figures of the billing and payments issues, measured on this machine and printed.
 * Not a test: nothing fails on a slow machine; the floors are printed beside the figures.
 */
import Database from 'better-sqlite3';
import { createReadStream, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/db/client.ts';
import { runBilling } from '../../server/services/billing/billing-run.ts';
import { importCsv } from '../../server/services/imports/import.ts';
import { importKind } from '../../server/services/imports/kinds.ts';
import { renderInvoicePdf } from '../../server/services/invoice-pdf.ts';
import { findInvoice } from '../../server/services/invoices.ts';
import { loadBillingData } from '../server/billing-fixture.ts';
import { testApp } from '../server/helpers.ts';
import { createAuthorizeNetGateway } from '../../server/gateway/authorize-net.ts';
import { createFakeAuthorizeNet, FAKE_CREDENTIALS } from '../../server/gateway/fake/fake-authorize-net.ts';
import { BENCH_POLICY as POLICY, importReferenceData, tenYearsOfBills, writeBenchFiles } from './fixture.ts';
import { writeBenchTickets } from './ticket-fixture.ts';
import { importIndexCost, reportFigures } from './reports.ts';
import { requestPath } from './requests/index.ts';
import { KIT_NAME, kitElements } from '../../kit/elements.ts';
import { measureKit } from '../../kit/sizes.ts';
import { createMailer } from '../../server/mail/mailer.ts';

const seconds = (from: number) => (performance.now() - from) / 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const results: { what: string; figure: string; floor: string; ok: boolean }[] = [];
const report = (what: string, figure: string, floor: string, ok: boolean) => {
  results.push({ what, figure, floor, ok });
  console.log(`${ok ? 'ok  ' : 'SLOW'} ${what}: ${figure} (floor: ${floor})`);
};

/** Raw better-sqlite3: one prepared insert per row, one transaction, a table of the same columns and no index. */
function rawInsertsPerSecond(dir: string, rows: number): number {
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table t (id integer primary key, source_id text, account_id integer, subscriber_number text, started_at integer, duration_seconds integer, from_number text, to_number text, category text)');
  const insert = db.prepare('insert into t (source_id, account_id, subscriber_number, started_at, duration_seconds, from_number, to_number, category) values (?, ?, ?, ?, ?, ?, ?, ?)');
  const start = performance.now();
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`CDR-${i}`, i % 10_000, '5550000000', 1_790_000_000 + i, 60, '5550000000', '+13125550000', 'CAN/US/PR/MEX/UK');
  })();
  const rate = rows / seconds(start);
  db.close();
  return rate;
}

async function usageImportAndBillingRun() {
  const calls = Number(process.env.BENCH_CALLS ?? 1_000_000);
  const accounts = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
  console.log(`Writing ${fmt(accounts)} accounts and ${fmt(calls)} calls as CSV…`);
  const fixture = await writeBenchFiles({ accounts, calls, period: '2026-10' });
  try {
    const db = openDatabase(fixture.dbPath);
    await importReferenceData(db, fixture.dir);
    const raw = rawInsertsPerSecond(fixture.dir, calls);
    const mb = statSync(fixture.usageFile).size / 1e6;
    let start = performance.now();
    const imported = await importCsv(db, importKind('usage')!, createReadStream(fixture.usageFile));
    const took = seconds(start);
    if (imported.status !== 'imported') throw new Error('the bench usage file was rejected');
    const rate = imported.rows / took;
    report(
      'usage import',
      `${fmt(imported.rows)} rows (${mb.toFixed(0)} MB) in ${took.toFixed(2)} s = ${fmt(rate)} rows/s; raw better-sqlite3 inserts ${fmt(raw)} rows/s here, ratio ${(rate / raw).toFixed(2)}`,
      '150,000 rows/s',
      rate >= 150_000,
    );
    start = performance.now();
    const run = runBilling(db, fixture.period, '2026-11-25', POLICY);
    const billed = seconds(start);
    report('billing run', `${fmt(run.invoices)} invoices from ${fmt(run.calls)} calls in ${billed.toFixed(1)} s`, '60 s for 10,000 accounts and 1,000,000 calls', billed < 60);
    db.$client.close();
  } finally {
    fixture.cleanup();
  }
}

async function pdfAndInvoiceList() {
  const t = await testApp();
  await loadBillingData(t.db);
  t.db.$client.prepare("update subscriptions set start_date = '2016-01-01' where start_date = '2026-01-01'").run();
  // Ten years of monthly invoices for C100001.
  for (let k = 0; k < 120; k++) {
    const d = new Date(Date.UTC(2016, 10 + k, 1));
    runBilling(t.db, d.toISOString().slice(0, 7), '2026-11-25', POLICY);
  }
  const { bearer } = await t.login('solo@example.com');
  const path = '/accounts/C100001/invoices';
  for (let i = 0; i < 50; i++) await t.request(path, { headers: bearer }); // warm up
  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    const start = performance.now();
    const res = await t.request(`${path}?page=${1 + (i % 5)}`, { headers: bearer });
    await res.json();
    times.push(performance.now() - start);
  }
  const total = t.db.$client.prepare("select count(*) from invoices i join accounts a on a.id = i.account_id where a.number = 'C100001'").pluck().get();
  report('invoice list API', `median ${median(times).toFixed(2)} ms over 500 requests (${total} invoices on the account)`, '20 ms median', median(times) < 20);

  const account = t.db.$client.prepare("select * from accounts where number = 'C100001'").get() as Record<string, unknown>;
  const latest = t.db.$client.prepare('select id from invoices where account_id = ? order by issue_date desc limit 1').pluck().get(account.id) as number;
  const invoice = findInvoice(t.db, { ...account, addressLine1: String(account.address_line1), addressLine2: null, postalCode: String(account.postal_code) } as never, latest, '2026-11-25')!;
  const lines = Array.from({ length: 300 }, (_, i) => ({ ...invoice.lines[i % invoice.lines.length]!, position: i }));
  const big = { ...invoice, lines };
  const issuer = { name: 'Harbourline Communications', address: '500 Harbour Way, Suite 200, Oakland, CA 94607', portalUrl: 'https://portal.example.com' };
  for (let i = 0; i < 3; i++) renderInvoicePdf(big, issuer);
  const pdfTimes: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    bytes = renderInvoicePdf(big, issuer).length;
    pdfTimes.push(performance.now() - start);
  }
  report('invoice PDF', `300 lines: median ${median(pdfTimes).toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KiB`, '300 ms', median(pdfTimes) < 300);
}

/** My Account's summary for an account with ten years of invoices and payments, and card payments per second against the fake gateway. */
async function summaryAndPayments() {
  const fake = createFakeAuthorizeNet();
  const server = await fake.listen();
  try {
    const gateway = createAuthorizeNetGateway({ ...FAKE_CREDENTIALS, endpoint: `${server.url}/xml/v1/request.api`, timeoutMs: 10_000 });
    const t = await testApp({}, { gateway });
    await tenYearsOfBills(t);
    const { bearer } = await t.login('solo@example.com');
    const times: number[] = [];
    for (let i = 0; i < 550; i++) {
      const start = performance.now();
      const res = await t.request('/accounts/C100001/summary', { headers: bearer });
      await res.json();
      if (i >= 50) times.push(performance.now() - start);
    }
    report('summary API', `median ${median(times).toFixed(2)} ms over 500 requests (120 invoices, 118 payments)`, '5 ms median', median(times) < 5);

    // Card payments, 20 at a time, each sent twice with its key: one charge each.
    const count = 2000;
    const body = (i: number) => {
      const token = fake.tokenize({ cardNumber: '4111111111111111', month: '12', year: '2031', cardCode: '123' });
      if (!('opaqueData' in token)) throw new Error('no token');
      return { amount: 100 + i, opaqueData: token.opaqueData, billTo: { firstName: 'Bench', lastName: 'Payer', address: '1 Main St', city: 'Reno', state: 'NV', zip: '89501', country: 'US' } };
    };
    const bodies = Array.from({ length: count }, (_, i) => body(i));
    let next = 0;
    const start = performance.now();
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const send = () => t.request('/accounts/C100001/payments', { method: 'POST', headers: { ...bearer, 'Idempotency-Key': `bench-${i}-key` }, json: bodies[i] });
        const [a, b] = await Promise.all([send(), send()]);
        if (a.status !== 201 || b.status !== 201) throw new Error(`payment ${i}: ${a.status}/${b.status}`);
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
    const took = seconds(start);
    const charges = fake.transactions.size;
    const rate = count / took;
    report('payments API', `${fmt(count)} payments (each sent twice) in ${took.toFixed(2)} s = ${fmt(rate)} payments/s; ${fmt(charges)} charges at the gateway (${charges - count} doubled)`, '200 payments/s, no double charge', rate >= 200 && charges === count);
  } finally {
    await server.close();
  }
}

/** Median time of `count` API requests (after a warm-up), cycling through `paths`. */
async function medianRequest(t: Awaited<ReturnType<typeof testApp>>, headers: Record<string, string>, paths: string[], count = 500) {
  for (let i = 0; i < 50; i++) await (await t.request(paths[i % paths.length]!, { headers })).json();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const res = await t.request(paths[i % paths.length]!, { headers });
    if (res.status !== 200) throw new Error(`${paths[i % paths.length]}: ${res.status}`);
    await res.json();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The ticket list of an account with 10,000 tickets, and the staff queue over 100,000. */
async function ticketLists() {
  const t = await testApp();
  writeBenchTickets(t.db, { total: 100_000, accounts: 1_000, accountId: t.ids.solo, onAccount: 10_000, viewers: ['u_solo', 'u_staff'] });
  const customer = (await t.login('solo@example.com')).bearer;
  const staff = (await t.login('staff@example.com')).bearer;
  const list = ['', '?page=2', '?page=40', '?status=open', '?status=closed&page=3', '?q=printer', '?q=4242'].map((q) => `/accounts/C100001/tickets${q}`);
  const listMs = await medianRequest(t, customer, list);
  report('ticket list API', `median ${listMs.toFixed(2)} ms over 500 requests (10,000 tickets on the account; pages, status filters, subject search)`, '20 ms median', listMs < 20);
  const queue = ['', '?page=2', '?page=200', '?status=open', '?status=resolved&page=5', '?service=billing', '?assignee=me', '?assignee=none&status=open', '?account=B0000042', '?sort=activity', '?sort=activity&status=closed&page=10'].map((q) => `/tickets${q}`);
  const queueMs = await medianRequest(t, staff, queue);
  report('ticket queue API', `median ${queueMs.toFixed(2)} ms over 500 requests (100,000 tickets, 1,000 accounts; filters, sorts, pages)`, '50 ms median', queueMs < 50);
}

/** The kit's weight on a page, gzipped file by file as served, from a real build (kit/sizes.ts). */
async function kitSizes() {
  const kit = await measureKit();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  // The whole kit registers each element on its first use, and loads its code then: what a page
  // pays is the entry and what it shows. The most it shows at first is the portal, signed in.
  const firstScreen = ['bp-portal', 'bp-account-summary', 'bp-payment-history'];
  const whole = kit.wholeKitShowing(firstScreen);
  report('kit size, whole kit', `${kb(whole.gzip)} gzip in ${whole.files.length} files (${KIT_NAME}.js showing <bp-portal> signed in: sign-in, header and navigation, My Account; each other screen loads when opened)`, '40 KB gzip', whole.gzip <= 40 * 1024);
  const entry = kit.entry(KIT_NAME);
  const everything = kit.wholeKitShowing(kitElements().map((e) => e.tag));
  console.log(`     whole kit before the page uses an element: ${kb(entry.gzip)} (${entry.files.length} files); showing every element at once: ${kb(everything.gzip)} (${everything.files.length} files)`);
  const summary = kit.entry('account-summary');
  report('kit size, <bp-account-summary> alone', `${kb(summary.gzip)} gzip in ${summary.files.length} files (with Lit and the elements it shows; the payment form and the Cancel autopay question load when used)`, '15 KB gzip', summary.gzip <= 15 * 1024);
  const eager = [...new Set([KIT_NAME, ...kitElements().map((e) => e.name)].flatMap((name) => kit.entry(name).chartModules))];
  const lazy = kit.lazyChunks.filter((c) => c.chartModules.length);
  const where = lazy.length ? `only in lazily loaded chunks: ${lazy.map((c) => `${c.file} ${kb(c.gzip)}`).join(', ')}` : 'none in the kit yet';
  report('kit size, chart code', eager.length ? `loaded up front: ${eager.join(', ')}` : where, 'none in an entry or its static imports', eager.length === 0);
  // No floor: what a reseller's page with one widget loads, to see what a change to the chunks costs each.
  const singles = kitElements().map((e) => ({ tag: e.tag, ...kit.entry(e.name) })).sort((a, b) => a.gzip - b.gzip);
  console.log(`     each element alone: ${singles.map((e) => `<${e.tag}> ${kb(e.gzip)} (${e.files.length})`).join(', ')}`);
}

/** No floor: what the mail queue adds to a month of invoice mails, and how fast it empties into the outbox. */
async function mailQueue() {
  const dir = mkdtempSync(join(tmpdir(), 'bp-bench-mail-'));
  const db = openDatabase(join(dir, 'portal.db'));
  const mailer = createMailer({ db, from: 'billing@example.com', outboxDir: join(dir, 'outbox'), log: () => {} });
  const mails = 10_000;
  // Each in a transaction of its own, as an invoice's mails are queued with its claim.
  const queue = db.$client.transaction((i: number) => mailer.send({ to: `user${i}@example.com`, subject: `Invoice INV-${i}`, text: 'x'.repeat(600), html: `<p>${'y'.repeat(2000)}</p>` }));
  let started = performance.now();
  for (let i = 0; i < mails; i++) queue(i);
  const queued = performance.now() - started;
  started = performance.now();
  await mailer.idle();
  const sent = performance.now() - started;
  console.log(`info mail queue: ${fmt(mails)} mails queued at ${((queued / mails) * 1000).toFixed(0)} µs each, sent into the outbox folder at ${(sent / mails).toFixed(2)} ms each (${(sent / 1000).toFixed(1)} s)`);
  db.$client.close();
}

// `npm run bench -- payments` (or billing / import, invoices, tickets, reports, requests, sizes, mail) measures one part;
// `npm run bench -- import-index` compares the usage import without and with the reports' index.
const only = process.argv[2];
if (!only || only === 'billing' || only === 'import') await usageImportAndBillingRun();
if (!only || only === 'invoices') await pdfAndInvoiceList();
if (!only || only === 'payments') await summaryAndPayments();
if (!only || only === 'tickets') await ticketLists();
if (!only || only === 'reports') await reportFigures(report);
if (only === 'import-index') await importIndexCost(report);
if (!only || only === 'requests') await requestPath(report);
if (!only || only === 'sizes') await kitSizes();
if (!only || only === 'mail') await mailQueue();
console.log(`\n${results.filter((r) => r.ok).length} of ${results.length} figures meet their floor.`);
