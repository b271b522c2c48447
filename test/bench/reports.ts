import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import { hashPassword } from '../../server/auth/crypto.ts';
import { openDatabase, type Db } from '../../server/db/client.ts';
import { loadConfig } from '../../server/env.ts';
import { createMailer } from '../../server/mail/mailer.ts';
import { runBilling } from '../../server/services/billing/billing-run.ts';
import { importCsv } from '../../server/services/imports/import.ts';
import { importKind } from '../../server/services/imports/kinds.ts';
import { BENCH_POLICY, importReferenceData, writeBenchFiles } from './fixture.ts';

/**
 * The reports' figures (issue 13): an account with 1,000,000 calls over two years, and a head
 * office with 50 sub-accounts, imported and billed month by month through the provider's path
 * (with a batch of calls that arrives after its month was billed), then asked for every report
 * through the API. Each figure is printed beside the same SQL or scan run directly.
 */

type Report = (what: string, figure: string, floor: string, ok: boolean) => void;

const BIG = 'R1000000';
const HEAD_OFFICE = 'R2000000';
const SUB_ACCOUNTS = 50;
const LINES = 20;
const CATEGORY = 'CAN/US/PR/MEX/UK';
const PASSWORD = 'bench-password-long-enough';
const REPORTS = ['usage', 'subscribers', 'usage-details', 'ytd-all-in', 'ytd-fixed', 'ytd-usage'] as const;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => `${n.toFixed(2)} ms`;
const monthKey = (ms: number) => new Date(ms).toISOString().slice(0, 7);

/** Median time of `fn` over `runs` runs after `warm` unmeasured ones. */
async function timed(fn: () => unknown, runs = 15, warm = 3): Promise<number> {
  for (let i = 0; i < warm; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The CSV files: the big account on 20 lines, the head office and its 50 locations on a line each. */
async function writeFiles(dir: string, calls: number, now: number) {
  const first = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() - 24, 1);
  writeFileSync(
    join(dir, 'products.csv'),
    `code,name,type,monthly_price,included_minutes,usage_category,overage_rate_per_minute\nVOIP-10K,"VoIP Business 10,000",plan,89.95,10000,${CATEGORY},0.025\nSEAT,Hosted PBX seat,addon,14.00,,,\n`,
  );
  writeFileSync(join(dir, 'usage-rates.csv'), 'category,rate_per_minute\nINTL,0.12\n');
  const accounts = ['number,name,address_line1,city,region,postal_code,parent,time_zone', `${BIG},Big Caller Inc,1 Main St,Chicago,IL,60606,,America/Chicago`, `${HEAD_OFFICE},Head Office Co,2 Main St,Seattle,WA,98101,,America/Los_Angeles`];
  const subscriptions = ['id,account,product,quantity,start_date,subscriber_number,subscriber_name'];
  const startDay = new Date(first).toISOString().slice(0, 10);
  for (let l = 0; l < LINES; l++) subscriptions.push(`${BIG}-L${l},${BIG},VOIP-10K,1,${startDay},${3125550000 + l},Line ${l}`);
  subscriptions.push(`${BIG}-S,${BIG},SEAT,25,${startDay},,`);
  subscriptions.push(`${HEAD_OFFICE}-S,${HEAD_OFFICE},SEAT,5,${startDay},,`);
  for (let s = 1; s <= SUB_ACCOUNTS; s++) {
    const n = `R2${String(s).padStart(6, '0')}`;
    accounts.push(`${n},Location ${s},${s} Pine St,Seattle,WA,98101,${HEAD_OFFICE},America/Los_Angeles`);
    subscriptions.push(`${n}-L,${n},VOIP-10K,1,${startDay},${2065550000 + s},Store ${s}`);
    subscriptions.push(`${n}-S,${n},SEAT,2,${startDay},,`);
  }
  writeFileSync(join(dir, 'accounts.csv'), accounts.join('\n') + '\n');
  writeFileSync(join(dir, 'subscriptions.csv'), subscriptions.join('\n') + '\n');

  // Calls spread evenly from the first month to now; every 20th a location's, the rest the big account's.
  const span = Math.floor(now / 1000) - 60 - first / 1000;
  const out = createWriteStream(join(dir, 'usage.csv'));
  const late: string[] = [];
  const lateMonth = monthKey(Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() - 4, 1));
  out.write('id,account,subscriber,start,duration_seconds,from,to,category\n');
  let chunk = '';
  let bigCalls = 0;
  for (let c = 0; c < calls; c++) {
    const start = new Date((first / 1000 + Math.floor((c * span) / calls)) * 1000).toISOString().slice(0, 19) + 'Z';
    const location = c % 21 === 20;
    const account = location ? `R2${String(1 + (c % SUB_ACCOUNTS)).padStart(6, '0')}` : BIG;
    const line = location ? 2065550000 + 1 + (c % SUB_ACCOUNTS) : 3125550000 + (c % LINES);
    if (!location) bigCalls++;
    const row = `C${String(c).padStart(9, '0')},${account},${line},${start},${(c * 37) % 900},${line},+1206555${String(c % 10000).padStart(4, '0')},${c % 40 === 3 ? 'INTL' : CATEGORY}\n`;
    // A day of the big account's calls four months back reaches the portal after that month was billed.
    if (!location && start.startsWith(`${lateMonth}-28`)) late.push(row);
    else chunk += row;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  writeFileSync(join(dir, 'late.csv'), 'id,account,subscriber,start,duration_seconds,from,to,category\n' + late.join(''));
  const periods: string[] = [];
  for (let m = 0; m < 24; m++) periods.push(monthKey(Date.UTC(new Date(first).getUTCFullYear(), new Date(first).getUTCMonth() + m, 1)));
  return { periods, lateMonth, bigCalls, lateCalls: late.length };
}

async function importFile(db: Db, kind: string, file: string) {
  const report = await importCsv(db, importKind(kind)!, createReadStream(file));
  if (report.status !== 'imported') throw new Error(`${kind} rejected: ${JSON.stringify(report.errors.slice(0, 3))}`);
  return report;
}

/** Signs in a customer of `number` (made here, with a cheap hash) and returns the bearer header. */
async function customerOf(db: Db, request: (path: string, init?: RequestInit) => Promise<Response>, number: string) {
  const id = `bench_${number}`;
  const hash = await hashPassword(PASSWORD, { log2N: 10, r: 8, p: 1 });
  db.$client.prepare("insert into users (id, email, name, role, password_hash) values (?, ?, ?, 'customer', ?)").run(id, `${number.toLowerCase()}@bench.example`, number, hash);
  db.$client.prepare('insert into account_users (account_id, user_id) select id, ? from accounts where number = ?').run(id, number);
  const res = await request('/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:8787' }, body: JSON.stringify({ email: `${number.toLowerCase()}@bench.example`, password: PASSWORD }) });
  const { token } = (await res.json()) as { token: string };
  return { Authorization: `Bearer ${token}` };
}

/** The reports' database in `dir`: the files written, imported and 24 months billed, a batch of calls late. */
export async function buildReportsDb(dir: string, calls: number, now: number) {
  console.log(`Writing an account with ${fmt(calls * (20 / 21))} calls over two years and a head office with ${SUB_ACCOUNTS} sub-accounts…`);
  const files = await writeFiles(dir, calls, now);
  const db = openDatabase(join(dir, 'reports.db'));
  for (const kind of ['products', 'usage-rates', 'accounts', 'subscriptions', 'usage']) await importFile(db, kind, join(dir, `${kind}.csv`));
  const today = new Date(now).toISOString().slice(0, 10);
  console.log('Billing 24 months…');
  for (const period of files.periods) {
    runBilling(db, period, today, BENCH_POLICY);
    if (period === files.lateMonth) await importFile(db, 'usage', join(dir, 'late.csv'));
  }
  return { db, files };
}

export async function reportFigures(report: Report): Promise<void> {
  const calls = Number(process.env.BENCH_REPORT_CALLS ?? 1_050_000);
  const now = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'bp-bench-reports-'));
  try {
    const { db, files } = await buildReportsDb(dir, calls, now);
    const sqlite = db.$client;
    const big = sqlite.prepare('select id from accounts where number = ?').pluck().get(BIG) as number;
    const stored = sqlite.prepare('select count(*) from usage_records where account_id = ?').pluck().get(big) as number;
    console.log(`${fmt(stored)} calls on ${BIG} (${fmt(files.lateCalls)} of them late), ${files.periods.length} months billed.`);

    const config = loadConfig({ PUBLIC_URL: 'http://localhost:8787', DATABASE_PATH: ':memory:', DEMO_DATA: 'false' });
    const mailer = createMailer({ db, from: config.mailFrom, outboxDir: join(dir, 'outbox'), keepSent: true, log: () => {} });
    const { app } = createApp({ db, config, mailer, now: () => now });
    const request = async (path: string, init?: RequestInit) => app.request(`/api/v1${path}`, init);
    const bigUser = await customerOf(db, request, BIG);
    const hqUser = await customerOf(db, request, HEAD_OFFICE);
    const get = async (path: string, headers: Record<string, string>) => {
      const res = await request(path, { headers });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<{ nextCursor?: string | null; rows: unknown[] }>;
    };

    // The same work done directly, in SQL, for each report's first screen.
    const current = monthKey(now);
    const year = current.slice(0, 4);
    const direct: Record<(typeof REPORTS)[number], () => unknown> = {
      usage: () => sqlite.prepare("select count(*), sum(minutes) from usage_totals where account_id = ? and period = ?").get(big, current),
      subscribers: () => sqlite.prepare('select subscriber_number, sum(calls), sum(minutes), sum(charge_millicents) from usage_totals where account_id = ? and period = ? group by 1').all(big, current),
      'usage-details': () => sqlite.prepare('select * from usage_records where invoice_id is null and account_id = ? and started_at >= ? order by started_at, id limit 51').all(big, Date.parse(`${current}-01T00:00:00Z`) / 1000),
      'ytd-all-in': () => sqlite.prepare("select period, sum(total_cents) from invoices where account_id = ? and period between ? and ? group by 1").all(big, `${Number(year) - 1}-01`, current),
      'ytd-fixed': () => sqlite.prepare("select i.period, sum(l.amount_cents) from invoices i join invoice_lines l on l.invoice_id = i.id where i.account_id = ? and i.period between ? and ? and l.kind = 'recurring' group by 1").all(big, `${Number(year) - 1}-01`, current),
      'ytd-usage': () => sqlite.prepare("select i.period, sum(l.amount_cents) from invoices i join invoice_lines l on l.invoice_id = i.id where i.account_id = ? and i.period between ? and ? and l.kind = 'usage' group by 1").all(big, `${Number(year) - 1}-01`, current),
    };
    for (const name of REPORTS) {
      const api = await timed(() => get(`/accounts/${BIG}/reports/${name}`, bigUser));
      const sql = await timed(direct[name]);
      const floor = name.startsWith('ytd') ? 20 : 100;
      report(`report ${name}, first screen`, `median ${ms(api)} (the same SQL directly: ${ms(sql)}, ratio ${(api / sql).toFixed(1)})`, `${floor} ms`, api < floor);
    }

    // Usage Details: the first page of the whole two years, and a page from a cursor half way.
    const from = files.periods[0]!;
    const whole = `/accounts/${BIG}/reports/usage-details?from=${from}&to=${current}`;
    const first = await timed(() => get(whole, bigUser));
    const middle = sqlite.prepare('select started_at, id from usage_records where account_id = ? and invoice_id is not null order by started_at, id limit 1 offset ?').get(big, Math.floor(stored / 2)) as { started_at: number; id: number };
    const cursor = `${middle.started_at}-${middle.id}`;
    const later = await timed(() => get(`${whole}&cursor=${cursor}`, bigUser));
    const keyset = sqlite.prepare('select * from usage_records where account_id = ? and invoice_id is not null and started_at >= ? and (started_at > ? or id > ?) order by started_at, id limit 51');
    const sqlLater = await timed(() => keyset.all(big, middle.started_at, middle.started_at, middle.id));
    report('Usage Details first page (24 months)', `median ${ms(first)}`, '20 ms', first < 20);
    report('Usage Details page by cursor (half way)', `median ${ms(later)} (the keyset SQL directly: ${ms(sqlLater)}, ratio ${(later / sqlLater).toFixed(1)})`, '20 ms', later < 20);

    // The CSV export of every call, twice unmeasured (the page cache fills), then three measured.
    const exportCsv = async () => {
      const res = await request(`${whole}&format=csv`, { headers: bigUser });
      const reader = res.body!.getReader();
      let rows = 0;
      let peak = process.memoryUsage().rss;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
        for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) rows++;
        const rss = process.memoryUsage().rss;
        if (rss > peak) peak = rss;
      }
      return { rows: rows - 1, peak };
    };
    // Reading the same calls directly in SQL, in the same order: what the export cannot beat.
    const scan = () => {
      const start = performance.now();
      let scanned = 0;
      for (const part of ['invoice_id is not null', 'invoice_id is null']) {
        for (const _ of sqlite.prepare(`select * from usage_records where ${part} and account_id = ? order by started_at, id`).raw().iterate(big)) scanned++;
      }
      return scanned / ((performance.now() - start) / 1000);
    };
    await exportCsv();
    scan();
    // Export and scan one after the other, three times: the machine is shared, so the ratio of
    // each pair says more than either figure alone.
    const runs: { rate: number; rows: number; growth: number; scanRate: number }[] = [];
    for (let i = 0; i < 3; i++) {
      global.gc?.();
      const base = process.memoryUsage().rss;
      const start = performance.now();
      const { rows, peak } = await exportCsv();
      const seconds = (performance.now() - start) / 1000;
      runs.push({ rate: rows / seconds, rows, growth: (peak - base) / 1e6, scanRate: scan() });
    }
    const rate = median(runs.map((r) => r.rate));
    const scanRate = median(runs.map((r) => r.scanRate));
    const ratio = median(runs.map((r) => r.rate / r.scanRate));
    const growth = Math.max(...runs.map((r) => r.growth));
    const rows = runs[0]!.rows;
    report(
      'Usage Details CSV export',
      `${fmt(rows)} calls at ${fmt(rate)} rows/s (median of 3; reading them directly in SQL: ${fmt(scanRate)} rows/s, ratio ${ratio.toFixed(2)}); memory grew at most ${growth.toFixed(1)} MB while streaming`,
      '300,000 rows/s, < 50 MB',
      rate >= 300_000 && growth < 50 && runs.every((r) => r.rows === stored),
    );

    // The head office with its 50 sub-accounts rolled up: every report's first screen.
    const hqIds = (sqlite.prepare('select id from accounts where number = ? or parent_id = (select id from accounts where number = ?)').pluck().all(HEAD_OFFICE, HEAD_OFFICE) as number[]).join(',');
    const rolledDirect = await timed(() => sqlite.prepare(`select period, sum(total_cents) from invoices where account_id in (${hqIds}) and period between ? and ? group by 1`).all(`${Number(year) - 1}-01`, current));
    const rolled: string[] = [];
    let slowest = 0;
    for (const name of REPORTS) {
      const t = await timed(() => get(`/accounts/${HEAD_OFFICE}/reports/${name}?rollup=true`, hqUser), 9, 2);
      slowest = Math.max(slowest, t);
      rolled.push(`${name} ${t.toFixed(1)}`);
    }
    report(`head office with ${SUB_ACCOUNTS} sub-accounts rolled up`, `medians in ms: ${rolled.join(', ')} (its YTD invoice SQL directly: ${ms(rolledDirect)})`, '150 ms each', slowest < 150);
    db.$client.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- import-index`: what the reports' indexes cost the usage import and the
 * billing run, on the same 1,000,000-call file: with them, and with the indexes as they were
 * before (the unbilled calls by time only), alternately, best of two each (the machine is shared).
 */
export async function importIndexCost(report: Report): Promise<void> {
  const fixture = await writeBenchFiles({ accounts: 10_000, calls: Number(process.env.BENCH_CALLS ?? 1_000_000), period: '2026-10' });
  const best: Record<'before' | 'with', { rate: number; billing: number }> = { before: { rate: 0, billing: Infinity }, with: { rate: 0, billing: Infinity } };
  try {
    for (const variant of ['before', 'with', 'before', 'with'] as const) {
      const path = join(fixture.dir, `index-${variant}.db`);
      const db = openDatabase(path);
      await importReferenceData(db, fixture.dir);
      if (variant === 'before') {
        db.$client.exec('drop index usage_billed_account_idx; drop index usage_unbilled_started_idx; create index usage_unbilled_started_idx on usage_records (started_at) where invoice_id is null');
      }
      let start = performance.now();
      const imported = await importFile(db, 'usage', fixture.usageFile);
      const rate = imported.rows / ((performance.now() - start) / 1000);
      start = performance.now();
      runBilling(db, fixture.period, '2026-11-25', BENCH_POLICY);
      const billing = (performance.now() - start) / 1000;
      best[variant] = { rate: Math.max(best[variant].rate, rate), billing: Math.min(best[variant].billing, billing) };
      db.$client.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    }
    const { before, with: now } = best;
    report(
      'usage import with the reports’ indexes',
      `${fmt(now.rate)} rows/s (before them ${fmt(before.rate)} rows/s, ratio ${(now.rate / before.rate).toFixed(2)}); billing run ${now.billing.toFixed(1)} s (before ${before.billing.toFixed(1)} s)`,
      '150,000 rows/s',
      now.rate >= 150_000,
    );
  } finally {
    fixture.cleanup();
  }
}
