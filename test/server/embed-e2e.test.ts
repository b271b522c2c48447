import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { KIT_VERSION } from '../../server/site.ts';
import { fillCard, freePort, signIn, startOtherSite, startPortal, type PortalServer } from './e2e-fixture.ts';

/**
 * The README's embed recipe, on a reseller's site: another origin (localhost instead of
 * 127.0.0.1, another port) whose page is exactly the README's markup with the portal's address.
 * The kit must load there, sign in, and take a payment through the card frame.
 */

let portal: PortalServer;
let site: Awaited<ReturnType<typeof startOtherSite>>;
let siteOrigin: string;
let page: Page;

/** The README's embed snippet (its first html block under "Embedding"), with the portal's address for https://portal.example.com. */
function readmeMarkup(portalOrigin: string) {
  const readme = readFileSync('README.md', 'utf8');
  const snippet = /## Embedding\s+```html\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(snippet, 'the README has an embed snippet');
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Northbeam IT — billing</title></head>
  <body>
${snippet.replaceAll('https://portal.example.com', portalOrigin)}
  </body>
</html>`;
}

before(async () => {
  const port = await freePort();
  siteOrigin = `http://localhost:${port}`;
  portal = await startPortal({ allowedOrigins: [siteOrigin] });
  site = await startOtherSite(readmeMarkup(portal.origin), port);
  page = await portal.newPage();
});

after(async () => {
  await site?.close();
  await portal?.close();
});

describe('the kit on another origin', () => {
  test('is served to allowed origins with CORS and a cross-origin resource policy, and to no one else', async () => {
    const kit = `${portal.origin}/kit/${KIT_VERSION}/billing-portal-kit.js`;
    const allowed = await fetch(kit, { headers: { Origin: siteOrigin } });
    assert.equal(allowed.status, 200);
    assert.match(allowed.headers.get('content-type') ?? '', /javascript/);
    assert.equal(allowed.headers.get('access-control-allow-origin'), siteOrigin);
    assert.equal(allowed.headers.get('cross-origin-resource-policy'), 'cross-origin');
    const stranger = await fetch(kit, { headers: { Origin: 'https://elsewhere.example' } });
    assert.equal(stranger.headers.get('access-control-allow-origin'), null, 'an origin not in ALLOWED_ORIGINS gets no CORS grant');
    // The rest of the portal keeps its same-origin policy.
    const api = await fetch(`${portal.origin}/api/v1/openapi.json`);
    assert.equal(api.headers.get('cross-origin-resource-policy'), 'same-origin');
  });

  test('the README markup loads the portal, signs in and pays through the card frame', async () => {
    const failures: string[] = [];
    page.on('console', (m) => m.type() === 'error' && !/401/.test(m.text()) && failures.push(m.text()));
    await page.goto(site.url);
    await signIn(page, 'solo@example.com');
    await page.getByRole('heading', { name: 'My Account', level: 1 }).waitFor();
    await page.locator('bp-account-summary').getByRole('button', { name: 'Make a payment' }).click();
    const form = page.locator('bp-payment-form');
    await fillCard(form.frameLocator('iframe[title="Card details"]'));
    await form.getByRole('button', { name: 'Make a payment' }).click();
    await form.getByText(/Thank you: your payment of \$[\d,.]+ with Visa ending in 1111 was approved/).waitFor();
    assert.deepEqual(portal.t.db.$client.prepare('select status, card_last4 from payments').all(), [{ status: 'approved', card_last4: '1111' }]);
    assert.deepEqual(failures, [], 'no blocked script or request on the way');
  });

  test('a reload signs the user out: the token lives in memory only (as the README says)', async () => {
    await page.reload();
    await page.getByLabel('Username').waitFor();
  });
});
