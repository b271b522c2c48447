import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openDatabase, type Db } from '../../server/db/client.ts';
import { readCache } from '../../server/db/read-cache.ts';
import { sql } from 'drizzle-orm';
import { testApp } from './helpers.ts';

/**
 * Sessions and who reaches which account are kept between requests while the database is
 * unchanged (server/db/read-cache.ts). The CLI writes the same file from another process: what it
 * changes counts from the very next request. A second connection to the file stands in for it.
 */
async function appOnFile() {
  const path = join(mkdtempSync(join(tmpdir(), 'bp-read-cache-')), 'portal.db');
  const t = await testApp({ DATABASE_PATH: path });
  const cli = openDatabase(path);
  return { t, cli, [Symbol.dispose]: () => cli.$client.close() };
}

const run = (db: Db, sql: string, ...params: unknown[]) => db.$client.prepare(sql).run(...params);

describe('what another connection writes counts at once', () => {
  test('a session it ends is signed out on the next request', async () => {
    using app = await appOnFile();
    const { t, cli } = app;
    const { bearer } = await t.login('solo@example.com');
    assert.equal((await t.request('/me', { headers: bearer })).status, 200);
    assert.equal((await t.request('/me', { headers: bearer })).status, 200);
    run(cli, "delete from sessions where user_id = 'u_solo'");
    assert.equal((await t.request('/me', { headers: bearer })).status, 401);
  });

  test('an account it adds or takes away from a user: GET /me and the account itself', async () => {
    using app = await appOnFile();
    const { t, cli } = app;
    const { bearer } = await t.login('solo@example.com');
    const numbers = async () => ((await (await t.request('/me', { headers: bearer })).json()) as { accounts: { number: string }[] }).accounts.map((a) => a.number);
    const status = async (number: string) => (await t.request(`/accounts/${number}`, { headers: bearer })).status;
    assert.deepEqual(await numbers(), ['C100001']);
    assert.equal(await status('C200000'), 404);

    run(cli, "insert into account_users (account_id, user_id) values (?, 'u_solo')", t.ids.hq);
    assert.deepEqual(await numbers(), ['C100001', 'C200000', 'C200001', 'C200002'], 'the head office and, below it, its locations');
    assert.equal(await status('C200001'), 200);

    run(cli, "update accounts set name = 'Solo Dental & Ortho' where number = 'C100001'");
    const me = (await (await t.request('/me', { headers: bearer })).json()) as { accounts: { number: string; name: string }[] };
    assert.equal(me.accounts[0]!.name, 'Solo Dental & Ortho');

    run(cli, "delete from account_users where user_id = 'u_solo' and account_id = ?", t.ids.hq);
    assert.deepEqual(await numbers(), ['C100001']);
    assert.equal(await status('C200001'), 404);
  });

  test('a write of the server itself counts at once too: signing out', async () => {
    using app = await appOnFile();
    const { t } = app;
    const { bearer } = await t.login('solo@example.com');
    assert.equal((await t.request('/me', { headers: bearer })).status, 200);
    assert.equal((await t.request('/auth/logout', { method: 'POST', headers: bearer })).status, 204);
    assert.equal((await t.request('/me', { headers: bearer })).status, 401);
  });
});

describe("the server's own writes count at once, however they are made", () => {
  test('drizzle, a prepared statement, one with RETURNING, exec and a transaction; reads alone keep the answer', () => {
    const db = openDatabase(':memory:');
    db.$client.exec('create table notes (id integer primary key, body text not null)');
    // A cached count of the notes, and how many times it was really read.
    const cache = readCache<number>({ maxEntries: 10 });
    let reads = 0;
    const count = () =>
      cache(db, 'notes', () => {
        reads++;
        return db.$client.prepare('select count(*) from notes').pluck().get() as number;
      });
    assert.equal(count(), 0);
    db.$client.prepare('select * from notes').all();
    db.all(sql`select * from notes`);
    assert.equal(count(), 0);
    assert.equal(reads, 1, 'reading does not make the cache read again');

    db.run(sql`insert into notes (body) values ('drizzle')`);
    assert.equal(count(), 1, 'drizzle');
    db.$client.prepare('insert into notes (body) values (?)').run('prepared');
    assert.equal(count(), 2, 'a prepared statement');
    db.$client.prepare('insert into notes (body) values (?) returning id').get('returning');
    assert.equal(count(), 3, 'a statement with RETURNING, run with get()');
    db.$client.exec("insert into notes (body) values ('exec')");
    assert.equal(count(), 4, 'exec');
    db.$client.transaction(() => {
      db.run(sql`insert into notes (body) values ('in a transaction')`);
      assert.equal(count(), 5, 'inside the transaction, its own write');
    })();
    assert.equal(count(), 5, 'after it');
    assert.throws(() =>
      db.$client.transaction(() => {
        db.run(sql`insert into notes (body) values ('rolled back')`);
        throw new Error('rolled back');
      })(),
    );
    assert.equal(count(), 5, 'a rolled back write is not seen');
    db.$client.close();
  });
});
