import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { signIn, startPortal, type PortalServer } from './e2e-fixture.ts';

/**
 * The card fields look like the form around them, in Chromium with the real frame: same font,
 * height, radius and colours as the address fields in light, dark and a reseller's brand (in
 * dark mode the frame is no white block), and they sit on the form's grid at any width.
 */

let portal: PortalServer;

before(async () => {
  portal = await startPortal();
});

after(async () => {
  await portal?.close();
});

/** A page of the portal's site with `body`; its style goes in a stylesheet of its own, as the page's CSP takes no inline style. */
const pageWith = (body: string, style = '') => {
  const sheet = `page-${Math.random().toString(36).slice(2)}.css`;
  portal.page(sheet, `body { margin: 0; ${style} }`);
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>Pay</title><link rel="stylesheet" href="/${sheet}" /></head>
  <body>
    <script type="module" src="/lib/billing-portal-kit.js"></script>
    ${body}
  </body>
</html>`;
};

/** Opens the page, signs in, and returns the form's card frame once it shows its fields. */
async function openForm(name: string, html: string, width = 1280): Promise<{ page: Page; frame: Frame }> {
  const page = await portal.newPage(width);
  await page.goto(portal.page(name, html));
  await signIn(page, 'solo@example.com');
  const portalEl = page.locator('bp-portal');
  if (await portalEl.count()) await page.locator('bp-account-summary').getByRole('button', { name: 'Make a payment' }).click();
  const handle = await page.locator('bp-payment-form iframe[title="Card details"]').elementHandle();
  const frame = (await handle!.contentFrame())!;
  await frame.getByLabel('Card number').waitFor();
  return { page, frame };
}

const LOOK = ['font-family', 'font-size', 'height', 'border-top-left-radius', 'background-color', 'color', 'border-top-color'] as const;
type Look = Record<(typeof LOOK)[number], string>;

/** The look of the form's Address Line 1 and of the frame's Card number. */
async function looks(page: Page, frame: Frame): Promise<{ form: Look; card: Look }> {
  const read = (el: Element, names: readonly string[]) => {
    const style = getComputedStyle(el);
    // Colours as rgb(): the form's may be derivations (color-mix) that the browser writes as oklab(…).
    const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    return Object.fromEntries(
      names.map((n) => {
        if (n === 'height') return [n, `${Math.round(el.getBoundingClientRect().height)}px`];
        if (!n.endsWith('color')) return [n, style.getPropertyValue(n)];
        canvas.clearRect(0, 0, 1, 1);
        canvas.fillStyle = style.getPropertyValue(n);
        canvas.fillRect(0, 0, 1, 1);
        return [n, `rgb(${[...canvas.getImageData(0, 0, 1, 1).data].slice(0, 3).join(', ')})`];
      }),
    );
  };
  const form = (await page.locator('bp-payment-form #line1').evaluate(read, LOOK)) as Look;
  const card = (await frame.locator('#cardNumber').evaluate(read, LOOK)) as Look;
  return { form, card };
}

describe('the card frame follows the form', () => {
  test('in the dark portal (theme from <bp-portal>, not set on the form) the fields are dark, as the form’s are', async () => {
    const { page, frame } = await openForm('dark.html', pageWith('<bp-portal theme="dark"></bp-portal>', 'background: #0b0e12;'));
    const { form, card } = await looks(page, frame);
    assert.deepEqual(card, form);
    assert.notEqual(card['background-color'], 'rgb(255, 255, 255)', 'no white block');
    assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'dark');
    await page.close();
  });

  test('on a page that follows the system (color-scheme: light dark), the frame takes the system’s scheme, as the form does', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await portal.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(portal.page('system.html', pageWith('<bp-portal theme="auto"></bp-portal>', 'color-scheme: light dark;')));
      await signIn(page, 'solo@example.com');
      await page.locator('bp-account-summary').getByRole('button', { name: 'Make a payment' }).click();
      const frame = (await (await page.locator('bp-payment-form iframe[title="Card details"]').elementHandle())!.contentFrame())!;
      await frame.getByLabel('Card number').waitFor();
      const { form, card } = await looks(page, frame);
      assert.deepEqual(card, form, scheme);
      // Light fields on a dark canvas (the frame taking "light dark" for dark) left the labels unreadable.
      assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).colorScheme), scheme);
      await page.close();
    }
  });

  test('a reseller’s brand (font, radius, colours through --bp-* on its page) reaches the card fields', async () => {
    // The global tokens, and one of the older ones a page may still set.
    const brand = '--bp-font: Georgia, "Times New Roman", serif; --bp-radius-sm: 0px; --bp-surface: #fffaf0; --bp-brand: #8a3b12; --bp-text: #2b2118; font-size: 18px;';
    const { page, frame } = await openForm('brand.html', pageWith('<bp-provider><bp-login></bp-login><bp-payment-form></bp-payment-form></bp-provider>', brand));
    const { form, card } = await looks(page, frame);
    assert.deepEqual(card, form);
    assert.match(card['font-family'], /Georgia/);
    assert.equal(card['border-top-left-radius'], '0px');
    assert.equal(card['background-color'], 'rgb(255, 250, 240)', 'the surface');
    await page.close();
  });

  test('its fields sit on the form’s two columns at 1280 px, and in one column at 320 px without running past the frame', async () => {
    const html = pageWith('<bp-portal></bp-portal>');
    const wide = await openForm('grid.html', html);
    const frameBox = (await wide.page.locator('bp-payment-form iframe').boundingBox())!;
    const columns = async (page: Page) => Promise.all(['#line1', '#line2'].map(async (id) => Math.round((await page.locator(`bp-payment-form ${id}`).boundingBox())!.x)));
    const cardColumns = await Promise.all(['#firstName', '#lastName'].map(async (id) => Math.round(frameBox.x + (await wide.frame.locator(id).evaluate((el) => el.getBoundingClientRect().x)))));
    assert.deepEqual(cardColumns, await columns(wide.page), 'First name | Last name above Address Line 1 | Line 2');
    await wide.page.close();

    const narrow = await openForm('grid.html', html, 320);
    const fit = await narrow.frame.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(fit.scroll <= fit.client, `the frame's fields fit (${fit.scroll} <= ${fit.client})`);
    const [first, last] = await Promise.all(['#firstName', '#lastName'].map((id) => narrow.frame.locator(id).evaluate((el) => el.getBoundingClientRect().x)));
    assert.equal(first, last, 'one column');
    await narrow.page.close();
  });
});
