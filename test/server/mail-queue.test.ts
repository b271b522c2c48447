import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { openDatabase, type Db } from '../../server/db/client.ts';
import { createMailer, type MailMessage } from '../../server/mail/mailer.ts';
import { freePort } from './e2e-fixture.ts';

/**
 * Mail goes through the database (mail_queue) before SMTP: what a transaction that rolls back
 * queued is never sent, and a process that dies or an SMTP server that is down loses nothing.
 */

const message = (n: number): MailMessage => ({ to: `user${n}@example.com`, subject: `Invoice INV-${n}`, text: `Your invoice ${n}`, link: `http://localhost:8787/?reset=secret-${n}` });
const dbFile = () => join(mkdtempSync(join(tmpdir(), 'bp-mail-')), 'portal.db');
const queued = (db: Db) => db.$client.prepare('SELECT message, attempts, failed_at AS failedAt, last_error AS lastError FROM mail_queue').all() as { message: string; attempts: number; failedAt: number | null; lastError: string | null }[];
const quiet = () => {};

/** A real SMTP server on this machine that keeps what it receives. */
async function smtpServer(port: number) {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        received.push(data);
        done();
      });
    },
  });
  await new Promise<void>((ready) => server.listen(port, '127.0.0.1', ready));
  return { received, close: () => new Promise<void>((done) => server.close(() => done())) };
}

describe('the mail queue', () => {
  const cleanups: (() => unknown)[] = [];
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  test('mail queued in a transaction is sent once it commits, and never when it rolls back', async () => {
    const db = openDatabase(':memory:');
    const outbox = mkdtempSync(join(tmpdir(), 'bp-outbox-'));
    const mailer = createMailer({ db, from: 'billing@example.com', outboxDir: outbox, keepSent: true, log: quiet });
    db.$client.transaction(() => mailer.send(message(1)))();
    assert.throws(() =>
      db.$client.transaction(() => {
        mailer.send(message(2));
        throw new Error('the payment failed');
      })(),
    );
    await mailer.idle();
    assert.deepEqual(mailer.sent.map((m) => m.to), ['user1@example.com']);
    assert.equal(readdirSync(outbox).length, 1);
    assert.deepEqual(queued(db), [], 'sent mail leaves the queue (with the link in it)');
  });

  test('an SMTP server that is down: the mail waits in the queue and is sent when it is back', async () => {
    const db = openDatabase(':memory:');
    const port = await freePort();
    const lines: string[] = [];
    const mailer = createMailer({ db, from: 'billing@example.com', smtpUrl: `smtp://127.0.0.1:${port}`, outboxDir: mkdtempSync(join(tmpdir(), 'bp-outbox-')), log: (l) => lines.push(l), retryDelaysMs: [300, 300] });
    mailer.send(message(7));
    await mailer.idle();
    assert.equal(queued(db).length, 1, 'still queued after the failed attempt');
    assert.equal(queued(db)[0]!.attempts, 1);
    assert.match(lines.join('\n'), /could not send "Invoice INV-7" to user7@example\.com \(attempt 1\), trying again/);
    assert.doesNotMatch(lines.join('\n'), /secret-7/, 'the link is not logged with SMTP');

    const smtp = await smtpServer(port);
    cleanups.push(smtp.close);
    const deadline = Date.now() + 5000;
    while (!smtp.received.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.equal(smtp.received.length, 1, 'sent by the retry, without anyone asking');
    assert.match(smtp.received[0]!, /Subject: Invoice INV-7/);
    await mailer.idle();
    assert.deepEqual(queued(db), []);
  });

  test('the last attempt failing gives the mail up: whom and what it was about stay for the operator, not its text or link', async () => {
    const db = openDatabase(':memory:');
    const lines: string[] = [];
    const mailer = createMailer({ db, from: 'billing@example.com', smtpUrl: `smtp://127.0.0.1:${await freePort()}`, outboxDir: mkdtempSync(join(tmpdir(), 'bp-outbox-')), log: (l) => lines.push(l), retryDelaysMs: [] });
    mailer.send(message(3));
    await mailer.idle();
    const [row] = queued(db);
    assert.ok(row?.failedAt, 'marked as given up');
    assert.deepEqual(JSON.parse(row.message), { to: 'user3@example.com', subject: 'Invoice INV-3' });
    assert.match(row.lastError ?? '', /ECONNREFUSED/);
    assert.match(lines.join('\n'), /gave up "Invoice INV-3" to user3@example\.com after 1 attempts/);
  });

  test('a process that stops before sending its mail: the next process to start sends it', async () => {
    const path = dbFile();
    openDatabase(path).$client.close();
    // Queues two mails and exits at once, before its mailer's first turn.
    const script = `
      import { openDatabase } from './server/db/client.ts';
      import { createMailer } from './server/mail/mailer.ts';
      const db = openDatabase(${JSON.stringify(path)});
      const mailer = createMailer({ db, from: 'billing@example.com', outboxDir: '/nonexistent', log: () => {} });
      mailer.send(${JSON.stringify(message(1))});
      mailer.send(${JSON.stringify(message(2))});
      process.exit(0);`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr);
    const db = openDatabase(path);
    assert.equal(queued(db).length, 2, 'the stopped process left them queued');

    const outbox = mkdtempSync(join(tmpdir(), 'bp-outbox-'));
    const mailer = createMailer({ db, from: 'billing@example.com', outboxDir: outbox, keepSent: true, log: quiet });
    await mailer.idle();
    assert.deepEqual(mailer.sent.map((m) => m.subject).sort(), ['Invoice INV-1', 'Invoice INV-2']);
    assert.deepEqual(queued(db), []);
    db.$client.close();
  });

  test('two servers sending from one queue (two connections to its file) send each mail once', async () => {
    const path = dbFile();
    const outbox = mkdtempSync(join(tmpdir(), 'bp-outbox-'));
    const [a, b] = [openDatabase(path), openDatabase(path)];
    const mailerA = createMailer({ db: a, from: 'billing@example.com', outboxDir: outbox, keepSent: true, log: quiet });
    const mailerB = createMailer({ db: b, from: 'billing@example.com', outboxDir: outbox, keepSent: true, log: quiet });
    a.$client.transaction(() => {
      for (let n = 1; n <= 40; n++) mailerA.send(message(n));
    })();
    await Promise.all([mailerA.idle(), mailerB.idle()]);
    const subjects = [...mailerA.sent, ...mailerB.sent].map((m) => m.subject);
    assert.equal(subjects.length, 40);
    assert.equal(new Set(subjects).size, 40, 'none twice');
    assert.equal(readdirSync(outbox).length, 40);
    assert.match(readFileSync(join(outbox, readdirSync(outbox)[0]!), 'utf8'), /Subject: Invoice INV-/);
    a.$client.close();
    b.$client.close();
  });
});
