import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inviteUser, listUsers, revokeAccess } from '../../server/services/users.ts';
import { InputError } from '../../server/services/errors.ts';
import { PASSWORD, testApp, tokenFromLink, type TestApp } from './helpers.ts';
import { addReseller, askSession, exchange, withKey } from './reseller-fixture.ts';

const account = (t: TestApp, bearer: Record<string, string>, number: string) => t.request(`/accounts/${number}`, { headers: bearer });
const login = (t: TestApp, email: string, password = PASSWORD) => t.request('/auth/login', { method: 'POST', json: { email, password } });

describe('taking a user\'s access away (npm run portal -- revoke-access)', () => {
  test('from one account: that account answers 404 at once, the others still work, the sign-in stays', async () => {
    const t = await testApp();
    const { bearer } = await t.login('hq@example.com');
    inviteUser(t.db, { email: 'hq@example.com', name: 'HQ', account: 'C100001' });
    assert.equal((await account(t, bearer, 'C100001')).status, 200);
    const result = revokeAccess(t.db, { email: 'HQ@example.com', account: 'c100001' }, t.clock.now);
    assert.deepEqual(result, { accounts: ['C100001'], disabled: false, sessions: 0 });
    assert.equal((await account(t, bearer, 'C100001')).status, 404, 'the same session, the very next request');
    assert.equal((await account(t, bearer, 'C200000')).status, 200);
    assert.throws(() => revokeAccess(t.db, { email: 'hq@example.com', account: 'C100001' }, t.clock.now), (e: Error) => e instanceof InputError && /not a user of C100001/.test(e.message));
  });

  test('all of it: sessions end, the password, a reset or an activation link, and a reseller portal session no longer sign in', async () => {
    const t = await testApp();
    const { bearer } = await t.login('solo@example.com');
    await t.request('/auth/password/forgot', { method: 'POST', json: { email: 'solo@example.com' } });
    await t.idle();
    const pendingReset = tokenFromLink(t.mailer.sent.at(-1)!.link);
    const mailsBefore = t.mailer.sent.length;

    const result = revokeAccess(t.db, { email: 'solo@example.com' }, t.clock.now);
    assert.deepEqual(result, { accounts: ['C100001'], disabled: true, sessions: 1 });
    assert.equal((await t.request('/me', { headers: bearer })).status, 401, 'signed out everywhere');
    assert.equal((await login(t, 'solo@example.com')).status, 401);
    assert.equal((await t.request('/auth/password/reset', { method: 'POST', json: { token: pendingReset, password: 'a-brand-new-password' } })).status, 400, 'the reset link sent before is dead');
    await t.request('/auth/password/forgot', { method: 'POST', json: { email: 'solo@example.com' } });
    await t.idle();
    assert.equal(t.mailer.sent.length, mailsBefore, 'no reset mail for a revoked user (the reply is the same as for anyone)');
    assert.deepEqual(listUsers(t.db).find((u) => u.email === 'solo@example.com'), { email: 'solo@example.com', name: 'User u_solo', role: 'customer', status: 'revoked', accounts: [] });

    // Invited again by the provider: a new start, with a new password.
    const again = inviteUser(t.db, { email: 'solo@example.com', name: 'Solo', account: 'C100001' });
    assert.equal(again.needsActivation, true);
    const activation = tokenFromLink(t.deps.auth.sendActivation(again.userId));
    assert.equal((await t.request('/auth/activate', { method: 'POST', json: { token: activation, password: 'a-brand-new-password' } })).status, 200);
    assert.equal((await login(t, 'solo@example.com', 'a-brand-new-password')).status, 200);
  });

  test("a reseller's portal session asked for before the access was taken away no longer signs in", async () => {
    const t = await testApp();
    const { key } = addReseller(t);
    const asked = await askSession(t, withKey(key), { account: 'C200000', email: 'hq@example.com' });
    assert.equal(asked.status, 201);
    const { token } = (await asked.json()) as { token: string };
    revokeAccess(t.db, { email: 'hq@example.com' }, t.clock.now);
    assert.equal((await exchange(t, token)).status, 401);
    assert.equal((await askSession(t, withKey(key), { account: 'C200000', email: 'hq@example.com' })).status, 404, 'nor can a new one be asked for');
  });

  test('staff too: a revoked staff user reaches no account and cannot come back through a reset', async () => {
    const t = await testApp();
    const { bearer } = await t.login('staff@example.com');
    assert.equal((await account(t, bearer, 'C100001')).status, 200);
    assert.deepEqual(revokeAccess(t.db, { email: 'staff@example.com' }, t.clock.now), { accounts: [], disabled: true, sessions: 1 });
    assert.equal((await account(t, bearer, 'C100001')).status, 401);
    await t.request('/auth/password/forgot', { method: 'POST', json: { email: 'staff@example.com' } });
    await t.idle();
    assert.equal(t.mailer.sent.filter((m) => m.to === 'staff@example.com').length, 0);
    assert.throws(() => revokeAccess(t.db, { email: 'nobody@example.com' }, t.clock.now), /No user nobody@example.com/);
  });
});
