import { serve } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getMimeType } from 'hono/utils/mime';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { createAuthorizeNetGateway } from '../../server/gateway/authorize-net.ts';
import { createFakeAuthorizeNet, FAKE_CREDENTIALS } from '../../server/gateway/fake/fake-authorize-net.ts';
import { runBilling } from '../../server/services/billing/billing-run.ts';
import { withSite } from '../../server/site.ts';
import { buildKit } from '../../kit/build.ts';
import { loadBillingData } from './billing-fixture.ts';
import { PASSWORD, testApp } from './helpers.ts';

/**
 * The real thing for end-to-end tests in Chromium: the element kit built as the README ships it
 * (dist/kit/: billing-portal-kit.js, an entry per element, their chunks), served by the server's own site handler in front of the real
 * app, with the fake Authorize.Net behind the real SDK, and October 2026 billed (C100001, Solo
 * Dental, owes its invoice). Host pages are plain HTML files the test writes.
 */

export const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

export interface PortalServer {
  /** The portal's origin, http://127.0.0.1:<port>. */
  origin: string;
  t: Awaited<ReturnType<typeof testApp>>;
  fake: ReturnType<typeof createFakeAuthorizeNet>;
  browser: Browser;
  /** A new page, tall enough that nothing has to scroll into view, failing after 5 s of waiting. */
  newPage(width?: number): Promise<Page>;
  /** Adds a page (or stylesheet) to the portal's site: served at `${origin}/${name}`, under the pages' headers. */
  page(name: string, html: string): string;
  /** GET an API path (`/accounts/C100001/summary`) over HTTP as the user with this email. */
  get<T>(path: string, email: string): Promise<T>;
  close(): Promise<void>;
}

export async function startPortal(options: { allowedOrigins?: string[] } = {}): Promise<PortalServer> {
  const site = mkdtempSync(join(tmpdir(), 'bp-e2e-kit-'));
  await buildKit({ outDir: join(site, 'kit') });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const fake = createFakeAuthorizeNet();
  const gatewayServer = await fake.listen();
  const gateway = createAuthorizeNetGateway({ ...FAKE_CREDENTIALS, endpoint: `${gatewayServer.url}/xml/v1/request.api`, timeoutMs: 5000 });
  const t = await testApp(
    { PUBLIC_URL: origin, ALLOWED_ORIGINS: (options.allowedOrigins ?? []).join(',') },
    { gateway, cardFrame: { apiLoginId: FAKE_CREDENTIALS.apiLoginId, clientKey: FAKE_CREDENTIALS.clientKey, environment: 'fake', tokenize: fake.acceptRequest } },
  );
  await loadBillingData(t.db);
  runBilling(t.db, '2026-10', '2026-11-25', { termsDays: 30, lateFee: { ratePpm: 0, minimumCents: 0 } });
  // The kit goes to the app's allowed origins: its own, ALLOWED_ORIGINS and resellers' sites.
  // The site is read once when the server starts; pages a test adds later are served from here,
  // by the app as the site's pages are (after its routes, under its secure headers).
  const hostPages = new Map<string, string>();
  t.app.use('/*', async (c, next) => {
    const page = hostPages.get(c.req.path);
    return page === undefined ? next() : c.body(page, 200, { 'Content-Type': getMimeType(c.req.path) ?? 'text/plain' });
  });
  const server = serve({ hostname: '127.0.0.1', port, fetch: withSite(t.app, { siteDir: site, allowedOrigins: t.deps.origins }) });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  return {
    origin,
    t,
    fake,
    browser,
    async newPage(width = 1280) {
      const page = await browser.newPage({ viewport: { width, height: 2400 } });
      page.setDefaultTimeout(5000);
      return page;
    },
    page(name, html) {
      hostPages.set(`/${name}`, html);
      return `${origin}/${name}`;
    },
    async get<T>(path: string, email: string) {
      const login = await fetch(`${origin}/api/v1/auth/login`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
      const { token } = (await login.json()) as { token: string };
      const reply = await fetch(`${origin}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
      if (!reply.ok) throw new Error(`GET ${path}: ${reply.status} ${await reply.text()}`);
      return (await reply.json()) as T;
    },
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
      await gatewayServer.close();
      rmSync(site, { recursive: true, force: true });
    },
  };
}

/** A plain web server for one page, standing for a reseller's site on another origin. */
export async function startOtherSite(html: string, port: number, host = 'localhost'): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createHttpServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return { url: `http://${host}:${port}/`, close: () => new Promise((done) => server.close(() => done())) };
}

/** Signs in with the fixture password through a `<bp-login>` on the page (inside the portal or alone). */
export async function signIn(page: Page, email: string) {
  await page.getByLabel('Username').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** Types a card into the card frame as a person would; its fields by id, since the frame speaks the user's language. */
export async function fillCard(frame: FrameLocator, number = '4111 1111 1111 1111') {
  await frame.locator('#firstName').fill('Solo');
  await frame.locator('#lastName').fill('Dentist');
  await frame.locator('#cardNumber').fill(number);
  await frame.locator('#month').selectOption('12');
  await frame.locator('#year').selectOption(String(new Date().getUTCFullYear() + 2));
  await frame.locator('#cardCode').fill('123');
}

/** Cents as the portal shows them: 28557 → "$285.57". */
export const dollars = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
