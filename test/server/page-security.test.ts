import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page, Response } from 'playwright-core';
import { cdr, load, USAGE_HEADER } from './billing-fixture.ts';
import { PASSWORD } from './helpers.ts';
import { startPortalSite } from './portal-site.ts';

/**
 * The portal page is served with a strict Content-Security-Policy and a Permissions-Policy, and
 * still works in Chromium under them: signing in, My Account with
 * its usage bars, a card payment through the card frame (which has its own policy). Chromium
 * reports every blocked style, script, frame or request as a console error and a
 * `securitypolicyviolation` event; there must be none.
 */

let site: Awaited<ReturnType<typeof startPortalSite>>;

before(async () => {
  site = await startPortalSite();
  // 3,000 of the plan's 10,000 minutes this month: the usage bar is 30% wide.
  const now = new Date(Date.now() - 60_000).toISOString().slice(0, 19) + 'Z';
  await load(site.t.db, 'usage', USAGE_HEADER + Array.from({ length: 50 }, (_, i) => cdr(`NOW-${i}`, now, 3600)).join(''));
});
after(() => site?.close());

/** A page that records what Chromium refused or failed at, in every frame. */
async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await site.browser.newPage();
  const problems: string[] = [];
  await page.addInitScript(() =>
    addEventListener('securitypolicyviolation', (e) => console.error(`securitypolicyviolation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`), true),
  );
  page.on('console', (message) => {
    // Asking for the session before signing in is answered 401, as it should be.
    if (/^Failed to load resource: the server responded with a status of 401/.test(message.text())) return;
    // Chromium asks for /favicon.ico when it likes (the page names none): not a policy matter.
    if (message.location().url.endsWith('/favicon.ico')) return;
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { page, problems };
}

const signIn = async (page: Page) => {
  await page.getByLabel('Username').fill('solo@example.com');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
};

function policiesOf(response: Response | null) {
  const headers = response!.headers();
  const csp = Object.fromEntries(
    (headers['content-security-policy'] ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values.join(' ')]),
  );
  return { csp, permissions: headers['permissions-policy'] ?? '' };
}

describe('the portal page under its Content-Security-Policy and Permissions-Policy', () => {
  test('the page is served with a strict policy: its own origin only, no inline or eval script, no inline style; camera, microphone, geolocation and the rest off', async () => {
    const page = await site.browser.newPage();
    // The sample reseller site is served on its own origin, under its own policy: see reseller-e2e.test.ts.
    for (const path of ['/']) {
      const { csp, permissions } = policiesOf(await page.goto(`${site.origin}${path}`));
      assert.equal(csp['default-src'], "'self'", path);
      assert.equal(csp['script-src'], "'self'");
      assert.equal(csp['style-src'], "'self'");
      assert.equal(csp['object-src'], "'none'");
      assert.equal(csp['base-uri'], "'none'");
      assert.equal(csp['frame-ancestors'], "'self'");
      assert.ok(!Object.values(csp).some((v) => /unsafe/.test(v)), JSON.stringify(csp));
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) assert.match(permissions, new RegExp(`(^|, )${feature}=\\(\\)`), feature);
    }
    await page.close();
  });

  test('signing in, My Account with its usage bar, and a card payment in the card frame work with no violation and no console error', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${site.origin}/`);
    await signIn(page);
    const used = page.locator('bp-usage-meter .used').first();
    await used.waitFor();
    assert.equal(await used.evaluate((el) => (el as HTMLElement).style.width), '30%', 'the bar has its width');
    assert.ok((await used.boundingBox())!.width > 0);
    await page.getByRole('button', { name: 'Make a payment' }).click();
    const frame = page.frameLocator('iframe[title="Card details"]');
    await frame.getByLabel('First name on card').fill('Solo');
    await frame.getByLabel('Last name on card').fill('Dentist');
    await frame.getByLabel('Card number').fill('4111 1111 1111 1111');
    await frame.getByLabel('Expiry month').selectOption('12');
    await frame.getByLabel('Expiry year').selectOption(String(new Date().getUTCFullYear() + 2));
    await frame.getByLabel('Card security code').fill('123');
    assert.ok((await page.locator('bp-payment-form iframe').boundingBox())!.height > 200, 'the frame took the height of its fields');
    await page.locator('bp-payment-form').getByRole('button', { name: 'Make a payment' }).click();
    await page.locator('bp-payment-form').getByText(/Thank you: your payment of \$[\d,.]+ with Visa ending in 1111 was approved/).waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });
});
