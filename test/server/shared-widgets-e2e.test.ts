import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { dollars, fillCard, signIn, startPortal, type PortalServer } from './e2e-fixture.ts';

/**
 * The reported defect, end to end: a host page places My Account and Make a payment side by side
 * inside <bp-provider>. After a payment in one, the other offered the old balance, and a customer
 * paid the same amount twice. Every widget must show what the server now says, without a reload.
 */

const HOST_PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>Pay your bill</title></head>
  <body>
    <script type="module" src="/lib/billing-portal-kit.js"></script>
    <bp-provider>
      <bp-login></bp-login>
      <bp-account-summary></bp-account-summary>
      <bp-payment-form></bp-payment-form>
    </bp-provider>
  </body>
</html>`;

let portal: PortalServer;
let page: Page;
/** What C100001 owed before any payment. */
let owed: number;

before(async () => {
  portal = await startPortal();
  owed = (await portal.get<{ dueAmount: number }>('/accounts/C100001/summary', 'solo@example.com')).dueAmount;
  assert.ok(owed > 1000, 'the fixture account owes its October bill');
  page = await portal.newPage();
  await page.goto(portal.page('side-by-side.html', HOST_PAGE));
  await signIn(page, 'solo@example.com');
});

after(async () => {
  await portal?.close();
});

const standaloneForm = () => page.locator('bp-provider > bp-payment-form');
const summary = () => page.locator('bp-provider > bp-account-summary');
const summaryForm = () => summary().locator('bp-payment-form');
const dueAmount = () => summary().locator('[part=payment] dd').nth(1);

/** The amount choices a form offers, as their labels read. */
async function choices(form: Locator) {
  await form.locator('.choices').waitFor();
  return (await form.locator('.choices label:has(input[type=radio])').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

async function payOther(form: Locator, amount: string) {
  await form.getByLabel('Another amount').check();
  await form.getByLabel('Amount', { exact: true }).fill(amount);
  await fillCard(form.frameLocator('iframe[title="Card details"]'));
  await form.getByRole('button', { name: 'Make a payment' }).click();
  await form.getByText(/Thank you: your payment of .* was approved/).waitFor();
}

const approvedPayments = () => portal.t.db.$client.prepare("select amount_cents as amount from payments where status = 'approved' order by id").pluck().all();

describe('My Account and Make a payment side by side in <bp-provider>', () => {
  test('before paying, both offer what is owed', async () => {
    await assertText(dueAmount(), dollars(owed));
    assert.equal((await choices(standaloneForm()))[0], `Balance due: ${dollars(owed)}`);
  });

  test('a payment in the standalone form shows in My Account at once, and its Make a payment offers the new balance', async () => {
    await payOther(standaloneForm(), '10.00');
    await assertText(dueAmount(), dollars(owed - 1000));
    await summary().getByRole('button', { name: 'Make a payment' }).click();
    assert.equal((await choices(summaryForm()))[0], `Balance due: ${dollars(owed - 1000)}`);
    assert.equal((await choices(standaloneForm()))[0], `Balance due: ${dollars(owed - 1000)}`, 'the form that paid re-read it too');
  });

  test('paying the rest in My Account leaves nothing due in the standalone form: the same amount cannot be paid twice by mistake', async () => {
    const form = summaryForm();
    await fillCard(form.frameLocator('iframe[title="Card details"]'));
    await form.getByRole('button', { name: 'Make a payment' }).click();
    await form.getByText(`Thank you: your payment of ${dollars(owed - 1000)}`, { exact: false }).waitFor();
    await page.waitForFunction(() => {
      const labels = document.querySelector('bp-provider > bp-payment-form')?.shadowRoot?.querySelectorAll('.choices label:has(input[type=radio])');
      return labels?.length === 1;
    });
    assert.deepEqual(await choices(standaloneForm()), ['Another amount']);
    await form.getByRole('button', { name: 'Close' }).click();
    await assertText(dueAmount(), '$0.00');
    assert.deepEqual(approvedPayments(), [1000, owed - 1000]);
    assert.equal(portal.fake.transactions.size, 2, 'two charges, one per payment');
  });
});

/** Waits (a few seconds at most) for the locator's text to become `expected`, and says what it was if not. */
async function assertText(locator: Locator, expected: string) {
  const deadline = Date.now() + 5000;
  let text = '';
  while (Date.now() < deadline) {
    text = ((await locator.textContent()) ?? '').trim();
    if (text === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(text, expected);
}
