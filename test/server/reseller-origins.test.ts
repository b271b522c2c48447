import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { createApp } from '../../server/app.ts';
import { openDatabase } from '../../server/db/client.ts';
import { loadConfig } from '../../server/env.ts';
import { FAKE_CREDENTIALS } from '../../server/gateway/fake/fake-authorize-net.ts';
import { createMailer } from '../../server/mail/mailer.ts';
import { RESELLER_ORIGINS_TTL_MS } from '../../server/services/resellers/allowed-origins.ts';
import { updateReseller } from '../../server/services/resellers/resellers.ts';
import { readStaticFiles } from '../../server/http/static-files.ts';
import { kitRoutes } from '../../server/site.ts';
import { RESELLER, testApp } from './helpers.ts';
import { ACME_SITE, addReseller } from './reseller-fixture.ts';

/**
 * A reseller's sites (its origins) may do what ALLOWED_ORIGINS may: call the API from the
 * browser (CORS), send writes (the Origin check), frame the card fields and load the kit. They
 * come from the reseller records, so adding or changing a reseller needs no restart.
 */

const cardFrame = { apiLoginId: FAKE_CREDENTIALS.apiLoginId, clientKey: FAKE_CREDENTIALS.clientKey, environment: 'fake' as const };
type Fetcher = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

/** What a browser on `origin` would be allowed, asked of the running app. */
async function allowedTo(app: Fetcher, origin: string, kit?: Fetcher) {
  const preflight = await app.request('/api/v1/auth/portal-session', {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
  });
  const write = await app.request('/api/v1/auth/portal-session', { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: JSON.stringify({ token: 'x'.repeat(43) }) });
  const frame = await app.request(`/card-frame?origin=${encodeURIComponent(origin)}`);
  const ancestors = /frame-ancestors ([^;]+)/.exec(frame.headers.get('content-security-policy') ?? '')?.[1];
  const script = kit ? await kit.request('/lib/billing-portal-kit.js', { headers: { Origin: origin } }) : null;
  return {
    cors: preflight.headers.get('access-control-allow-origin') === origin && /POST/.test(preflight.headers.get('access-control-allow-methods') ?? ''),
    // A refused write is 403; an allowed one reaches the route, which refuses the made-up token (401).
    write: write.status === 403 ? 'refused' : write.status === 401 ? 'passed' : `HTTP ${write.status}`,
    frame: frame.status === 200 && ancestors === origin,
    kit: script ? script.headers.get('access-control-allow-origin') === origin : undefined,
  };
}

const kitServing = (origins: { has(origin: string): boolean }) => {
  const site = mkdtempSync(join(tmpdir(), 'bp-kit-'));
  mkdirSync(join(site, 'kit'));
  writeFileSync(join(site, 'kit', 'billing-portal-kit.js'), 'export {};\n');
  return kitRoutes(readStaticFiles(site), origins);
};

const ALL = { cors: true, write: 'passed', frame: true, kit: true };
const NONE = { cors: false, write: 'refused', frame: false, kit: false };

describe('allowed origins from the reseller records', () => {
  test('a reseller’s site may call the API, send writes, frame the card fields and load the kit as soon as it is recorded, and no longer once it is removed', async () => {
    const t = await testApp({}, { cardFrame });
    const kit = kitServing(t.deps.origins);
    assert.deepEqual(await allowedTo(t.app, ACME_SITE, kit), NONE, 'before the reseller exists');
    addReseller(t);
    assert.deepEqual(await allowedTo(t.app, ACME_SITE, kit), ALL, 'once recorded');
    updateReseller(t.db, 'acme', { origins: ['https://billing.acme.example'] });
    assert.deepEqual(await allowedTo(t.app, ACME_SITE, kit), NONE, 'the old site, once replaced');
    assert.deepEqual(await allowedTo(t.app, 'https://billing.acme.example', kit), ALL, 'the new site');
    assert.deepEqual(await allowedTo(t.app, RESELLER, kit), ALL, 'ALLOWED_ORIGINS still counts');
    assert.deepEqual(await allowedTo(t.app, 'https://elsewhere.example', kit), NONE);
  });

  test('a reseller added by the CLI (another process) is allowed within seconds, without a restart', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bp-origins-')), 'portal.db');
    const config = loadConfig({ DATABASE_PATH: path, DEMO_DATA: 'false', PUBLIC_URL: 'http://localhost:8787' });
    const clock = { now: Date.now() };
    const db = openDatabase(path);
    const { app } = createApp({ db, config, mailer: createMailer({ db, from: config.mailFrom, outboxDir: join(path, '..', 'outbox'), keepSent: true }), now: () => clock.now, cardFrame });
    const site = 'https://cli.acme.example';
    assert.equal((await allowedTo(app, site)).cors, false);
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'create-reseller', '--name', 'CLI Acme', '--origin', site], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_PATH: path, DEMO_DATA: 'false' },
    });
    assert.equal(cli.status, 0, cli.stdout + cli.stderr);
    // The server reads the resellers' origins at most every RESELLER_ORIGINS_TTL_MS: a request costs no query.
    clock.now += RESELLER_ORIGINS_TTL_MS;
    assert.deepEqual(await allowedTo(app, site), { cors: true, write: 'passed', frame: true, kit: undefined });
    db.$client.close();
  });
});
