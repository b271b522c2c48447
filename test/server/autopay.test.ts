import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openDatabase } from '../../server/db/client.ts';
import { createAuthorizeNetGateway } from '../../server/gateway/authorize-net.ts';
import { createFakeAuthorizeNet, FAKE_CREDENTIALS } from '../../server/gateway/fake/fake-authorize-net.ts';
import { accounts, accountUsers, users } from '../../server/db/schema.ts';
import { createBackground } from '../../server/services/background.ts';
import { runBilling } from '../../server/services/billing/billing-run.ts';
import { createCardServices } from '../../server/services/card-services.ts';
import { msUntilNext } from '../../server/services/daily-schedule.ts';
import { createMailer } from '../../server/mail/mailer.ts';
import { loadBillingData } from './billing-fixture.ts';
import { errorOf, okJson, type TestApp } from './helpers.ts';
import { balances, BILL_TO, cardToken, everything, gatewayApp, pay, POLICY, useFakeGateway } from './payment-fixture.ts';

const gw = useFakeGateway();

function signUp(t: TestApp, bearer: Record<string, string>, card?: string, zip?: string, number = 'C100001') {
  return t.api(bearer).accounts[':number'].autopay.$put({ param: { number }, json: { opaqueData: cardToken(gw.fake, card, zip), billTo: { ...BILL_TO, ...(zip ? { zip } : {}) } } });
}
const cancel = (t: TestApp, bearer: Record<string, string>, number = 'C100001') => t.api(bearer).accounts[':number'].autopay.$delete({ param: { number } });
const summary = (t: TestApp, bearer: Record<string, string>) => okJson(t.api(bearer).accounts[':number'].summary.$get({ param: { number: 'C100001' } }));
/** The saved card of an account paying by autopay (fails the test when it pays by hand). */
const cardOf = (s: Awaited<ReturnType<typeof summary>>) => {
  assert.equal(s.paymentMethod.type, 'autopay');
  return s.paymentMethod as Extract<typeof s.paymentMethod, { type: 'autopay' }>;
};
const savedCardsAtGateway = () => [...gw.fake.profiles.values()].reduce((n, p) => n + p.paymentProfiles.size, 0);
const charges = () => gw.fake.transactions.size;

describe('autopay: signing up, changing the card, cancelling', () => {
  test('an account in a currency the merchant account does not take cannot sign up: refused, no card saved', async () => {
    const { t, bearer } = await gatewayApp(gw.gateway());
    assert.equal((await summary(t, bearer)).cardPayments, true, 'billed in US dollars: cards are offered');
    t.db.$client.prepare("update accounts set currency = 'CAD' where number = 'C100001'").run();
    assert.equal((await summary(t, bearer)).cardPayments, false, 'My Account says so before anyone types a card');
    const before = savedCardsAtGateway();
    const refused = await signUp(t, bearer);
    assert.equal(refused.status, 422);
    assert.match((await errorOf(refused)).message, /Card payments are taken in USD; account C100001 bills in CAD/);
    assert.equal(savedCardsAtGateway(), before);
    assert.equal(t.db.$client.prepare('select count(*) from autopay_methods').pluck().get(), 0);
  });

  test('Sign-up for automatic payment saves the card at the gateway; the portal keeps only its ids, brand, last four and expiry', async () => {
    const { t, bearer } = await gatewayApp(gw.gateway());
    const res = await signUp(t, bearer);
    assert.equal(res.status, 200);
    const { autopay } = await okJson(res);
    assert.deepEqual([autopay?.brand, autopay?.last4, autopay?.expMonth, autopay?.expYear], ['Visa', '1111', 12, 2031]);
    const card = cardOf(await summary(t, bearer));
    assert.deepEqual([card.brand, card.last4], ['Visa', '1111']);
    assert.equal(charges(), 0, 'signing up charges nothing');
    assert.equal(savedCardsAtGateway(), 1);
    assert.equal([...gw.fake.profiles.values()][0]!.merchantCustomerId, 'C100001');
    const stored = everything(t);
    assert.ok(!stored.includes('4111111111111111') && !stored.includes('dataValue'), 'no card number or token stored');

    // Change card: the new card replaces the old, which is deleted at the gateway.
    const changed = await okJson(signUp(t, bearer, '5424000000000015'));
    assert.deepEqual([changed.autopay?.brand, changed.autopay?.last4], ['MasterCard', '0015']);
    assert.equal(gw.fake.profiles.size, 1, 'the same customer profile');
    assert.equal(savedCardsAtGateway(), 1, 'the old card deleted');

    // A declined card changes nothing.
    const declined = await signUp(t, bearer, '4111111111111111', '46282');
    assert.equal(declined.status, 402);
    assert.equal((await errorOf(declined)).code, 'PAYMENT_DECLINED');
    assert.equal(cardOf(await summary(t, bearer)).last4, '0015');

    // Cancel: manual payment again, the card deleted.
    const cancelled = await cancel(t, bearer);
    assert.deepEqual([cancelled.status, (await okJson(cancelled)).autopay], [200, null]);
    assert.deepEqual((await summary(t, bearer)).paymentMethod, { type: 'manual' });
    assert.equal(savedCardsAtGateway(), 0);
    assert.equal((await cancel(t, bearer)).status, 200, 'cancelling twice is fine');
  });

  test('the check box: an approved payment saves its card for autopay, once however often the request is sent', async () => {
    const { t, bearer } = await gatewayApp(gw.gateway());
    const body = { amount: 2500, opaqueData: cardToken(gw.fake), billTo: BILL_TO, saveForAutopay: true };
    const first = await pay(t, bearer, body, 'autopay-checkbox-key');
    assert.equal(first.status, 201);
    const payment = await okJson(first);
    assert.deepEqual([payment.status, payment.autopay?.saved, payment.autopay?.saved && payment.autopay.method.last4], ['approved', true, '1111']);
    const again = await okJson(pay(t, bearer, body, 'autopay-checkbox-key'));
    assert.deepEqual([again.id, again.autopay?.saved], [payment.id, true]);
    assert.equal(charges(), 1);
    assert.equal(savedCardsAtGateway(), 1);
    assert.equal((await summary(t, bearer)).paymentMethod.type, 'autopay');
  });

  test('who may manage autopay: signed in, own accounts (a head office its locations)', async () => {
    const { t, bearer } = await gatewayApp(gw.gateway());
    assert.equal((await signUp(t, {})).status, 401);
    assert.equal((await cancel(t, {})).status, 401);
    assert.equal((await signUp(t, bearer, undefined, undefined, 'C200001')).status, 404);
    assert.equal((await cancel(t, bearer, 'C200001')).status, 404);
    const hq = (await t.login('hq@example.com')).bearer;
    assert.equal((await signUp(t, hq, undefined, undefined, 'C200001')).status, 200);
    const bad = await t.request('/accounts/C100001/autopay', { method: 'PUT', headers: bearer, json: { billTo: BILL_TO } });
    assert.equal(bad.status, 400);
    assert.equal((await errorOf(bad)).issues?.[0]?.path, 'opaqueData');
  });
});

describe('the autopay run', () => {
  test('charges the balance due on the due date, once, even when run twice or at once; nothing before the due date', async () => {
    const { t, bearer, invoices } = await gatewayApp(gw.gateway());
    assert.equal((await signUp(t, bearer)).status, 200);
    const due = invoices[1]!.dueDate; // October's bill; September's is past due by then and paid with it
    const dayBefore = new Date(Date.parse(due) - 86_400_000).toISOString().slice(0, 10);
    const early = await t.deps.autopay.run(dayBefore);
    assert.deepEqual([early.approved, early.skipped], [0, 1]);
    assert.equal(charges(), 0);

    const [a, b] = await Promise.all([t.deps.autopay.run(due), t.deps.autopay.run(due)]);
    assert.equal(a.approved + b.approved, 1, JSON.stringify([a, b]));
    const again = await t.deps.autopay.run(due);
    const nextDay = await t.deps.autopay.run(new Date(Date.parse(due) + 86_400_000).toISOString().slice(0, 10));
    assert.deepEqual([again.approved, nextDay.approved], [0, 0]);
    assert.equal(charges(), 1, 'one charge at the gateway');
    const amount = invoices.reduce((s, i) => s + i.total, 0);
    assert.equal(gw.fake.transactions.values().next().value!.amount, (amount / 100).toFixed(2));
    assert.deepEqual(balances(t, invoices), [0, 0]);
    const [latest] = (await okJson(t.api(bearer).accounts[':number'].payments.$get({ param: { number: 'C100001' } }))).payments;
    assert.deepEqual([latest?.method, latest?.status, latest?.card?.last4], ['Autopay', 'approved', '1111']);
    await t.idle();
    assert.equal(t.mailer.sent.filter((m) => m.subject.startsWith('Payment received')).length, 1, 'one receipt');
  });

  test('an enrolled account whose currency the merchant account no longer takes is skipped and named; the run goes on', async () => {
    const { t, bearer, invoices } = await gatewayApp(gw.gateway());
    assert.equal((await signUp(t, bearer)).status, 200);
    t.db.$client.prepare("update accounts set currency = 'CAD' where number = 'C100001'").run();
    const report = await t.deps.autopay.run(invoices[1]!.dueDate);
    assert.deepEqual([report.approved, report.skipped], [0, 1]);
    assert.match(report.lines.join('\n'), /C100001: Card payments are taken in USD; account C100001 bills in CAD/);
    assert.equal(charges(), 0);
  });

  test('a declined automatic payment leaves the bill to be paid by hand, with a notice in My Account and a mail; it is not retried', async () => {
    const { t, bearer, invoices } = await gatewayApp(gw.gateway());
    await signUp(t, bearer);
    gw.fake.behaviour.declineNext = 1;
    const due = invoices[1]!.dueDate; // October's bill; September's is past due by then and paid with it
    const report = await t.deps.autopay.run(due);
    assert.equal(report.failed, 1);
    const s = await summary(t, bearer);
    assert.equal(s.dueAmount, invoices[0]!.total + invoices[1]!.total, 'still due');
    assert.equal(s.paymentMethod.type, 'autopay', 'the card stays on file for next month');
    assert.equal(s.autopayNotice?.message, 'This transaction has been declined.');
    assert.equal(s.autopayNotice?.amount, s.dueAmount);
    await t.idle();
    const mail = t.mailer.sent.find((m) => m.subject.startsWith('Your automatic payment'))!;
    assert.equal(mail.to, 'solo@example.com');
    assert.match(mail.text, /Visa ending in 1111/);
    assert.match(mail.text, /This transaction has been declined\./);
    assert.ok(!mail.text.includes('4111111111111111'));
    assert.equal((await t.deps.autopay.run(due)).approved, 0, 'not retried');
    assert.equal(charges(), 1);

    // Paying by hand clears the notice.
    assert.equal((await pay(t, bearer, { amount: s.dueAmount, opaqueData: cardToken(gw.fake), billTo: BILL_TO })).status, 201);
    assert.equal((await summary(t, bearer)).autopayNotice, null);
  });

  test('a customer cannot make the run skip a bill: payments under the run\'s own key names are the customer\'s, and the run charges the bill', async () => {
    const { t, bearer, invoices } = await gatewayApp(gw.gateway());
    await signUp(t, bearer);
    const due = invoices[1]!.dueDate;
    // Declined payments under the keys the run has used for itself (`autopay:<due date>`) or might (the bare date).
    for (const key of [`autopay:${due}`, due]) {
      const res = await pay(t, bearer, { amount: 100, opaqueData: cardToken(gw.fake, undefined, '46282'), billTo: { ...BILL_TO, zip: '46282' } }, key);
      assert.equal(res.status, 402);
    }
    const report = await t.deps.autopay.run(due);
    assert.deepEqual([report.approved, report.skipped], [1, 0], report.lines.join('\n'));
    assert.deepEqual(balances(t, invoices), [0, 0], 'the bill is paid');
    assert.equal((await t.deps.autopay.run(due)).approved, 0, 'and charged once');
    // The customer's keys still work as keys: the same one again is the same (declined) payment.
    const again = await pay(t, bearer, { amount: 100, opaqueData: cardToken(gw.fake), billTo: BILL_TO }, `autopay:${due}`);
    assert.equal(again.status, 402);
    assert.equal(t.db.$client.prepare('select count(*) from payments').pluck().get(), 3);
  });

  test('after the upgrade, bills the run charged under its old `autopay:<date>` keys count as charged: nothing twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-autopay-upgrade-'));
    const folder = join(dir, 'migrations');
    cpSync('server/db/migrations', folder, { recursive: true });
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const upgrade = journal.entries.findIndex((e) => e.tag.startsWith('0006_'));
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upgrade) }));
    const sqlite = new Database(join(dir, 'portal.db'));
    migrate(drizzle(sqlite), { migrationsFolder: folder });
    sqlite.prepare("insert into accounts (number, name, address_line1, city, region, postal_code) values ('C1', 'A', '1 Main St', 'Reno', 'NV', '89501')").run();
    const insert = sqlite.prepare("insert into payments (account_id, amount_cents, received_at, method, status, idempotency_key) values (1, 100, '2026-12-26', ?, 'approved', ?)");
    insert.run('Autopay', 'autopay:2026-12-26');
    insert.run('Credit card', 'autopay:2026-12-26-mine');
    sqlite.close();
    const db = openDatabase(join(dir, 'portal.db'));
    assert.deepEqual(db.$client.prepare('select method, key_scope, idempotency_key from payments order by id').all(), [
      { method: 'Autopay', key_scope: 'autopay', idempotency_key: '2026-12-26' },
      { method: 'Credit card', key_scope: 'client', idempotency_key: 'autopay:2026-12-26-mine' },
    ]);
    db.$client.close();
  });

  test('`npm run portal -- autopay` charges the cards saved through the server (the fake keeps its records beside the database)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-autopay-cli-'));
    const databasePath = join(dir, 'portal.db');
    const db = openDatabase(databasePath);
    const account = db.insert(accounts).values({ number: 'C100001', name: 'Solo Dental', addressLine1: '1 Main St', city: 'Reno', region: 'NV', postalCode: '89501' }).returning().get();
    db.insert(users).values({ id: 'u_solo', email: 'solo@example.com', name: 'Solo', role: 'customer', passwordHash: 'x' }).run();
    db.insert(accountUsers).values({ accountId: account.id, userId: 'u_solo' }).run();
    await loadBillingData(db);
    runBilling(db, '2026-10', '2026-11-25', POLICY);
    const due = db.$client.prepare('select due_date from invoices limit 1').pluck().get() as string;
    // The server's side: the card saved through the fake that keeps its file beside the database.
    const fake = createFakeAuthorizeNet(FAKE_CREDENTIALS, { statePath: join(dir, 'fake-gateway.json') });
    const server = await fake.listen();
    const mailer = createMailer({ db, from: 'billing@example.com', outboxDir: join(dir, 'outbox'), log: () => {} });
    const { autopay } = createCardServices({
      db,
      gateway: createAuthorizeNetGateway({ ...FAKE_CREDENTIALS, endpoint: `${server.url}/xml/v1/request.api`, timeoutMs: 2000 }),
      background: createBackground(),
      now: Date.now,
      mail: { mailer, providerName: 'Test', portalUrl: 'http://portal.test' },
    });
    await autopay.enroll({ account, userId: 'u_solo', email: 'solo@example.com', opaqueData: cardToken(fake) });
    await server.close();
    db.$client.close();

    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'autopay', ...args], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_PATH: databasePath, DEMO_DATA: 'false', OUTBOX_DIR: join(dir, 'outbox') },
      });
    const bad = cli('--date', '25/12/2026');
    assert.equal(bad.status, 2, bad.stderr);
    const first = cli('--date', due);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /1 account\(s\) on autopay; 1 approved/);
    const second = cli('--date', due);
    assert.match(second.stdout, /0 approved.*1 skipped/s);
    assert.match(second.stdout, /C100001: nothing due/);
    const check = openDatabase(databasePath);
    const rows = check.$client.prepare("select method, status from payments where method = 'Autopay'").all();
    check.$client.close();
    assert.deepEqual(rows, [{ method: 'Autopay', status: 'approved' }]);
  });

  test('the daily schedule fires at the next HH:MM in UTC', () => {
    const at = (iso: string) => Date.parse(iso);
    assert.equal(msUntilNext(at('2026-11-25T05:00:00Z'), '06:00'), 3_600_000);
    assert.equal(msUntilNext(at('2026-11-25T06:00:00Z'), '06:00'), 86_400_000, 'just ran: tomorrow');
    assert.equal(msUntilNext(at('2026-11-30T23:30:00Z'), '00:15'), 45 * 60_000, 'across the month end');
  });
});
