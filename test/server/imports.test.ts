import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { accounts, locations, products, subscriptions, usageRecords } from '../../server/db/schema.ts';
import { Readable } from 'node:stream';
import { importCsv } from '../../server/services/imports/import.ts';
import { importKind, importKindNames } from '../../server/services/imports/kinds.ts';
import { errorOf, testApp, type TestApp } from './helpers.ts';

const KEY = 'provider-key-for-the-tests-0123456789';
const providerApp = () => testApp({ PROVIDER_API_KEY: KEY });

const upload = (t: TestApp, kind: string, csv: string, headers: Record<string, string> = { Authorization: `Bearer ${KEY}` }) =>
  t.app.request(`/api/v1/provider/imports/${kind}`, { method: 'POST', headers: { 'Content-Type': 'text/csv', ...headers }, body: csv });

const rowsIn = (t: TestApp, table: typeof usageRecords | typeof accounts | typeof subscriptions) => t.db.select({ n: count() }).from(table).get()!.n;

const CATALOG = `code,name,type,monthly_price,included_minutes,usage_category,overage_rate_per_minute
VOIP-10K,"VoIP Business 10,000",plan,89.95,10000,CAN/US/PR/MEX/UK,0.025
SEAT,Hosted PBX seat,addon,14.00,,,
`;
const USAGE_HEADER = 'id,account,subscriber,start,duration_seconds,from,to,category\n';
const usageRow = (id: string, account = 'C100001', duration = '125') => `${id},${account},001835,2026-10-05T15:04:05Z,${duration},001835,+14155550100,CAN/US/PR/MEX/UK\n`;

describe('CSV imports through the provider API', () => {
  test('only the provider key may import: no key, a wrong key or a customer session get 401', async () => {
    const t = await providerApp();
    const { bearer } = await t.login('solo@example.com');
    for (const headers of [{}, { Authorization: 'Bearer wrong-key-wrong-key-wrong-key' }, bearer]) {
      const res = await upload(t, 'products', CATALOG, headers as Record<string, string>);
      assert.equal(res.status, 401);
      assert.equal((await errorOf(res)).code, 'UNAUTHENTICATED');
    }
    assert.equal(t.db.select({ n: count() }).from(products).get()!.n, 0);
    assert.equal((await upload(t, 'products', CATALOG)).status, 200);
  });

  test('a good file is stored and reported; importing it again updates, never duplicates', async () => {
    const t = await providerApp();
    const first = await upload(t, 'products', CATALOG);
    assert.deepEqual(await first.json(), { kind: 'products', status: 'imported', rows: 2, inserted: 2, updated: 0, duplicates: 0 });
    const voice = t.db.select().from(products).where(eq(products.code, 'VOIP-10K')).get()!;
    assert.equal(voice.name, 'VoIP Business 10,000', 'a quoted comma stays in the name');
    assert.equal(voice.monthlyPriceCents, 8995);
    assert.equal(voice.overageMillicentsPerMinute, 2500, '$0.025 a minute, exactly');
    const again = await upload(t, 'products', CATALOG.replace('14.00', '15.00'));
    assert.deepEqual(await again.json(), { kind: 'products', status: 'imported', rows: 2, inserted: 0, updated: 2, duplicates: 0 });
    assert.equal(t.db.select().from(products).where(eq(products.code, 'SEAT')).get()!.monthlyPriceCents, 1500);
  });

  test('a file with bad rows is rejected whole, each bad row named by line and column, and nothing is stored', async () => {
    const t = await providerApp();
    await upload(t, 'products', CATALOG);
    const csv =
      USAGE_HEADER +
      usageRow('CDR-1') +
      usageRow('CDR-2', 'C999999') + // line 3: no such account
      usageRow('CDR-3', 'C100001', 'ten') + // line 4: not a number
      '"CDR-4","C100001","001835","2026-10-05","60","001835","+1","CAN/US/PR/MEX/UK"\n' + // line 5: a date, not a time
      usageRow('CDR-5').replace('CAN/US/PR/MEX/UK', 'MARS') + // line 6: unknown category
      'CDR-6,C100001\n' + // line 7: too few columns
      usageRow('CDR-7');
    const res = await upload(t, 'usage', csv);
    assert.equal(res.status, 422);
    const error = await errorOf(res);
    assert.equal(error.code, 'IMPORT_REJECTED');
    assert.deepEqual(error.issues!.map((i) => i.path), ['line 3: account', 'line 4: duration_seconds', 'line 5: start', 'line 6: category', 'line 7']);
    assert.match(error.issues![0]!.message, /No account C999999/);
    assert.equal(rowsIn(t, usageRecords), 0, 'not even the good rows');
  });

  test('line numbers count the line breaks inside quoted cells', async () => {
    const t = await providerApp();
    const csv = `number,name,address_line1,city,region,postal_code
C300001,"Two-line
Name Co",1 Main St,Reno,NV,89501
C300002,Fine Co,1 Main St,Reno,NV,
`;
    const error = await errorOf(await upload(t, 'accounts', csv));
    assert.deepEqual(error.issues!.map((i) => `${i.path} ${i.message}`), ['line 4: postal_code Required.']);
  });

  test('a field or a line over IMPORT_MAX_FIELD_CHARS / IMPORT_MAX_LINE_CHARS rejects the file at the first one, naming its line', async () => {
    const t = await testApp({ PROVIDER_API_KEY: KEY, IMPORT_MAX_FIELD_CHARS: '100', IMPORT_MAX_LINE_CHARS: '300' });
    await upload(t, 'products', CATALOG);
    const rejected = async (csv: string) => {
      const res = await upload(t, 'usage', csv);
      assert.equal(res.status, 422);
      const error = await errorOf(res);
      assert.equal(error.code, 'IMPORT_REJECTED');
      assert.equal(rowsIn(t, usageRecords), 0);
      return error.issues!.map((i) => `${i.path} ${i.message}`);
    };
    // A quote left open: the rest of the file would be one field.
    const open = USAGE_HEADER + usageRow('CDR-1') + '"CDR-2,C100001,001835\n' + usageRow('CDR-3').repeat(50);
    assert.deepEqual(await rejected(open), ['line 3 A field is longer than 100 characters: is a quote left open?']);
    // A long quoted field, after a quoted line break (which counts as a line), is named by the line it starts on.
    const long = USAGE_HEADER + '"CDR-1","C100001","001835","2026-10-05T15:04:05Z","60","001835","+1\n555","CAN/US/PR/MEX/UK"\n' + usageRow('CDR-2') + `CDR-3,C100001,"${'9'.repeat(150)}",x\n` + usageRow('CDR-4');
    assert.deepEqual((await rejected(long)).at(-1), 'line 5 A field is longer than 100 characters: is a quote left open?');
    // Many short fields.
    const wide = USAGE_HEADER + usageRow('CDR-1') + 'x,'.repeat(200) + '\n';
    assert.deepEqual((await rejected(wide)).at(-1), 'line 3 A line is longer than 300 characters.');
    // Within the limits, as before.
    assert.equal((await upload(t, 'usage', USAGE_HEADER + usageRow('CDR-1'))).status, 200);
  });

  test('a character split between two chunks of the file arrives whole', async () => {
    const t = await providerApp();
    const file = Buffer.from('number,name,address_line1,city,region,postal_code\nC300001,Café Crème,1 Main St,Reno,NV,89501\n');
    const split = file.indexOf(Buffer.from('é')) + 1; // between the two bytes of é
    const report = await importCsv(t.db, importKind('accounts')!, Readable.from([file.subarray(0, split), file.subarray(split)]));
    assert.equal(report.status, 'imported');
    assert.equal(t.db.select().from(accounts).where(eq(accounts.number, 'C300001')).get()!.name, 'Café Crème');
  });

  test('a header with a missing or unknown column is refused before any row', async () => {
    const t = await providerApp();
    const error = await errorOf(await upload(t, 'usage', 'id,account,subscriber,start,duration,from,to,category\n'));
    assert.deepEqual(error.issues!.map((i) => i.path).sort(), ['line 1: duration', 'line 1: duration_seconds']);
    const empty = await errorOf(await upload(t, 'usage', ''));
    assert.equal(empty.code, 'IMPORT_REJECTED', 'an empty file is no silent success');
  });

  test('usage imported twice is stored once: the second time every record is a duplicate', async () => {
    const t = await providerApp();
    await upload(t, 'products', CATALOG);
    const csv = USAGE_HEADER + usageRow('CDR-1') + usageRow('CDR-2') + usageRow('CDR-3');
    assert.deepEqual(await (await upload(t, 'usage', csv)).json(), { kind: 'usage', status: 'imported', rows: 3, inserted: 3, updated: 0, duplicates: 0 });
    const overlapping = csv + usageRow('CDR-4');
    assert.deepEqual(await (await upload(t, 'usage', overlapping)).json(), { kind: 'usage', status: 'imported', rows: 4, inserted: 1, updated: 0, duplicates: 3 });
    assert.equal(rowsIn(t, usageRecords), 4);
  });

  test('accounts may name a head office that comes later in the file; an unknown one is an error', async () => {
    const t = await providerApp();
    const header = 'number,name,address_line1,city,region,postal_code,parent\n';
    const ok = await upload(t, 'accounts', header + 'C400001,Branch,1 Main St,Reno,NV,89501,C400000\nC400000,Head,1 Main St,Reno,NV,89501,\n');
    assert.equal(ok.status, 200);
    const branch = t.db.select().from(accounts).where(eq(accounts.number, 'C400001')).get()!;
    const head = t.db.select().from(accounts).where(eq(accounts.number, 'C400000')).get()!;
    assert.equal(branch.parentId, head.id);
    const bad = await errorOf(await upload(t, 'accounts', header + 'C400002,Orphan,1 Main St,Reno,NV,89501,C499999\n'));
    assert.deepEqual(bad.issues!.map((i) => i.path), ['line 2: parent']);
  });

  test('head offices may not form a cycle, in the file or with stored accounts: the rows are named and nothing is stored', async () => {
    const t = await providerApp();
    const header = 'number,name,address_line1,city,region,postal_code,parent\n';
    const row = (number: string, parent = '') => `${number},Co ${number},1 Main St,Reno,NV,89501,${parent}\n`;
    const before = t.db.select().from(accounts).orderBy(accounts.number).all();
    const rejected = async (csv: string) => {
      const res = await upload(t, 'accounts', header + csv);
      assert.equal(res.status, 422);
      const error = await errorOf(res);
      assert.equal(error.code, 'IMPORT_REJECTED');
      assert.deepEqual(t.db.select().from(accounts).orderBy(accounts.number).all(), before, 'nothing stored, nothing re-parented');
      return error.issues!.map((i) => `${i.path} ${i.message}`);
    };
    // Two accounts, each the other's head office (line 4 is fine).
    const pair = await rejected(row('C500001', 'C500002') + row('C500002', 'C500001') + row('C500003', 'C500001'));
    assert.deepEqual(pair, [
      'line 2: parent Head offices would form a cycle: C500001 → C500002 → C500001.',
      'line 3: parent Head offices would form a cycle: C500002 → C500001 → C500002.',
    ]);
    // A longer one, listed in any order.
    const three = await rejected(row('C500003', 'C500001') + row('C500001', 'C500002') + row('C500002', 'C500003'));
    assert.deepEqual(three.map((i) => i.split(' ')[1]), ['2:', '3:', '4:']);
    assert.match(three[0]!, /C500003 → C500001 → C500002 → C500003\.$/);
    // Its own head office.
    assert.deepEqual(await rejected(row('C500001', 'C500001')), ['line 2: parent An account cannot be its own parent.']);
    // With stored accounts: C200001 is a location of C200000, which would become a location of it.
    assert.deepEqual(await rejected(row('C200000', 'C200001')), ['line 2: parent Head offices would form a cycle: C200000 → C200001 → C200000.']);
    // ...or through a new account in between.
    assert.deepEqual(await rejected(row('C200000', 'C500009') + row('C500009', 'C200002')), [
      'line 2: parent Head offices would form a cycle: C200000 → C500009 → C200002 → C200000.',
      'line 3: parent Head offices would form a cycle: C500009 → C200002 → C200000 → C500009.',
    ]);
    // Moving a location under another head office, and a chain without a loop, are fine.
    const ok = await upload(t, 'accounts', header + row('C200002', 'C100001') + row('C500010', 'C500011') + row('C500011', 'C200000'));
    assert.equal(ok.status, 200, await ok.clone().text());
  });

  test("a sub-account bills in its head office's currency; an account re-imported without the column keeps its own", async () => {
    const t = await providerApp();
    const header = 'number,name,address_line1,city,region,postal_code,currency,parent\n';
    const row = (number: string, currency: string, parent = '') => `${number},Co ${number},1 Main St,Toronto,ON,M5V 2T6,${currency},${parent}\n`;
    const currencyOf = (number: string) => t.db.select({ c: accounts.currency }).from(accounts).where(eq(accounts.number, number)).get()?.c;
    // A branch listed before its head office, with no currency of its own: the head office's.
    const ok = await upload(t, 'accounts', header + row('C600001', '', 'C600000') + row('C600000', 'cad') + row('C600002', 'cad', 'C600000'));
    assert.equal(ok.status, 200, await ok.clone().text());
    assert.deepEqual(['C600000', 'C600001', 'C600002'].map(currencyOf), ['CAD', 'CAD', 'CAD']);
    // Another currency under it, in the file or stored: refused, naming the line; nothing stored.
    const before = t.db.select().from(accounts).orderBy(accounts.number).all();
    const refused = await upload(t, 'accounts', header + row('C600003', 'usd', 'C600000') + row('C600004', 'usd', 'C600005') + row('C600005', 'cad'));
    assert.equal(refused.status, 422);
    assert.deepEqual((await errorOf(refused)).issues!.map((i) => `${i.path} ${i.message}`), [
      "line 2: currency Head office C600000 bills in CAD: a sub-account bills in its head office's currency.",
      "line 3: currency Head office C600005 bills in CAD: a sub-account bills in its head office's currency.",
    ]);
    assert.deepEqual(t.db.select().from(accounts).orderBy(accounts.number).all(), before);
    // Nor may the head office change to another currency than its stored sub-accounts'.
    const moved = await upload(t, 'accounts', header + row('C600000', 'usd'));
    assert.equal(moved.status, 422);
    assert.deepEqual((await errorOf(moved)).issues!.map((i) => `${i.path} ${i.message}`), [
      "line 2: currency Sub-account C600001 bills in CAD: a head office bills in its sub-accounts' currency.",
      "line 2: currency Sub-account C600002 bills in CAD: a head office bills in its sub-accounts' currency.",
    ]);
    // Re-imported without a currency column: CAD stays CAD.
    const renamed = await upload(t, 'accounts', 'number,name,address_line1,city,region,postal_code\nC600000,Renamed Co,1 Main St,Toronto,ON,M5V 2T6\n');
    assert.equal(renamed.status, 200, await renamed.clone().text());
    assert.equal(currencyOf('C600000'), 'CAD');
  });

  test('subscriptions must name a known account, location of that account, and product', async () => {
    const t = await providerApp();
    await upload(t, 'products', CATALOG);
    await upload(t, 'locations', 'account,code,name,address_line1,city,region,postal_code,tax_rate_percent\nC100001,MAIN,Main office,1 Main St,Reno,NV,89501,8.265\n');
    assert.equal(t.db.select().from(locations).get()!.taxRatePpm, 82650);
    const header = 'id,account,location,product,quantity,start_date,end_date,subscriber_number,subscriber_name\n';
    const bad = await errorOf(
      await upload(t, 'subscriptions', header + 'S1,C100001,MAIN,SEAT,2,2026-10-01,,,\nS2,C200000,MAIN,SEAT,1,2026-10-01,,,\nS3,C100001,MAIN,NOPE,1,2026-10-01,,,\nS4,C100001,MAIN,SEAT,1,2026-10-31,2026-10-01,,\nS1,C100001,,SEAT,1,2026-03-01,,,\nS5,C100001,,SEAT,1,2026-02-30,,,\n'),
    );
    assert.deepEqual(bad.issues!.map((i) => i.path), ['line 3: location', 'line 4: product', 'line 5: end_date', 'line 6: id', 'line 7: start_date']);
    assert.equal(rowsIn(t, subscriptions), 0);
  });

  test('the body must be CSV', async () => {
    const t = await providerApp();
    const res = await t.app.request('/api/v1/provider/imports/usage', { method: 'POST', headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(res.status, 415);
    assert.equal((await t.app.request('/api/v1/provider/imports/invoices', { method: 'POST', headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'text/csv' }, body: '' })).status, 400);
  });

  test('the API takes every kind the importer knows (the contract lists them apart from the importer)', async () => {
    const t = await providerApp();
    for (const kind of importKindNames) {
      const res = await upload(t, kind, '');
      assert.equal((await errorOf(res)).code, 'IMPORT_REJECTED', `${kind}: an empty file reaches the importer`);
    }
  });
});
