import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog, oneTimeTokens, sessions, users } from '../../server/db/schema.ts';
import { errorOf, PASSWORD, RESELLER, testApp, tokenFromLink, type TestApp } from './helpers.ts';

const MINUTE = 60_000;
const me = (t: TestApp, headers: HeadersInit) => t.request('/me', { headers });
const actions = (t: TestApp) => t.db.select({ action: auditLog.action }).from(auditLog).all().map((r) => r.action);

describe('sign-in', () => {
  test('a right password signs in: a bearer token, and an HttpOnly SameSite=Lax session cookie', async () => {
    const t = await testApp();
    const res = await t.request('/auth/login', { method: 'POST', json: { email: ' Solo@Example.COM ', password: PASSWORD } });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { token: string; user: Record<string, string> };
    assert.deepEqual(Object.keys(body.user).sort(), ['email', 'id', 'name', 'role']);
    assert.equal(body.user.email, 'solo@example.com');
    const cookie = res.headers.get('set-cookie')!;
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.doesNotMatch(cookie, /Max-Age|Expires/i, 'a browser-session cookie: gone when the browser closes');
    assert.doesNotMatch(cookie, /Secure/i, 'not Secure over plain http');
    assert.ok(actions(t).includes('login.success'));
  });

  test('the cookie is Secure when the portal is served over https', async () => {
    const t = await testApp({ PUBLIC_URL: 'https://portal.example.com' });
    const res = await t.request('/auth/login', { method: 'POST', json: { email: 'solo@example.com', password: PASSWORD }, headers: { Origin: 'https://portal.example.com' } });
    assert.match(res.headers.get('set-cookie')!, /Secure/);
  });

  test('a wrong password and an unknown email get the same 401, which names neither', async () => {
    const t = await testApp();
    const wrong = await t.request('/auth/login', { method: 'POST', json: { email: 'solo@example.com', password: 'not-the-password' } });
    const unknown = await t.request('/auth/login', { method: 'POST', json: { email: 'nobody@example.com', password: 'not-the-password' } });
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    const [a, b] = [await errorOf(wrong), await errorOf(unknown)];
    assert.deepEqual(a, b);
    assert.equal(a.code, 'INVALID_CREDENTIALS');
    assert.equal(a.message, 'The email or password you entered is incorrect.');
    assert.equal(wrong.headers.get('set-cookie'), null);
    assert.ok(actions(t).includes('login.failure'));
  });

  test('the bearer token and the cookie both reach /me; nothing else does', async () => {
    const t = await testApp();
    const { bearer, cookie } = await t.login('solo@example.com');
    assert.equal((await me(t, bearer)).status, 200);
    assert.equal((await me(t, { Cookie: cookie })).status, 200);
    assert.equal((await me(t, {})).status, 401);
    assert.equal((await me(t, { Authorization: 'Bearer not-a-token' })).status, 401);
    assert.equal((await errorOf(await me(t, {}))).code, 'UNAUTHENTICATED');
  });

  test('sessions are stored hashed: the database holds no usable token', async () => {
    const t = await testApp();
    const { token } = await t.login('solo@example.com');
    const stored = t.db.select().from(sessions).all();
    assert.equal(stored.length, 1);
    assert.ok(!JSON.stringify(stored).includes(token));
    assert.equal((await me(t, { Authorization: `Bearer ${stored[0]!.id}` })).status, 401, 'the stored id is not a token');
  });

  test('a write riding on the cookie needs an allowed Origin; other sites are refused', async () => {
    const t = await testApp();
    const { cookie } = await t.login('solo@example.com');
    const logout = (origin?: string) => {
      const headers: Record<string, string> = { Cookie: cookie };
      if (origin) headers.Origin = origin;
      return t.app.request('/api/v1/auth/logout', { method: 'POST', headers });
    };
    assert.equal((await logout()).status, 401, 'no Origin: the cookie does not count');
    assert.equal((await logout('https://evil.example.net')).status, 403);
    assert.equal((await me(t, { Cookie: cookie })).status, 200, 'still signed in');
    assert.equal((await logout(RESELLER)).status, 204, 'an allowed origin may');
    assert.equal((await me(t, { Cookie: cookie })).status, 401);
  });

  test('CORS answers allowed origins only', async () => {
    const t = await testApp();
    const preflight = (origin: string) =>
      t.app.request('/api/v1/auth/login', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
    const allowed = await preflight(RESELLER);
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('access-control-allow-origin'), RESELLER);
    assert.equal(allowed.headers.get('access-control-allow-methods'), 'GET,POST,PUT,PATCH,DELETE');
    assert.equal(allowed.headers.get('access-control-allow-headers'), 'Content-Type,Authorization,Idempotency-Key');
    assert.equal(allowed.headers.get('access-control-max-age'), '600');
    assert.equal((await preflight('https://evil.example.net')).headers.get('access-control-allow-origin'), null);

    // The replies themselves, answers and errors alike, so a reseller's page can read both.
    const { bearer } = await t.login('solo@example.com');
    for (const [headers, status] of [[bearer, 200], [{}, 401]] as const) {
      const reply = await me(t, { ...headers, Origin: RESELLER });
      assert.equal(reply.status, status);
      assert.equal(reply.headers.get('access-control-allow-origin'), RESELLER);
      assert.equal(reply.headers.get('access-control-expose-headers'), 'Retry-After');
      assert.match(reply.headers.get('vary') ?? '', /Origin/);
      assert.equal(reply.headers.get('cache-control'), 'no-store');
      assert.equal(reply.headers.get('content-type'), 'application/json');
      const foreign = await me(t, { ...headers, Origin: 'https://evil.example.net' });
      assert.equal(foreign.headers.get('access-control-allow-origin'), null);
      assert.match(foreign.headers.get('vary') ?? '', /Origin/);
    }
  });

  test('logout ends the session and is audited', async () => {
    const t = await testApp();
    const { bearer } = await t.login('solo@example.com');
    assert.equal((await t.request('/auth/logout', { method: 'POST', headers: bearer })).status, 204);
    assert.equal((await me(t, bearer)).status, 401);
    assert.ok(actions(t).includes('logout'));
  });

  test('sessions expire when idle, and absolutely however busy', async () => {
    const t = await testApp({ SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '2' });
    const idle = await t.login('solo@example.com');
    t.clock.now += 29 * MINUTE;
    assert.equal((await me(t, idle.bearer)).status, 200, 'used within 30 minutes');
    t.clock.now += 31 * MINUTE;
    assert.equal((await me(t, idle.bearer)).status, 401, 'idle for 31 minutes');

    const busy = await t.login('solo@example.com');
    for (let i = 0; i < 4; i++) {
      t.clock.now += 25 * MINUTE;
      assert.equal((await me(t, busy.bearer)).status, 200, 'used every 25 minutes, for 100 minutes');
    }
    t.clock.now += 25 * MINUTE; // 125 minutes since sign-in
    assert.equal((await me(t, busy.bearer)).status, 401, 'past the 2-hour limit');
  });

  test('the hourly sweep deletes expired sessions and keeps live ones', async () => {
    const t = await testApp();
    const gone = await t.login('solo@example.com');
    const live = await t.login('hq@example.com');
    const ids = () => t.db.select({ id: sessions.id, userId: sessions.userId }).from(sessions).all();
    const goneId = ids().find((s) => s.userId === 'u_solo')!.id;
    t.db.update(sessions).set({ expiresAt: Math.floor(Date.now() / 1000) - 1 }).where(eq(sessions.id, goneId)).run();
    await t.deps.auth.sessions.deleteExpired();
    assert.deepEqual(ids().map((s) => s.userId), ['u_hq']);
    assert.equal((await me(t, live.bearer)).status, 200);
    assert.equal((await me(t, gone.bearer)).status, 401);
  });

  test('the idle timeout runs from the last use, not from a deadline moved only now and then', async () => {
    const t = await testApp({ SESSION_IDLE_MINUTES: '30' });
    const { bearer } = await t.login('solo@example.com');
    t.clock.now += 14 * MINUTE;
    assert.equal((await me(t, bearer)).status, 200);
    t.clock.now += 29 * MINUTE; // 43 minutes since sign-in, 29 since the last use
    assert.equal((await me(t, bearer)).status, 200, 'used 29 minutes ago');
    t.clock.now += 30 * MINUTE + 1000;
    assert.equal((await me(t, bearer)).status, 401, 'unused for 30 minutes');
  });

  test('a busy session writes its idle deadline at most once a minute, and still ends on time', async () => {
    const t = await testApp({ SESSION_IDLE_MINUTES: '30' });
    const { bearer } = await t.login('solo@example.com');
    const deadline = () => t.db.select({ expiresAt: sessions.expiresAt }).from(sessions).get()!.expiresAt * 1000;
    const signedInAt = t.clock.now;
    assert.equal(deadline(), Math.floor((signedInAt + 30 * MINUTE) / 1000) * 1000);
    for (let i = 0; i < 5; i++) {
      t.clock.now += 10_000;
      assert.equal((await me(t, bearer)).status, 200);
    }
    assert.equal(deadline(), Math.floor((signedInAt + 30 * MINUTE) / 1000) * 1000, 'five requests in 50 s: not written');
    t.clock.now += 10_000;
    assert.equal((await me(t, bearer)).status, 200);
    const usedAt = t.clock.now;
    assert.equal(deadline(), Math.floor((usedAt + 30 * MINUTE) / 1000) * 1000, 'a minute on: written');
    t.clock.now += 59_000;
    assert.equal((await me(t, bearer)).status, 200);
    assert.equal(deadline(), Math.floor((usedAt + 30 * MINUTE) / 1000) * 1000, '59 s on: not written');
    // The last use wrote nothing: the session ends 30 minutes after the use before it, 29 minutes after the last.
    t.clock.now = usedAt + 30 * MINUTE;
    assert.equal((await me(t, bearer)).status, 401);
  });
});

describe('throttling', () => {
  test('repeated failures on one email slow it down, then lock it, even for the right password', async () => {
    const t = await testApp();
    const attempt = (password: string) => t.request('/auth/login', { method: 'POST', json: { email: 'solo@example.com', password } });
    for (let i = 0; i < 10; i++) {
      assert.equal((await attempt('wrong-password-' + i)).status, 401);
      t.clock.now += MINUTE; // past each growing delay, inside the 15-minute window
    }
    const locked = await attempt(PASSWORD);
    assert.equal(locked.status, 429);
    assert.match((await errorOf(locked)).message, /try again in \d+ minutes/i);
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    assert.ok(actions(t).includes('login.throttled'));
    t.clock.now += 16 * MINUTE;
    assert.equal((await attempt(PASSWORD)).status, 200, 'the lock ends');
  });

  test('a client address failing across many emails is slowed, by X-Forwarded-For behind a trusted proxy', async () => {
    const t = await testApp({ TRUST_PROXY: 'true' });
    const from = (ip: string, email: string, password: string) =>
      t.request('/auth/login', { method: 'POST', json: { email, password }, headers: { 'X-Forwarded-For': `10.0.0.1, ${ip}` } });
    const [hash] = t.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, 'u_solo')).all();
    for (let i = 0; i < 3; i++) t.db.insert(users).values({ id: `u_x${i}`, email: `x${i}@example.com`, name: 'X', role: 'customer', passwordHash: hash!.h }).run();
    const emails = ['solo@example.com', 'hq@example.com', 'east@example.com', 'staff@example.com', 'x0@example.com', 'x1@example.com', 'x2@example.com'];
    // 20 failures from one address, no more than 3 for any email (each stays under its own limit).
    const attempts = emails.flatMap((email) => [email, email, email]).slice(0, 20);
    for (const email of attempts) assert.equal((await from('203.0.113.9', email, 'wrong-password')).status, 401);
    assert.equal((await from('203.0.113.9', 'solo@example.com', PASSWORD)).status, 429, 'the address is slowed down');
    assert.equal((await from('198.51.100.7', 'solo@example.com', PASSWORD)).status, 200, 'another address is not held up');
  });

  test('guesses sent all at once are counted as they arrive: of 40 at one email no more than its limit of 10 are checked', async () => {
    const t = await testApp();
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) => t.request('/auth/login', { method: 'POST', json: { email: 'solo@example.com', password: `wrong-password-${i}` } })),
    );
    const checked = replies.filter((r) => r.status === 401).length;
    assert.ok(checked >= 1 && checked <= 10, `${checked} of 40 simultaneous guesses were checked`);
    assert.equal(replies.filter((r) => r.status === 429).length, 40 - checked, 'the others are refused unchecked');
    assert.equal(actions(t).filter((a) => a === 'login.failure').length, checked);
    assert.equal((await t.request('/auth/login', { method: 'POST', json: { email: 'solo@example.com', password: PASSWORD } })).status, 429, 'the right password waits too');
  });

  test('of 60 guesses at once from one address (across 60 emails) no more than its limit of 50 are checked', async () => {
    const t = await testApp({ TRUST_PROXY: 'true' });
    const [hash] = t.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, 'u_solo')).all();
    for (let i = 0; i < 60; i++) t.db.insert(users).values({ id: `u_g${i}`, email: `g${i}@example.com`, name: 'G', role: 'customer', passwordHash: hash!.h }).run();
    const replies = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        t.request('/auth/login', { method: 'POST', json: { email: `g${i}@example.com`, password: 'wrong-password' }, headers: { 'X-Forwarded-For': '203.0.113.9' } }),
      ),
    );
    const checked = replies.filter((r) => r.status === 401).length;
    assert.ok(checked >= 1 && checked <= 50, `${checked} of 60 simultaneous guesses were checked`);
    assert.equal(replies.filter((r) => r.status === 429).length, 60 - checked);
  });

  test('a right password does not count against its address: a shared office address signs in all day', async () => {
    const t = await testApp({ TRUST_PROXY: 'true' });
    for (let i = 0; i < 60; i++) {
      const res = await t.request('/auth/login', { method: 'POST', json: { email: 'solo@example.com', password: PASSWORD }, headers: { 'X-Forwarded-For': '203.0.113.9' } });
      assert.equal(res.status, 200);
    }
  });

  test('the current password of a password change is throttled like sign-in, guesses at once included', async () => {
    const t = await testApp();
    const { bearer } = await t.login('solo@example.com');
    const change = (currentPassword: string) =>
      t.request('/auth/password/change', { method: 'POST', headers: bearer, json: { currentPassword, newPassword: 'changed-password-99' } });
    const inARow: number[] = [];
    for (let i = 0; i < 15; i++) inARow.push((await change(`wrong-current-${i}`)).status);
    assert.deepEqual(inARow.slice(0, 5), [400, 400, 400, 400, 400]);
    assert.ok(inARow.slice(5).every((s) => s === 429), `slowed after five: ${inARow.join(' ')}`);
    const held = await change(PASSWORD);
    assert.equal(held.status, 429);
    assert.equal((await errorOf(held)).code, 'THROTTLED');
    assert.ok(Number(held.headers.get('retry-after')) > 0);
    assert.ok(actions(t).includes('password.change_failure'));

    t.clock.now += 16 * MINUTE;
    const atOnce = await Promise.all(Array.from({ length: 30 }, (_, i) => change(`wrong-again-${i}`)));
    const checked = atOnce.filter((r) => r.status === 400).length;
    assert.ok(checked >= 1 && checked <= 10, `${checked} of 30 simultaneous guesses were checked`);
    t.clock.now += 16 * MINUTE;
    assert.equal((await change(PASSWORD)).status, 204, 'after the wait the right password works');
  });

  test('without a trusted proxy, X-Forwarded-For is ignored', async () => {
    const t = await testApp();
    for (let i = 0; i < 4; i++) {
      const res = await t.request('/auth/login', { method: 'POST', json: { email: 'hq@example.com', password: 'wrong' }, headers: { 'X-Forwarded-For': '203.0.113.9' } });
      assert.equal(res.status, 401);
    }
    assert.equal(t.db.select().from(auditLog).where(eq(auditLog.action, 'login.failure')).all().filter((r) => r.ip === '203.0.113.9').length, 0);
  });
});

describe('activation and reset links', () => {
  test('an invitation link sets the password once, signs in, and then no longer works', async () => {
    const t = await testApp();
    const { request } = t;
    const token = tokenFromLink(t.invite());
    await t.idle();
    assert.equal(t.mailer.sent.at(-1)?.to, 'new.person@example.com', 'the link is mailed');
    assert.ok(!JSON.stringify(t.db.select().from(oneTimeTokens).all()).includes(token), 'stored hashed');
    const first = await request('/auth/activate', { method: 'POST', json: { token, password: 'my-new-password-123' } });
    assert.equal(first.status, 200);
    assert.ok(((await first.json()) as { token: string }).token);
    const again = await request('/auth/activate', { method: 'POST', json: { token, password: 'another-password-456' } });
    assert.equal(again.status, 400);
    assert.equal((await errorOf(again)).code, 'TOKEN_INVALID');
    assert.equal((await request('/auth/login', { method: 'POST', json: { email: 'new.person@example.com', password: 'my-new-password-123' } })).status, 200);
  });

  test('an invitation link expires after ACTIVATION_TTL_HOURS', async () => {
    const t = await testApp({ ACTIVATION_TTL_HOURS: '72' });
    const token = tokenFromLink(t.invite());
    t.clock.now += 73 * 60 * MINUTE;
    const res = await t.request('/auth/activate', { method: 'POST', json: { token, password: 'my-new-password-123' } });
    assert.equal(res.status, 400);
    assert.match((await errorOf(res)).message, /expired/);
  });

  test('a password under 12 characters is refused and the link still works', async () => {
    const t = await testApp();
    const token = tokenFromLink(t.invite());
    const short = await t.request('/auth/activate', { method: 'POST', json: { token, password: 'short-pw' } });
    assert.equal(short.status, 400);
    const error = await errorOf(short);
    assert.equal(error.code, 'VALIDATION');
    assert.equal(error.issues?.[0]?.path, 'password');
    assert.equal((await t.request('/auth/activate', { method: 'POST', json: { token, password: 'long-enough-password' } })).status, 200);
  });

  test('"forgot password" answers the same for any email and mails only a real user', async () => {
    const t = await testApp();
    const ask = (email: string) => t.request('/auth/password/forgot', { method: 'POST', json: { email } });
    const known = await ask('solo@example.com');
    const unknown = await ask('nobody@example.com');
    assert.equal(known.status, 202);
    assert.equal(unknown.status, 202);
    assert.deepEqual(await known.json(), await unknown.json());
    await t.idle();
    assert.deepEqual(t.mailer.sent.map((m) => m.to), ['solo@example.com']);
  });

  test('no more than three reset mails an hour for one user', async () => {
    const t = await testApp();
    for (let i = 0; i < 5; i++) await t.request('/auth/password/forgot', { method: 'POST', json: { email: 'solo@example.com' } });
    await t.idle();
    assert.equal(t.mailer.sent.length, 3);
  });

  test('a reset link works once, within its time, and ends every other session', async () => {
    const t = await testApp({ RESET_TTL_MINUTES: '60' });
    const other = await t.login('solo@example.com');
    await t.request('/auth/password/forgot', { method: 'POST', json: { email: 'solo@example.com' } });
    await t.idle();
    const token = tokenFromLink(t.mailer.sent.at(-1)!.link);
    const res = await t.request('/auth/password/reset', { method: 'POST', json: { token, password: 'brand-new-password-1' } });
    assert.equal(res.status, 200);
    assert.equal((await me(t, other.bearer)).status, 401, 'the old session ended');
    assert.equal((await t.request('/auth/password/reset', { method: 'POST', json: { token, password: 'brand-new-password-2' } })).status, 400);
    assert.equal((await t.request('/auth/login', { method: 'POST', json: { email: 'solo@example.com', password: PASSWORD } })).status, 401, 'the old password is gone');
    assert.ok(actions(t).includes('password.changed') || actions(t).some((a) => a.startsWith('password.')));

    await t.request('/auth/password/forgot', { method: 'POST', json: { email: 'solo@example.com' } });
    await t.idle();
    const late = tokenFromLink(t.mailer.sent.at(-1)!.link);
    t.clock.now += 61 * MINUTE;
    assert.equal((await t.request('/auth/password/reset', { method: 'POST', json: { token: late, password: 'brand-new-password-3' } })).status, 400, 'expired');
  });

  test('changing the password needs the current one', async () => {
    const t = await testApp();
    const { bearer } = await t.login('solo@example.com');
    const change = (currentPassword: string) =>
      t.request('/auth/password/change', { method: 'POST', headers: bearer, json: { currentPassword, newPassword: 'changed-password-99' } });
    assert.equal((await change('wrong-current-password')).status, 400);
    assert.equal((await change(PASSWORD)).status, 204);
    assert.equal((await t.request('/auth/login', { method: 'POST', json: { email: 'solo@example.com', password: 'changed-password-99' } })).status, 200);
  });
});

