import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createApp } from '../../server/app.ts';
import { openDatabase } from '../../server/db/client.ts';
import { accountUsers, accounts, users } from '../../server/db/schema.ts';
import { loadConfig } from '../../server/env.ts';
import { createMailer } from '../../server/mail/mailer.ts';

/** A database file with C100001 and its user, and an empty attachment folder beside it. */
function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'bp-crash-'));
  const dbPath = join(dir, 'portal.db');
  const attachments = join(dir, 'attachments');
  const db = openDatabase(dbPath);
  const account = db.insert(accounts).values({ number: 'C100001', name: 'Solo Dental', addressLine1: '1 Main St', city: 'Reno', region: 'NV', postalCode: '89501' }).returning().get();
  db.insert(users).values({ id: 'u_solo', email: 'solo@example.com', name: 'Solo', role: 'customer' }).run();
  db.insert(accountUsers).values({ accountId: account.id, userId: 'u_solo' }).run();
  db.$client.close();
  return { dbPath, attachments, account };
}

/** Runs the child until it reaches `point`, then kills it (SIGKILL: no cleanup of any kind). */
async function crashAt(dbPath: string, attachments: string, point: 'staged' | 'committed') {
  const child = fork(join(import.meta.dirname, 'ticket-crash-child.ts'), [dbPath, attachments, point], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
  const [message] = (await once(child, 'message')) as [string];
  assert.equal(message, 'paused', `the child reached ${point}`);
  child.kill('SIGKILL');
  await once(child, 'exit');
}

/** The server starting again on the same database and folder. */
function start(dbPath: string, attachments: string) {
  const db = openDatabase(dbPath);
  const config = loadConfig({ DATABASE_PATH: dbPath, ATTACHMENTS_DIR: attachments, DEMO_DATA: 'false' });
  const { deps } = createApp({ db, config, mailer: createMailer({ db, from: config.mailFrom, outboxDir: join(attachments, '..', 'outbox'), log: () => {} }) });
  const count = (table: string) => db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;
  return { db, deps, count };
}

describe('a crash while a ticket is saved never leaves a message pointing at a missing file', () => {
  test('killed after the files are written, before the message commits: no ticket, and the start removes the orphan files', async () => {
    const { dbPath, attachments } = setUp();
    await crashAt(dbPath, attachments, 'staged');
    assert.deepEqual(readdirSync(attachments).map((f) => f.endsWith('.part')), [true, true], 'two files written under temporary names');
    const server = start(dbPath, attachments);
    assert.deepEqual([server.count('tickets'), server.count('ticket_messages'), server.count('ticket_attachments')], [0, 0, 0]);
    assert.deepEqual(readdirSync(attachments), [], 'the orphans are gone');
    server.db.$client.close();
  });

  test('killed after the commit, before the rename: the start finishes the rename and the files download', async () => {
    const { dbPath, attachments, account } = setUp();
    await crashAt(dbPath, attachments, 'committed');
    assert.ok(readdirSync(attachments).every((f) => f.endsWith('.part')), 'not renamed yet');
    const server = start(dbPath, attachments);
    assert.deepEqual([server.count('tickets'), server.count('ticket_attachments')], [1, 2]);
    const stored = server.db.$client.prepare('select stored_name from ticket_attachments order by id').pluck().all() as string[];
    assert.deepEqual(readdirSync(attachments).sort(), [...stored].sort(), 'each row has its file, under its name');
    const ticket = server.db.$client.prepare('select id from tickets').pluck().get() as number;
    const ids = server.db.$client.prepare('select id from ticket_attachments order by id').pluck().all() as number[];
    const scope = { account, staffView: false } as const;
    const contents = await Promise.all(ids.map(async (id) => new TextDecoder().decode((await server.deps.tickets.attachment(scope, ticket, id)).bytes)));
    assert.deepEqual(contents, ['first file\n', 'second file\n']);
    server.db.$client.close();
  });
});
