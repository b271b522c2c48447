import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { PASSWORD } from './helpers.ts';
import { startPortalSite } from './portal-site.ts';
import { fillCard } from './e2e-fixture.ts';

/**
 * The payment path end to end, in Chromium: the built portal page, the real app, the card frame
 * and the fake Authorize.Net. The test types into the card frame as a person would; the page
 * that hosts the form must not be able to read it.
 */

let site: Awaited<ReturnType<typeof startPortalSite>>;
let page: Page;
/** Bodies of the API requests the page sent. */
const apiBodies: string[] = [];

before(async () => {
  site = await startPortalSite({
    onRequest: async (request) => {
      if (new URL(request.url).pathname.startsWith('/api/') && request.method !== 'GET') apiBodies.push(await request.clone().text());
    },
  });
  page = await site.browser.newPage();
  await page.goto(`${site.origin}/`);
  await page.getByLabel('Username').fill('solo@example.com');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Make a payment' }).click();
  // The form draws its card frame once it has read the balance: the first test looks at the frame.
  await page.locator('iframe[title="Card details"]').waitFor();
});

after(() => site?.close());

/** Types a card into the portal page's payment form. */
const typeCard = (number: string) => fillCard(page.frameLocator('bp-payment-form iframe'), number);

const paymentMethod = () => page.locator('bp-account-summary [part=payment] dd').nth(4);
const submit = () => page.locator('bp-payment-form').getByRole('button', { name: 'Make a payment' }).click();

describe('paying by card in the portal page', () => {
  /** The outcome line of the form: its role, and whether it has the focus. */
  const resultState = () =>
    page.locator('bp-payment-form [part=result]').evaluate((el) => ({ role: el.getAttribute('role'), focused: (el.getRootNode() as ShadowRoot).activeElement === el }));

  test('the host page cannot read the card frame', async () => {
    const reach = await page.evaluate(() => {
      const form = document.querySelector('bp-portal')!.shadowRoot!.querySelector('bp-account-summary')!.shadowRoot!.querySelector('bp-payment-form')!;
      const frame = form.shadowRoot!.querySelector('iframe')!;
      return { document: frame.contentDocument === null, sandbox: frame.getAttribute('sandbox') };
    });
    assert.deepEqual(reach, { document: true, sandbox: 'allow-scripts' });
  });

  test('a bad card number is refused inside the frame, before anything is sent', async () => {
    await typeCard('4111111111111112');
    await submit();
    // Once under the field (in the frame), and once in the form's summary, which links to it.
    await page.locator('bp-payment-form [part=error-summary]').getByRole('link', { name: 'Enter the card number as printed on the card.' }).waitFor();
    await page.frameLocator('iframe[title="Card details"]').locator('#cardNumber-error').getByText('Enter the card number as printed on the card.').waitFor();
    assert.equal(apiBodies.filter((b) => b.includes('opaqueData')).length, 0);
  });

  test('a test card pays the balance and, with the check box, becomes the autopay card: approved, applied, the digits never leave the frame', async () => {
    await typeCard('4111 1111 1111 1111');
    await page.locator('bp-payment-form').getByLabel(/Sign me up for automatic payment/).check();
    await submit();
    await page.locator('bp-payment-form').getByText(/Thank you: your payment of \$[\d,.]+ with Visa ending in 1111 was approved/).waitFor();
    await page.locator('bp-payment-form').getByText('Visa ending in 1111 will pay your bill automatically on each due date from now on.').waitFor();
    // Announced, and focused where the (now gone) Make a payment button was.
    assert.deepEqual(await resultState(), { role: 'status', focused: true });
    const payments = site.t.db.$client.prepare('select status, card_last4 from payments').all();
    assert.deepEqual(payments, [{ status: 'approved', card_last4: '1111' }]);
    assert.equal(site.fake.transactions.size, 1);
    const sent = apiBodies.join('\n');
    assert.ok(sent.includes('opaqueData'), 'the page sent a token');
    assert.ok(!/4111\s?1111\s?1111\s?1111/.test(sent) && !sent.includes('"cardCode"'), 'and never the card');
    await page.locator('bp-payment-form').getByRole('button', { name: 'Close' }).click();
    // Focus goes back to the button that opened the form.
    await page.waitForFunction(() => document.querySelector('bp-portal')?.shadowRoot?.querySelector('bp-account-summary')?.shadowRoot?.activeElement?.textContent?.trim() === 'Make a payment');
    // The summary reloads: nothing is due any more.
    const dueAmount = page.locator('bp-account-summary [part=payment] dd').nth(1);
    await page.waitForFunction(() => {
      const dd = document.querySelector('bp-portal')?.shadowRoot?.querySelector('bp-account-summary')?.shadowRoot?.querySelectorAll('[part=payment] dd')[1];
      return dd?.textContent?.trim() === '$0.00';
    });
    assert.equal((await dueAmount.textContent())?.trim(), '$0.00');
    assert.match((await paymentMethod().textContent()) ?? '', /Automatic payment: Visa ending in 1111 \(expires 12\/\d{4}\)/);
  });

  test('Change card saves another card for autopay without charging it; Cancel autopay goes back to manual payment', async () => {
    const summary = page.locator('bp-account-summary [part=payment]');
    await summary.getByRole('button', { name: 'Change card' }).click();
    await page.locator('bp-payment-form').getByRole('heading', { name: 'Change card for automatic payment' }).waitFor();
    await typeCard('5424000000000015');
    await page.locator('bp-payment-form').getByRole('button', { name: 'Save card for automatic payment' }).click();
    await page.locator('bp-payment-form').getByText('Automatic payment is on: MasterCard ending in 0015 will be charged the balance due on each due date. Nothing was charged today.').waitFor();
    assert.deepEqual(await resultState(), { role: 'status', focused: true }, 'the saved card announced');
    assert.equal(site.fake.transactions.size, 1, 'no charge');
    await page.locator('bp-payment-form').getByRole('button', { name: 'Close' }).click();
    await page.waitForFunction(() => /MasterCard ending in 0015/.test(document.querySelector('bp-portal')?.shadowRoot?.querySelector('bp-account-summary')?.shadowRoot?.querySelector('[part=payment]')?.textContent ?? ''));
    await summary.getByRole('button', { name: 'Cancel autopay' }).click();
    await summary.getByRole('button', { name: 'Yes, cancel autopay' }).click();
    await page.waitForFunction(() => /Manual payment\./.test(document.querySelector('bp-portal')?.shadowRoot?.querySelector('bp-account-summary')?.shadowRoot?.querySelector('[part=payment]')?.textContent ?? ''));
    assert.equal(site.t.db.$client.prepare('select count(*) from autopay_methods').pluck().get(), 0);
    assert.ok(!apiBodies.join('\n').includes('5424000000000015'), 'the page never sent the number');
  });

  test('in French, "12,50" pays twelve dollars fifty, not 1,250 dollars', async () => {
    await page.locator('select#language').selectOption('fr');
    await page.locator('bp-account-summary [data-opens=pay]').click();
    const form = page.locator('bp-payment-form');
    await form.locator('input[type=radio]').last().check();
    await form.locator('#other').fill('12,50');
    await typeCard('4111 1111 1111 1111');
    await form.locator('button[type=submit]').click();
    await form.locator('[part=result]').getByText(/12,50/).waitFor();
    const newest = site.t.db.$client.prepare('select amount_cents, status from payments order by id desc limit 1').get();
    assert.deepEqual(newest, { amount_cents: 1250, status: 'approved' });
    await page.locator('select#language').selectOption('en');
  });
});
