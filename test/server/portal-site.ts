import { serve } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { createAuthorizeNetGateway } from '../../server/gateway/authorize-net.ts';
import { createFakeAuthorizeNet, FAKE_CREDENTIALS } from '../../server/gateway/fake/fake-authorize-net.ts';
import { runBilling } from '../../server/services/billing/billing-run.ts';
import { withSite } from '../../server/site.ts';
import { loadBillingData } from './billing-fixture.ts';
import { freePort } from './server-process.ts';
import { testApp } from './helpers.ts';

/**
 * The built portal pages (dist/ as `npm run build` makes it) served by the real app with the
 * card frame and the fake Authorize.Net, over the billing fixture with October billed; and
 * Chromium to look at them.
 */
export async function startPortalSite(options: { onRequest?: (request: Request) => Promise<void> } = {}) {
  const site = mkdtempSync(join(tmpdir(), 'bp-e2e-site-'));
  await build({ configFile: resolve('vite.config.ts'), logLevel: 'silent', build: { outDir: site, emptyOutDir: true } });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const fake = createFakeAuthorizeNet();
  const gatewayServer = await fake.listen();
  const gateway = createAuthorizeNetGateway({ ...FAKE_CREDENTIALS, endpoint: `${gatewayServer.url}/xml/v1/request.api`, timeoutMs: 5000 });
  const t = await testApp(
    { PUBLIC_URL: origin },
    { gateway, cardFrame: { apiLoginId: FAKE_CREDENTIALS.apiLoginId, clientKey: FAKE_CREDENTIALS.clientKey, environment: 'fake', tokenize: fake.acceptRequest } },
  );
  await loadBillingData(t.db);
  runBilling(t.db, '2026-10', '2026-11-25', { termsDays: 30, lateFee: { ratePpm: 0, minimumCents: 0 } });
  // The server's own site handler (server/site.ts), as server/index.ts serves the pages.
  const handler = withSite(t.app, { siteDir: site, allowedOrigins: new Set([origin]) });
  const server = serve({
    hostname: '127.0.0.1',
    port,
    fetch: async (request, env) => {
      await options.onRequest?.(request);
      return handler(request, env);
    },
  });
  const browser: Browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  return {
    origin,
    t,
    fake,
    browser,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
      await gatewayServer.close();
      rmSync(site, { recursive: true, force: true });
    },
  };
}
