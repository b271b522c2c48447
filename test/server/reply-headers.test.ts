import { serve } from '@hono/node-server';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { PAGE_CONTENT_SECURITY_POLICY, PAGE_PERMISSIONS_POLICY } from '../../server/http/page-policies.ts';
import { PORTAL, RESELLER, testApp } from './helpers.ts';

/**
 * Every reply's headers (secure headers; on the API no-store and CORS) are the same whether the
 * app runs under Node's HTTP server, where they go onto Node's reply before the handler runs, or
 * in-process (app.request), where they are set on the web Response afterwards; the pages' are the
 * headers hono's secureHeaders() gives with the pages' policies, the API's an API's own set.
 */

let t: Awaited<ReturnType<typeof testApp>>;
let base: string;
let close: () => void;
let bearer: Record<string, string>;

before(async () => {
  t = await testApp();
  bearer = (await t.login('solo@example.com')).bearer;
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((ready) => server.once('listening', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
after(() => close?.());

/** What the transport adds (Node: Date, Connection, Keep-Alive; a length) is not the app's. */
const TRANSPORT = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
const appHeaders = (res: Response) => Object.fromEntries([...res.headers].filter(([name]) => !TRANSPORT.has(name)).sort());

const cases: [string, string, RequestInit][] = [
  ['GET /me from an allowed origin', '/api/v1/me', { headers: { Origin: RESELLER } }],
  ['GET /me from a foreign origin', '/api/v1/me', { headers: { Origin: 'https://evil.example.net' } }],
  ['GET /me signed out', '/api/v1/me', {}],
  ['the summary', '/api/v1/accounts/C100001/summary', {}],
  ['an account out of reach', '/api/v1/accounts/C200000/summary', { headers: { Origin: RESELLER } }],
  ['an unknown API path', '/api/v1/no-such-route', { headers: { Origin: PORTAL } }],
  ['a preflight', '/api/v1/me', { method: 'OPTIONS', headers: { Origin: RESELLER, 'Access-Control-Request-Method': 'POST' } }],
  ['a JSON body that does not parse', '/api/v1/auth/login', { method: 'POST', headers: { Origin: PORTAL, 'Content-Type': 'application/json' }, body: '{' }],
  ['a sign-out (204)', '/api/v1/auth/logout', { method: 'POST', headers: { Origin: PORTAL } }],
  ['a page outside the API', '/no-such-page', {}],
];

describe('reply headers', () => {
  for (const [what, path, init] of cases) {
    test(`${what}: the same over HTTP as in-process`, async () => {
      const withSession = (i: RequestInit): RequestInit => ({ ...i, headers: { ...bearer, ...(i.headers as Record<string, string>) } });
      const signedOut = what.includes('signed out') || what.includes('sign-out');
      const request = signedOut ? init : withSession(init);
      const overHttp = await fetch(`${base}${path}`, request);
      const inProcess = await t.app.request(path, request);
      assert.equal(overHttp.status, inProcess.status);
      assert.deepEqual(appHeaders(overHttp), appHeaders(inProcess));
    });
  }

  test("pages: the secure headers of hono's secureHeaders with the pages' policies", async () => {
    const probe = new Hono();
    probe.use(secureHeaders({ contentSecurityPolicy: PAGE_CONTENT_SECURITY_POLICY, permissionsPolicy: PAGE_PERMISSIONS_POLICY, crossOriginEmbedderPolicy: false, strictTransportSecurity: false }));
    probe.get('/', (c) => c.text('page'));
    const expected = appHeaders(await probe.request('/'));
    const page = await fetch(`${base}/no-such-page`);
    for (const [name, value] of Object.entries(expected)) if (name !== 'content-type') assert.equal(page.headers.get(name), value, name);
  });

  test('API replies: no-store, CORS for allowed origins only, and the secure headers of an API (nothing loads, frames or sniffs it)', async () => {
    const allowed = await fetch(`${base}/api/v1/me`, { headers: { ...bearer, Origin: RESELLER } });
    assert.deepEqual(appHeaders(allowed), {
      'access-control-allow-origin': RESELLER,
      'access-control-expose-headers': 'Retry-After',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'content-type': 'application/json',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      vary: 'Origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    });
    const foreign = await fetch(`${base}/api/v1/me`, { headers: { ...bearer, Origin: 'https://evil.example.net' } });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    assert.equal(foreign.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
    const summary = await fetch(`${base}/api/v1/accounts/C100001/summary`, { headers: bearer });
    assert.deepEqual(appHeaders(summary), appHeaders(foreign), 'a kept reply (the summary) carries the same');
  });

  test('with an https PUBLIC_URL, replies carry Strict-Transport-Security', async () => {
    const secure = await testApp({ PUBLIC_URL: 'https://portal.example.com' });
    const res = await secure.app.request('/api/v1/me');
    assert.equal(res.headers.get('strict-transport-security'), 'max-age=15552000; includeSubDomains');
    assert.equal((await t.app.request('/api/v1/me')).headers.get('strict-transport-security'), null);
  });
});
