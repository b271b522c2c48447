import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { accounts } from '../../server/db/schema.ts';
import { createAccount } from '../../server/services/accounts.ts';
import { InputError } from '../../server/services/errors.ts';
import { errorOf, okJson, testApp, type TestApp } from './helpers.ts';

describe('who reaches which account', () => {
  let t: TestApp;
  const as: Record<string, Record<string, string>> = {};
  before(async () => {
    t = await testApp();
    for (const who of ['solo', 'hq', 'east', 'staff']) as[who] = (await t.login(`${who}@example.com`)).bearer;
  });
  const get = (who: string, path: string) => t.request(path, { headers: as[who] });
  const api = (who: string) => t.api(as[who]);
  const accountOf = (who: string, number: string) => api(who).accounts[':number'].$get({ param: { number } });

  test('/me lists the accounts a user reaches, each with its number and name', async () => {
    const solo = await okJson(api('solo').me.$get());
    assert.deepEqual(solo.accounts.map((a) => [a.number, a.name]), [['C100001', 'Solo Dental']]);
    assert.equal(solo.canSearchAccounts, false);
    const hq = await okJson(api('hq').me.$get());
    assert.deepEqual(hq.accounts.map((a) => a.number), ['C200000', 'C200001', 'C200002'], 'a head office reaches its sub-accounts');
    const east = await okJson(api('east').me.$get());
    assert.deepEqual(east.accounts.map((a) => a.number), ['C200001'], 'a location does not reach its head office');
  });

  test('a customer reads their own account: number, name, billing address, representative, currency', async () => {
    const body = await okJson(accountOf('solo', 'C100001'));
    assert.deepEqual(Object.keys(body).sort(), ['billingAddress', 'currency', 'headOffice', 'name', 'number', 'representative', 'subAccounts']);
    assert.deepEqual([body.number, body.name, body.billingAddress.line1, body.currency], ['C100001', 'Solo Dental', '1 Main St', 'USD']);
  });

  test("another customer's account answers 404, exactly like one that does not exist", async () => {
    const foreign = await get('solo', '/accounts/C200000');
    const missing = await get('solo', '/accounts/C999999');
    assert.equal(foreign.status, 404);
    assert.equal(missing.status, 404);
    assert.deepEqual(await errorOf(foreign), await errorOf(missing));
  });

  test('a head office reaches its sub-accounts, which name it; the account lists them', async () => {
    const sub = await okJson(accountOf('hq', 'C200001'));
    assert.deepEqual(sub.headOffice?.number, 'C200000');
    const head = await okJson(accountOf('hq', 'C200000'));
    assert.deepEqual(head.subAccounts.map((s) => s.number), ['C200001', 'C200002']);
  });

  test('a sub-account user reaches neither the head office nor a sibling', async () => {
    assert.equal((await get('east', '/accounts/C200000')).status, 404);
    assert.equal((await get('east', '/accounts/C200002')).status, 404);
    assert.equal((await get('east', '/accounts/C200001')).status, 200);
  });

  test('staff reach any account and search them all; customers search only their own', async () => {
    assert.equal((await get('staff', '/accounts/C100001')).status, 200);
    const found = await okJson(api('staff').accounts.$get({ query: { q: 'head' } }));
    assert.deepEqual(found.accounts.map((a) => a.number), ['C200000', 'C200001', 'C200002']);
    const mine = await okJson(api('solo').accounts.$get({ query: { q: 'head' } }));
    assert.deepEqual(mine.accounts, []);
  });

  test('nobody signed in: 401 on every account route', async () => {
    for (const path of ['/me', '/accounts', '/accounts/C100001']) {
      const res = await t.request(path);
      assert.equal(res.status, 401, path);
      assert.equal((await errorOf(res)).code, 'UNAUTHENTICATED');
    }
  });

  test('every account resource answers alike: 401 signed out before its input is read, 400 naming a malformed number, 404 for an account out of reach exactly as for a missing one', async () => {
    const resources: [string, string][] = [
      ['GET', ''], ['GET', '/summary'], ['GET', '/invoices'], ['GET', '/invoices/1'], ['GET', '/invoices/1/pdf'],
      ['GET', '/payments'], ['POST', '/payments'], ['PUT', '/autopay'], ['DELETE', '/autopay'],
      ['GET', '/tickets'], ['POST', '/tickets'], ['GET', '/tickets/1'], ['POST', '/tickets/1/messages'], ['PATCH', '/tickets/1'],
      ['GET', '/tickets/1/attachments/1'], ['GET', '/ticket-subscribers'],
    ];
    const send = (who: string | null, method: string, path: string) =>
      // A body that fails every schema: the account is settled before it is read.
      t.request(path, { method, headers: who ? as[who] : {}, ...(method === 'GET' ? {} : { json: { nonsense: true } }) });
    for (const [method, rest] of resources) {
      const what = `${method} /accounts/{number}${rest}`;
      const signedOut = await send(null, method, `/accounts/C100001${rest}`);
      assert.deepEqual([signedOut.status, (await errorOf(signedOut)).code], [401, 'UNAUTHENTICATED'], what);
      const malformed = await errorOf(await send('solo', method, `/accounts/C1%20OR%201${rest}`));
      assert.deepEqual([malformed.code, malformed.issues?.map((i) => i.path)], ['VALIDATION', ['number']], what);
      const foreign = await send('solo', method, `/accounts/C200000${rest}`);
      const missing = await send('solo', method, `/accounts/C999999${rest}`);
      assert.deepEqual([foreign.status, missing.status], [404, 404], what);
      assert.deepEqual(await errorOf(foreign), await errorOf(missing), what);
    }
  });

  test('bad input gets a clear 4xx in the error shape, never a 500', async () => {
    const cases: [string, Response, number, string][] = [
      ['limit=abc', await get('staff', '/accounts?limit=abc'), 400, 'VALIDATION'],
      ['limit=0', await get('staff', '/accounts?limit=0'), 400, 'VALIDATION'],
      ['a long query', await get('staff', `/accounts?q=${'x'.repeat(101)}`), 400, 'VALIDATION'],
      ['an odd account number', await get('solo', '/accounts/C1%27%20or%201=1'), 400, 'VALIDATION'],
      ['invalid JSON', await t.request('/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"email":' }), 400, 'VALIDATION'],
      ['a form post', await t.request('/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'email=a' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['no fields', await t.request('/auth/login', { method: 'POST', json: {} }), 400, 'VALIDATION'],
      ['not an email', await t.request('/auth/password/forgot', { method: 'POST', json: { email: 'not-an-email' } }), 400, 'VALIDATION'],
      ['an array body', await t.request('/auth/activate', { method: 'POST', json: [1, 2] }), 400, 'VALIDATION'],
      ['an unknown route', await t.request('/nope'), 404, 'NOT_FOUND'],
    ];
    for (const [name, res, status, code] of cases) {
      assert.equal(res.status, status, name);
      assert.equal((await errorOf(res)).code, code, name);
    }
    const missing = await errorOf(await t.request('/auth/login', { method: 'POST', json: { email: 'solo@example.com' } }));
    assert.deepEqual(missing.issues?.map((i) => i.path), ['password'], 'the missing field is named');
  });

  test('the OpenAPI document describes the API', async () => {
    const res = await t.request('/openapi.json');
    assert.equal(res.status, 200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    assert.match(doc.openapi, /^3\.1/);
    for (const path of ['/auth/login', '/auth/logout', '/me', '/accounts/{number}']) assert.ok(path in doc.paths, path);
  });
});

describe('reach and search at depth', () => {
  test('a head office reaches sub-accounts at any depth, a location what is below it; a search takes % and _ as text and stops at its limit', async () => {
    const t = await testApp();
    const address = { addressLine1: '1 Main St', city: 'Reno', region: 'NV', postalCode: '89501' };
    const floor = t.db.insert(accounts).values({ number: 'C200011', name: 'East 100% Floor_2', parentId: t.ids.east, ...address }).returning().get();
    t.db.insert(accounts).values({ number: 'C200111', name: 'Eastern desk', parentId: floor.id, ...address }).run();
    const as = async (who: string) => t.api((await t.login(`${who}@example.com`)).bearer);
    const [hq, east, solo, staff] = [await as('hq'), await as('east'), await as('solo'), await as('staff')];
    const numbers = (reply: { accounts: { number: string }[] }) => reply.accounts.map((a) => a.number);

    assert.deepEqual(numbers(await okJson(hq.me.$get())), ['C200000', 'C200001', 'C200002', 'C200011', 'C200111']);
    assert.deepEqual(numbers(await okJson(east.me.$get())), ['C200001', 'C200011', 'C200111']);
    assert.equal((await east.accounts[':number'].$get({ param: { number: 'C200111' } })).status, 200, 'two levels down');
    assert.equal((await solo.accounts[':number'].$get({ param: { number: 'C200111' } })).status, 404);

    assert.deepEqual(numbers(await okJson(staff.accounts.$get({ query: { q: '100%' } }))), ['C200011'], '% is a character (C100001 has 100 in it)');
    assert.deepEqual(numbers(await okJson(staff.accounts.$get({ query: { q: 'r_' } }))), ['C200011'], '_ is a character (Eastern has rn)');
    assert.deepEqual(numbers(await okJson(solo.accounts.$get({ query: { q: 'east' } }))), [], 'only what one reaches');
    assert.deepEqual(numbers(await okJson(staff.accounts.$get({ query: { q: 'east', limit: '2' } }))), ['C200001', 'C200011']);
    assert.deepEqual(numbers(await okJson(staff.accounts.$get({ query: { q: ' c2001 ' } }))), ['C200111'], 'numbers too, trimmed, any case');
  });
});

describe('opening an account', () => {
  const place = { name: 'Lakeside Co', addressLine1: '1 Main St', city: 'Toronto', region: 'ON', postalCode: 'M5V 2T6', country: 'CA' };

  test("a sub-account bills in its head office's currency: taken when none is given, another refused with nothing written", async () => {
    const t = await testApp();
    assert.equal(createAccount(t.db, { ...place, number: 'C900000', currency: 'cad' }).currency, 'CAD');
    assert.equal(createAccount(t.db, { ...place, number: 'C900001', parentNumber: 'C900000' }).currency, 'CAD', "the head office's, not USD");
    assert.equal(createAccount(t.db, { ...place, number: 'C900002', parentNumber: 'C900000', currency: 'CAD' }).currency, 'CAD');
    assert.throws(
      () => createAccount(t.db, { ...place, number: 'C900003', parentNumber: 'C900000', currency: 'USD' }),
      (err: Error) => err instanceof InputError && /head office C900000 bills in CAD/.test(err.message),
    );
    assert.equal(t.db.$client.prepare("select count(*) from accounts where number = 'C900003'").pluck().get(), 0);
    assert.equal(createAccount(t.db, { ...place, number: 'C900004' }).currency, 'USD', 'an account of its own: US dollars unless told');
  });
});
