import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startResellerDemo } from '../../server/reseller-demo.ts';
import { createReseller } from '../../server/services/resellers/resellers.ts';
import { KIT_VERSION } from '../../server/site.ts';
import { fillCard, freePort, startPortal, type PortalServer } from './e2e-fixture.ts';

/**
 * Reseller sign-in end to end, in Chromium: a reseller's site on another origin (localhost, its
 * own port; allowed only by the reseller's record, not ALLOWED_ORIGINS), whose backend asks the
 * portal for a portal session and puts the token on the page. The page loads the elements it uses
 * from the portal, each from its own versioned entry, signs in with no form, shows the widgets and pays through the card frame; a reload
 * gets a new token and stays signed in. Then the sample site `npm start` serves, under its
 * strict Content-Security-Policy.
 */

let portal: PortalServer;
let siteOrigin: string;
let sitePort: number;
let resellerKey: string;

before(async () => {
  sitePort = await freePort();
  siteOrigin = `http://localhost:${sitePort}`;
  portal = await startPortal();
  // Acme sells to Solo Dental (C100001, which owes its October invoice); its site is the only origin let in.
  resellerKey = createReseller(portal.t.db, { name: 'Acme Telecom', slug: 'acme', origins: [siteOrigin], accounts: ['C100001'], colorPrimary: '#8a3b12' }).key;
});

after(() => portal?.close());

/** A page that fails the test on a console error (a blocked script, a refused request) or a CSP violation. */
async function watched(): Promise<{ page: Page; problems: string[] }> {
  const page = await portal.newPage();
  const problems: string[] = [];
  await page.addInitScript(() => addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`), true));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems };
}

describe('a reseller’s page on another origin, signed in by its backend', () => {
  let site: Server;

  before(async () => {
    // The reseller's backend, as the README's sample: a portal session for its signed-in customer, on the page.
    site = createServer(async (_req, res) => {
      const reply = await fetch(`${portal.origin}/api/v1/portal-sessions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${resellerKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ account: 'C100001', email: 'solo@example.com' }),
      });
      const { token } = (await reply.json()) as { token: string };
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Acme — billing</title>
    ${['provider', 'account-summary', 'invoice-list', 'payment-form'].map((entry) => `<script type="module" src="${portal.origin}/kit/${KIT_VERSION}/${entry}.js"></script>`).join('\n    ')}</head>
  <body>
    <bp-provider api-base="${portal.origin}" session-token="${token}">
      <bp-account-summary></bp-account-summary>
      <bp-invoice-list></bp-invoice-list>
      <bp-payment-form></bp-payment-form>
    </bp-provider>
    <p id="heard">nothing yet</p>
    <script type="module">
      document.querySelector('bp-payment-form').addEventListener('bp-payment-success', (e) => {
        document.getElementById('heard').textContent = 'The page heard: paid ' + e.detail.payment.amount + ' cents';
      });
    </script>
  </body>
</html>`);
    });
    await new Promise<void>((done) => site.listen(sitePort, '127.0.0.1', done));
  });

  after(() => new Promise<void>((done) => site.close(() => done())));

  test('shows the widgets with no sign-in form, pays through the card frame, and stays signed in after a reload', async () => {
    const { page, problems } = await watched();
    await page.goto(`${siteOrigin}/`);
    await page.locator('bp-account-summary').getByText('Solo Dental').first().waitFor();
    await page.locator('bp-invoice-list').getByRole('cell', { name: /^\$[\d,.]+$/ }).first().waitFor();
    assert.equal(await page.getByLabel('Password').count(), 0, 'no sign-in form anywhere');
    const payButton = page.locator('bp-payment-form').getByRole('button', { name: 'Make a payment' });
    assert.equal(await payButton.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(138, 59, 18)', 'in the reseller’s colour');

    const form = page.locator('bp-payment-form');
    await fillCard(form.frameLocator('iframe[title="Card details"]'));
    await payButton.click();
    await form.getByText(/Thank you: your payment of \$[\d,.]+ with Visa ending in 1111 was approved/).waitFor();
    assert.deepEqual(portal.t.db.$client.prepare('select status, card_last4, user_id from payments').all(), [{ status: 'approved', card_last4: '1111', user_id: 'u_solo' }]);
    const amount = portal.t.db.$client.prepare('select amount_cents from payments').pluck().get();
    await page.locator('#heard').getByText(`The page heard: paid ${amount} cents`).waitFor();
    await page.locator('bp-account-summary').getByText('$0.00').first().waitFor();

    await page.reload();
    await page.locator('bp-account-summary').getByText('Solo Dental').first().waitFor();
    assert.equal(await page.getByLabel('Password').count(), 0, 'the reload signed in again, with the new token its backend put on the page');
    const exchanges = portal.t.db.$client.prepare("select count(*) from audit_log where action = 'portal_session.exchanged'").pluck().get();
    assert.equal(exchanges, 2);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('the sample reseller site', () => {
  test('signs its customer in and shows the widgets in the reseller’s colours, under its strict CSP, with no violation or console error', async () => {
    const port = await freePort();
    const demo = (await startResellerDemo({ db: portal.t.db, portalUrl: portal.origin, host: '127.0.0.1', port, reseller: { slug: 'acme', customer: { account: 'C100001', email: 'solo@example.com' } } }))!;
    try {
      const { page, problems } = await watched();
      const response = await page.goto(`${demo.url}/`);
      const csp = response!.headers()['content-security-policy']!;
      assert.match(csp, new RegExp(`script-src ${portal.origin};`));
      assert.ok(!/unsafe/.test(csp), csp);
      await page.locator('bp-account-summary').getByText('Solo Dental').first().waitFor();
      await page.locator('bp-usage-meter').first().getByText(/min \//).waitFor();
      await page.frameLocator('bp-payment-form iframe[title="Card details"]').getByLabel('Card number').waitFor();
      assert.equal(await page.getByLabel('Password').count(), 0);
      assert.equal(await page.locator('body').evaluate((b) => getComputedStyle(b).fontFamily), 'Georgia, "Times New Roman", serif', 'the site’s own stylesheet');
      assert.deepEqual(problems, []);
      // The demo's brand switch: the widgets in Acme Telecom's tokens (demo/brands.ts), over the record's colour.
      await page.getByRole('link', { name: 'Acme Telecom' }).click();
      await page.locator('bp-account-summary').getByText('Solo Dental').first().waitFor();
      assert.equal(await page.getByRole('link', { name: 'Acme Telecom' }).getAttribute('aria-current'), 'page');
      const pay = page.locator('bp-payment-form').getByRole('button', { name: 'Make a payment' });
      assert.equal(await pay.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(179, 54, 27)');
      assert.match(await pay.evaluate((b) => getComputedStyle(b).fontFamily), /Trebuchet MS/);
      assert.deepEqual(problems, [], 'no CSP violation with the brand either');
      await page.close();
    } finally {
      await demo.close();
    }
  });
});
