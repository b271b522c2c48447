import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PORTAL_SESSION_TTL_MS } from '../../server/auth/portal-sessions.ts';
import { rotateResellerKey } from '../../server/services/resellers/resellers.ts';
import { errorOf, okJson, testApp, type TestApp } from './helpers.ts';
import { ACME_SITE, addReseller, askSession, auditRows, exchange, withKey } from './reseller-fixture.ts';

/**
 * Reseller sign-in: a reseller's server asks POST /portal-sessions for its customer with its API
 * key, and the element on its page exchanges the token (POST /auth/portal-session) for a session.
 * Acme sells to head office C200000, so to its locations C200001 and C200002 too; C100001 is the
 * provider's own customer.
 */

async function acmeApp() {
  const t = await testApp();
  const { key } = addReseller(t);
  return { t, key };
}

/** A portal-session token for a customer of Acme, through the typed client. */
const tokenFor = async (t: TestApp, key: string, account: string, email: string) =>
  okJson(t.api({ ...withKey(key), Origin: '' })['portal-sessions'].$post({ json: { account, email } }));

const exchanged = (t: TestApp, token: string) => okJson(t.api({ Origin: ACME_SITE }).auth['portal-session'].$post({ json: { token } }));

describe('POST /portal-sessions: who may ask', () => {
  test('no key, a wrong key, a session token or a malformed key is 401, before the body is read', async () => {
    const { t, key } = await acmeApp();
    const { token: sessionToken } = await t.login('hq@example.com');
    const body = { account: 'C200000', email: 'hq@example.com' };
    const wrongSecret = key.slice(0, -4) + (key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const attempts: Record<string, string>[] = [{}, withKey(wrongSecret), withKey('bpr_99_' + key.split('_').at(-1)), withKey(sessionToken), withKey('not-a-key'), { 'X-Api-Key': key }];
    for (const headers of attempts) {
      const res = await askSession(t, headers, body);
      assert.equal(res.status, 401, JSON.stringify(headers));
      assert.equal((await errorOf(res)).code, 'UNAUTHENTICATED');
    }
    assert.equal((await askSession(t, {}, { account: '', email: 'nope' })).status, 401, 'no key: the bad body is not even read');
    assert.equal(t.db.$client.prepare("select count(*) from one_time_tokens where purpose = 'portal_session'").pluck().get(), 0, 'no token was made');
  });

  test('with its key, a reseller signs in a user of an account it sells to, or of a sub-account, or its head office’s user on a sub-account', async () => {
    const { t, key } = await acmeApp();
    for (const [account, email] of [['C200000', 'hq@example.com'], ['C200001', 'east@example.com'], ['C200001', 'hq@example.com'], ['C200002', 'hq@example.com']] as const) {
      const reply = await tokenFor(t, key, account, email);
      assert.match(reply.token, /^[\w-]{43}$/, `${account} ${email}`);
      assert.equal(reply.expiresAt, new Date(t.clock.now + PORTAL_SESSION_TTL_MS).toISOString(), 'valid two minutes');
    }
    const res = await askSession(t, withKey(key), { account: 'c200001', email: ' EAST@example.com ' });
    assert.equal(res.status, 201, 'account numbers and emails are read as the sign-in form reads them');
  });

  test('an account it does not sell to, a user who does not reach it, staff, or nobody: the same 404 as a missing account', async () => {
    const { t, key } = await acmeApp();
    const missing = await askSession(t, withKey(key), { account: 'C999999', email: 'hq@example.com' });
    assert.equal(missing.status, 404);
    const expected = await missing.json();
    for (const [account, email, why] of [
      ['C100001', 'solo@example.com', "the provider's own customer"],
      ['C200000', 'east@example.com', 'a location’s user does not reach its head office'],
      ['C200002', 'east@example.com', 'nor another location'],
      ['C200000', 'nobody@example.com', 'no such user'],
      ['C200000', 'staff@example.com', 'staff reach every account, but a reseller never signs them in'],
    ] as const) {
      const res = await askSession(t, withKey(key), { account, email });
      assert.equal(res.status, 404, why);
      assert.deepEqual(await res.json(), expected, `${why}: not a word more than for a missing account`);
    }
    assert.equal(t.db.$client.prepare("select count(*) from one_time_tokens where purpose = 'portal_session'").pluck().get(), 0);
    const reasons = auditRows(t, 'portal_session.denied').map((r) => r.detail!.reason);
    assert.deepEqual(reasons, ['no such account', 'not sold by this reseller', 'not a user of the account', 'not a user of the account', 'not a user of the account', 'not a user of the account'], 'the audit log says which it was');
  });

  test('a sub-account sold to another reseller is that reseller’s, not the head office’s', async () => {
    const { t, key } = await acmeApp();
    const other = addReseller(t, { name: 'Other', slug: 'other', origins: ['https://other.example'], accounts: ['C200002'] });
    assert.equal((await askSession(t, withKey(key), { account: 'C200002', email: 'hq@example.com' })).status, 404);
    assert.equal((await askSession(t, withKey(other.key), { account: 'C200002', email: 'hq@example.com' })).status, 201);
    assert.equal((await askSession(t, withKey(other.key), { account: 'C200001', email: 'hq@example.com' })).status, 404);
  });

  test('bad fields are a 400 naming each, once the key is good', async () => {
    const { t, key } = await acmeApp();
    const res = await askSession(t, withKey(key), { account: 'C2 00', email: 'not an email' });
    assert.equal(res.status, 400);
    assert.deepEqual((await errorOf(res)).issues!.map((i) => i.path).sort(), ['account', 'email']);
  });

  test('a rotated key works at once and the old one stops at once', async () => {
    const { t, key } = await acmeApp();
    const body = { account: 'C200000', email: 'hq@example.com' };
    assert.equal((await askSession(t, withKey(key), body)).status, 201);
    const { key: fresh } = rotateResellerKey(t.db, 'acme');
    assert.notEqual(fresh, key);
    assert.equal((await askSession(t, withKey(key), body)).status, 401, 'the old key');
    assert.equal((await askSession(t, withKey(fresh), body)).status, 201, 'the new key');
    const stored = t.db.$client.prepare('select key_hash from resellers').pluck().get() as string;
    assert.ok(!stored.includes(fresh) && /^[0-9a-f]{64}$/.test(stored), 'only the key’s hash is stored');
  });
});

describe('POST /auth/portal-session: the token', () => {
  test('gives an ordinary session once, with the account asked for and the reseller’s brand; no cookie', async () => {
    const { t, key } = await acmeApp();
    const { token } = await tokenFor(t, key, 'C200001', 'hq@example.com');
    const res = await exchange(t, token);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('set-cookie'), null, 'no cookie: the element keeps the bearer token in memory');
    assert.equal(res.headers.get('access-control-allow-origin'), ACME_SITE, 'the reseller’s page may read the reply');
    const reply = (await res.json()) as Awaited<ReturnType<typeof exchanged>>;
    assert.deepEqual(reply.user, { id: 'u_hq', email: 'hq@example.com', name: 'User u_hq', role: 'customer' });
    assert.equal(reply.account, 'C200001');
    assert.equal(reply.brand?.name, 'Acme Telecom');

    const again = await exchange(t, token);
    assert.equal(again.status, 401, 'used twice');
    assert.match((await errorOf(again)).message, /expired or was already used/);
  });

  test('expires two minutes after it is issued', async () => {
    const { t, key } = await acmeApp();
    const first = await tokenFor(t, key, 'C200000', 'hq@example.com');
    const second = await tokenFor(t, key, 'C200000', 'hq@example.com');
    t.clock.now += PORTAL_SESSION_TTL_MS - 1000;
    assert.equal((await exchange(t, first.token)).status, 200, 'a second before the end');
    t.clock.now += 1000;
    assert.equal((await exchange(t, second.token)).status, 401, 'two minutes on');
  });

  test('an unknown or empty token is refused; a bad token from a site that is not allowed is 403 before it is looked at', async () => {
    const { t } = await acmeApp();
    assert.equal((await exchange(t, 'x'.repeat(43))).status, 401);
    assert.equal((await exchange(t, '')).status, 400);
    assert.equal((await exchange(t, 'x'.repeat(43), 'https://elsewhere.example')).status, 403);
  });

  test('the session reaches what its user reaches, no more, and signs out like any other', async () => {
    const { t, key } = await acmeApp();
    const { token } = await exchanged(t, (await tokenFor(t, key, 'C200001', 'east@example.com')).token);
    const bearer = { Authorization: `Bearer ${token}` };
    const me = await okJson(t.api(bearer).me.$get());
    assert.deepEqual(me.accounts.map((a) => a.number), ['C200001']);
    assert.equal(me.brand?.reseller, 'acme');
    assert.equal((await t.request('/accounts/C200001/summary', { headers: bearer })).status, 200);
    for (const other of ['C200000', 'C200002', 'C100001']) assert.equal((await t.request(`/accounts/${other}`, { headers: bearer })).status, 404, other);
    const out = await t.app.request('/api/v1/auth/logout', { method: 'POST', headers: { ...bearer, Origin: ACME_SITE } });
    assert.equal(out.status, 204, 'a write from the reseller’s site passes the Origin check');
    assert.equal((await t.request('/me', { headers: bearer })).status, 401);
  });

  test('every issue, exchange and refusal is in the audit log, with no token in it', async () => {
    const { t, key } = await acmeApp();
    const { token } = await tokenFor(t, key, 'C200001', 'east@example.com');
    await exchanged(t, token);
    await exchange(t, token);
    await askSession(t, withKey(key), { account: 'C100001', email: 'solo@example.com' });
    const rows = auditRows(t, 'portal_session.');
    assert.deepEqual(
      rows.map((r) => [r.action, r.actor, r.accountId]),
      [
        ['portal_session.issued', 'u_east', t.ids.east],
        ['portal_session.exchanged', 'u_east', t.ids.east],
        ['portal_session.refused', null, null],
        ['portal_session.denied', null, t.ids.solo],
      ],
    );
    const resellerId = t.db.$client.prepare("select id from resellers where slug = 'acme'").pluck().get();
    assert.equal(rows[0]!.detail!.resellerId, resellerId);
    assert.ok(!JSON.stringify(rows).includes(token) && !JSON.stringify(rows).includes(key), 'no secret in the log');
  });
});
