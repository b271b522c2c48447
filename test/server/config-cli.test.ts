import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openDatabase } from '../../server/db/client.ts';
import { accounts, users } from '../../server/db/schema.ts';
import { ConfigError, loadConfig } from '../../server/env.ts';
import { createMailer } from '../../server/mail/mailer.ts';
import { loadBillingData } from './billing-fixture.ts';

const refusal = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.message;
  }
  assert.fail('the configuration was accepted');
};

test('a bad setting stops the server with a message that names the variable', () => {
  assert.match(refusal({ PORT: 'abc' }), /PORT/);
  assert.match(refusal({ PORT: '70000' }), /PORT/);
  assert.match(refusal({ ALLOWED_ORIGINS: 'shop.example.com/path' }), /ALLOWED_ORIGINS/);
  assert.match(refusal({ PROVIDER_API_KEY: 'short' }), /PROVIDER_API_KEY/);
  assert.match(refusal({ SESSION_IDLE_MINUTES: '-5' }), /SESSION_IDLE_MINUTES/);
  assert.match(refusal({ ANET_API_LOGIN_ID: 'login-only' }), /ANET_API_LOGIN_ID, ANET_TRANSACTION_KEY and ANET_CLIENT_KEY: set all three/);
  assert.match(refusal({ ANET_ENV: 'staging' }), /ANET_ENV: must be sandbox or production/);
  for (const name of ['IMPORT_ABANDONED_SECONDS', 'IMPORT_MAX_BYTES', 'IMPORT_MAX_FIELD_CHARS', 'IMPORT_MAX_LINE_CHARS']) assert.match(refusal({ [name]: '0' }), new RegExp(name));
  assert.equal(loadConfig({}).port, 8787, 'nothing set: the defaults');
  assert.deepEqual(loadConfig({}).imports, { abandonedAfterSeconds: 120, maxFieldChars: 4096, maxLineChars: 16_384 });
  assert.equal(loadConfig({}).importMaxBytes, 1024 ** 3);
  assert.equal(loadConfig({}).anet, null, 'no credentials: the fake gateway');
  assert.deepEqual(loadConfig({}).gatewayCurrencies, ['USD'], 'cards in US dollars unless told');
  assert.deepEqual(loadConfig({ GATEWAY_CURRENCIES: 'usd, CAD' }).gatewayCurrencies, ['USD', 'CAD']);
  assert.match(refusal({ GATEWAY_CURRENCIES: 'dollars' }), /GATEWAY_CURRENCIES: must be three-letter currency codes/);
  assert.match(refusal({ RESELLER_DEMO_PORT: 'next' }), /RESELLER_DEMO_PORT/);
  assert.equal(loadConfig({}).resellerDemoPort, 8788, 'the sample reseller site: the port after the portal’s');
  assert.equal(loadConfig({ PORT: '9000' }).resellerDemoPort, 9001);
  assert.equal(loadConfig({ RESELLER_DEMO_PORT: '0' }).resellerDemoPort, null, '0: no sample site');
  assert.deepEqual(loadConfig({ ANET_API_LOGIN_ID: 'a', ANET_TRANSACTION_KEY: 'b', ANET_CLIENT_KEY: 'c' }).anet, { apiLoginId: 'a', transactionKey: 'b', clientKey: 'c', environment: 'sandbox' });
});

/** Runs the provider CLI on its own database file. */
function portal(databasePath: string, ...args: string[]) {
  return portalWith({}, databasePath, ...args);
}

function portalWith(env: Record<string, string>, databasePath: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_PATH: databasePath, DEMO_DATA: 'false', OUTBOX_DIR: join(databasePath, '..', 'outbox'), ...env },
  });
  return { code: result.status, out: result.stdout + result.stderr };
}

test('the CLI answers bad arguments with its usage and exit code 2, and bad input with 1, writing nothing', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'bp-cli-')), 'portal.db');
  const none = portal(path);
  assert.equal(none.code, 2);
  assert.match(none.out, /Usage: npm run portal -- <command>/);

  const unknown = portal(path, 'frobnicate');
  assert.equal(unknown.code, 2);
  assert.match(unknown.out, /Unknown command "frobnicate"/);

  const missing = portal(path, 'create-account', '--number', 'C777777', '--bogus-flag', 'x');
  assert.equal(missing.code, 2);
  assert.match(missing.out, /create-account --number/);

  const invalid = portal(path, 'create-account', '--number', 'not a number', '--name', 'X', '--address', '1 Main', '--city', 'Reno', '--region', 'NV', '--postal-code', '89501');
  assert.notEqual(invalid.code, 0);
  assert.match(invalid.out, /number/i);

  const created = portal(path, 'create-account', '--number', 'C777777', '--name', 'CLI Co', '--address', '1 Main', '--city', 'Reno', '--region', 'NV', '--postal-code', '89501');
  assert.equal(created.code, 0, created.out);
  const again = portal(path, 'create-account', '--number', 'C777777', '--name', 'CLI Co', '--address', '1 Main', '--city', 'Reno', '--region', 'NV', '--postal-code', '89501');
  assert.equal(again.code, 1, 'the number is taken');
  assert.deepEqual(openDatabase(path).select({ number: accounts.number }).from(accounts).all(), [{ number: 'C777777' }], 'only the good one was written');
});

test('an invitation prints its activation link in full only when mail goes to the outbox', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'bp-cli-')), 'portal.db');
  const outbox = join(path, '..', 'outbox');
  assert.equal(portal(path, 'create-account', '--number', 'C777777', '--name', 'CLI Co', '--address', '1 Main', '--city', 'Reno', '--region', 'NV', '--postal-code', '89501').code, 0);

  const offline = portal(path, 'invite', '--account', 'C777777', '--email', 'kim@example.com', '--name', 'Kim Lee');
  assert.equal(offline.code, 0, offline.out);
  assert.match(offline.out, /http:\/\/localhost:8787\/\?activate=[\w-]{43}/, 'the link, to hand over by other means');
  assert.equal(readdirSync(outbox).length, 1);

  // Port 9 (discard) is closed here: the mail fails, which the CLI reports, but the link is never printed.
  const smtp = portalWith({ SMTP_URL: 'smtp://127.0.0.1:9' }, path, 'invite', '--account', 'C777777', '--email', 'ana@example.com', '--name', 'Ana Diaz');
  assert.equal(smtp.code, 0, smtp.out);
  assert.match(smtp.out, /Invited ana@example.com to C777777\. The activation link was mailed to them\./);
  assert.doesNotMatch(smtp.out, /activate=/);
  assert.equal(readdirSync(outbox).length, 1, 'nothing went to the outbox');
});

/** The Subject of an .eml file as a reader sees it: its folded lines joined, its encoded words (RFC 2047, Q) decoded. */
function subjectOf(eml: string): string {
  const header = /^Subject: (.*(?:\n[ \t].*)*)/m.exec(eml)![1]!;
  const decoded = header.replace(/\?=\s+=\?/g, '?==?').replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, q: string) => Buffer.from(q.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'));
  return decoded.replace(/\n[ \t]/g, ' ');
}

test('invite --language: the invitation goes out in that language and the user keeps it; a language the portal lacks is a usage error', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'bp-cli-')), 'portal.db');
  const outbox = join(path, '..', 'outbox');
  assert.equal(portal(path, 'create-account', '--number', 'C777777', '--name', 'CLI Co', '--address', '1 Main', '--city', 'Reno', '--region', 'NV', '--postal-code', '89501').code, 0);

  const spanish = portal(path, 'invite', '--account', 'C777777', '--email', 'ana@example.com', '--name', 'Ana Ruiz', '--language', 'es');
  assert.equal(spanish.code, 0, spanish.out);
  const [file] = readdirSync(outbox);
  const eml = readFileSync(join(outbox, file!), 'utf8');
  assert.equal(subjectOf(eml), 'Configure su acceso al portal de facturación de Harbourline Communications');
  assert.match(eml, /^Hola, Ana Ruiz:$/m);

  const german = portal(path, 'invite', '--account', 'C777777', '--email', 'jo@example.com', '--name', 'Jo Berg', '--language', 'de');
  assert.equal(german.code, 2);
  assert.match(german.out, /--language must be one of en, fr, es/);
  assert.deepEqual(openDatabase(path).select({ email: users.email, language: users.language }).from(users).all(), [{ email: 'ana@example.com', language: 'es' }], 'only Ana, in Spanish');
  assert.equal(readdirSync(outbox).length, 1, 'no mail for the refused one');
});

test("the server's mail prints a message's link on the console only when it goes to the outbox", async () => {
  const message = { to: 'kim@example.com', subject: 'Reset your password', text: 'Follow the link', link: 'http://localhost:8787/?reset=secret-token-123' };
  for (const smtpUrl of [undefined, 'smtp://127.0.0.1:9']) {
    const lines: string[] = [];
    const mailer = createMailer({ db: openDatabase(':memory:'), from: 'billing@example.com', smtpUrl, outboxDir: mkdtempSync(join(tmpdir(), 'bp-outbox-')), log: (line) => lines.push(line) });
    mailer.send(message);
    await mailer.idle();
    const printed = lines.join('\n');
    if (smtpUrl) assert.ok(!printed.includes('secret-token-123') && /could not send/.test(printed), printed);
    else assert.match(printed, /\[mail\] link: http:\/\/localhost:8787\/\?reset=secret-token-123/);
  }
});

test('`bill` mails each new invoice to its account\'s users once it has committed; billing again mails nothing', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'bp-cli-')), 'portal.db');
  const outbox = join(path, '..', 'outbox');
  const db = openDatabase(path);
  await loadBillingData(db);
  const solo = db.select({ id: accounts.id }).from(accounts).all()[0]!.id;
  db.$client.prepare("insert into users (id, email, name, role, password_hash) values ('u_kim', 'kim@example.com', 'Kim Lee', 'customer', 'set')").run();
  db.$client.prepare("insert into account_users (account_id, user_id) values (?, 'u_kim')").run(solo);
  db.$client.close();

  const billed = portal(path, 'bill', '--period', '2026-10');
  assert.equal(billed.code, 0, billed.out);
  assert.match(billed.out, /2026-10 billed: 3 invoices/);
  assert.match(billed.out, /Mailed 3 invoice\(s\)/);
  const mails = readdirSync(outbox).map((f) => readFileSync(join(outbox, f), 'utf8'));
  assert.equal(mails.length, 1, "one user: Kim, of the first account");
  assert.match(subjectOf(mails[0]!), /^Your invoice INV-202610-00001: \$[\d,.]+, due December 1, 2026$/);

  const again = portal(path, 'bill', '--period', '2026-10');
  assert.equal(again.code, 0, again.out);
  assert.doesNotMatch(again.out, /Mailed/);
  assert.equal(readdirSync(outbox).length, 1);
});

test('`revoke-access` takes a user off one account, or takes all their access; a bad email is exit 1 and changes nothing', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'bp-cli-')), 'portal.db');
  const create = (number: string) => portal(path, 'create-account', '--number', number, '--name', `Co ${number}`, '--address', '1 Main', '--city', 'Reno', '--region', 'NV', '--postal-code', '89501');
  assert.equal(create('C777777').code, 0);
  assert.equal(create('C888888').code, 0);
  for (const account of ['C777777', 'C888888']) assert.equal(portal(path, 'invite', '--account', account, '--email', 'kim@example.com', '--name', 'Kim Lee').code, 0);

  const one = portal(path, 'revoke-access', '--email', 'kim@example.com', '--account', 'C777777');
  assert.equal(one.code, 0, one.out);
  assert.match(one.out, /kim@example.com no longer reaches C777777\./);
  assert.match(portal(path, 'list-users').out, /kim@example\.com\s+Kim Lee\s+customer\s+invited\s+C888888/);

  const unknown = portal(path, 'revoke-access', '--email', 'nobody@example.com');
  assert.equal(unknown.code, 1);
  assert.match(unknown.out, /No user nobody@example.com/);

  const all = portal(path, 'revoke-access', '--email', 'kim@example.com');
  assert.equal(all.code, 0, all.out);
  assert.match(all.out, /kim@example.com can no longer sign in: removed from C888888, 0 session\(s\) ended\./);
  assert.match(portal(path, 'list-users').out, /kim@example\.com\s+Kim Lee\s+customer\s+revoked\s+-/);
  assert.equal(portal(path, 'revoke-access').code, 2, 'no --email: the usage');
});

test('`mail-queue` lists the mail not sent yet; --send-now tries the waiting again at once, --clear-given-up deletes those given up', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'bp-cli-')), 'portal.db');
  const outbox = join(path, '..', 'outbox');
  const db = openDatabase(path);
  const queue = db.$client.prepare('INSERT INTO mail_queue (message, attempts, due_at, last_error, failed_at) VALUES (?, ?, ?, ?, ?)');
  const later = Date.now() + 3_600_000;
  queue.run(JSON.stringify({ to: 'kim@example.com', subject: 'Your receipt', text: 'Paid, thank you' }), 2, later, 'connect ECONNREFUSED 10.0.0.9:587', null);
  queue.run(JSON.stringify({ to: 'ana@example.com', subject: 'New invoice' }), 6, later, 'Invalid login: 535', Date.now());
  db.$client.close();

  const listed = portal(path, 'mail-queue');
  assert.equal(listed.code, 0, listed.out);
  assert.match(listed.out, /1 mail\(s\) waiting to be sent\.\n {2}#1 to kim@example\.com: "Your receipt", 2 failed attempt\(s\) \(connect ECONNREFUSED 10\.0\.0\.9:587\), next \d{4}-/);
  assert.match(listed.out, /1 mail\(s\) given up\.\n {2}#2 to ana@example\.com: "New invoice", given up .* after 6 attempts \(Invalid login: 535\)/);
  assert.equal(existsSync(outbox), false, 'listing sends nothing before its time');

  const sent = portal(path, 'mail-queue', '--send-now');
  assert.equal(sent.code, 0, sent.out);
  assert.match(sent.out, /Tried 1 waiting mail\(s\) again now\.\n0 mail\(s\) waiting to be sent\.\n1 mail\(s\) given up\./);
  assert.equal(readdirSync(outbox).length, 1, 'the receipt went out (to the outbox here)');

  const cleared = portal(path, 'mail-queue', '--clear-given-up');
  assert.match(cleared.out, /Cleared 1 mail\(s\) given up\.\nNo mail waiting: everything was sent\./);
  const audits = openDatabase(path).$client.prepare("SELECT action FROM audit_log WHERE action LIKE 'mail.%' ORDER BY id").pluck().all();
  assert.deepEqual(audits, ['mail.send_now', 'mail.given_up_cleared']);
});
