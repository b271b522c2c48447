import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BpAccountSummary } from '../../components/account-summary/account-summary.ts';
import type { BpTickets } from '../../components/tickets/tickets.ts';
import { customerMe } from '../../stories/fixtures/accounts.ts';
import { createFakeApi, type FakeApiOptions } from '../../stories/fixtures/fake-api.ts';
import { contrastRatio, portalWith, shadow, textOf, waitFor } from './helpers.ts';

/**
 * The kit used with the keyboard alone, keys sent by the browser (not events made up by the
 * test): the order Tab takes, the focus ring each control shows, where focus goes after a
 * move, a form sent with errors or sent well, and Escape.
 */

/** The element that has the focus, through every shadow root. */
function focused(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

const label = (el: Element | null) => (el ? `${el.localName}${el.id ? '#' + el.id : ''} "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"` : 'nothing');

/** Presses Tab until `wanted` has the focus (at most `limit` times); returns what had it on the way. */
async function tabTo(wanted: (el: Element) => boolean, what: string, limit = 40): Promise<string[]> {
  const path: string[] = [];
  for (let i = 0; i < limit; i++) {
    await sendKeys({ press: 'Tab' });
    // Focus leaving a frame (the card frame) lands a moment after the key: read it once painted.
    await new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled)));
    const el = focused();
    path.push(label(el));
    if (el && wanted(el)) return path;
  }
  throw new Error(`Tab never reached ${what}; it went through: ${path.join(', ')}`);
}

const byText = (text: string) => (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().startsWith(text);

/** The focus ring drawn on `el` now: a solid outline at least 2 px wide, 3:1 against what is around it. */
function expectFocusRing(el: Element, around: string) {
  const style = getComputedStyle(el);
  expect(style.outlineStyle, `${label(el)} shows a focus ring`).to.equal('solid');
  expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  expect(contrastRatio(style.outlineColor, around), `${label(el)}'s ring against ${around}`).to.be.at.least(3);
}

/** The background painted around `el`, where its ring is drawn (the nearest non-transparent one above it, across shadow roots). */
function backgroundBehind(el: Element): string {
  for (let node: Node | null = el.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (!(node instanceof Element)) continue;
    const bg = getComputedStyle(node).backgroundColor;
    if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
  }
  return 'rgb(255, 255, 255)';
}

async function inProvider<T extends Element>(widget: (api: ReturnType<typeof createFakeApi>) => ReturnType<typeof html>, options: FakeApiOptions = {}) {
  const api = createFakeApi({ signedInAs: customerMe, ...options });
  const provider = await fixture(html`<bp-provider .fetcher=${api.fetch}>${widget(api)}</bp-provider>`);
  return { el: provider.firstElementChild as T, api };
}

describe('keyboard: the portal', function () {
  // axe in two themes, or keys sent through the browser: slower than 5 s on a busy machine.
  this.timeout(15_000);
  for (const theme of ['light', 'dark']) {
    it(`Tab goes header → navigation → the screen; Enter on a section moves focus to its heading; every stop has a ring (${theme})`, async () => {
      const { portal } = await portalWith({ signedInAs: customerMe }, { theme });
      await waitFor(() => shadow(portal).querySelector('bp-account-summary'), 'My Account');
      // From the host page's control just before the portal.
      const before = document.createElement('button');
      before.textContent = 'Host page';
      portal.before(before);
      before.focus();
      const path = await tabTo(byText('Invoices'), 'the Invoices section');
      expect(path[0]).to.contain('select#language', 'the header first: its language menu');
      expect(path[1]).to.contain('Change password', 'then Change password');
      expect(path[2]).to.contain('Logout', 'then Logout');
      expect(path.at(-2)).to.contain('My Account', 'the sections in their order');
      const invoices = focused()!;
      expectFocusRing(invoices, backgroundBehind(invoices));
      await sendKeys({ press: 'Enter' });
      await waitFor(() => focused()?.localName === 'h1', 'focus on the new screen’s heading');
      expect(textOf(focused()!)).to.equal('Invoices');
      expect(invoices.getAttribute('aria-current')).to.equal('page');
      // On from the heading: the screen's own controls come next, not the navigation again.
      const list = await waitFor(() => shadow(portal).querySelector('bp-invoice-list'), 'the invoice list');
      await sendKeys({ press: 'Tab' });
      const next = focused()!;
      expect(list.shadowRoot!.contains(next), `after the heading: ${label(next)}`).to.equal(true);
      expectFocusRing(next, backgroundBehind(next));
      // The header's Logout: a ring in the header's text colour, readable on the header's bar.
      (shadow(portal).querySelector('header .user button:last-of-type') as HTMLElement).focus();
      await sendKeys({ press: 'Shift+Tab' });
      await sendKeys({ press: 'Tab' });
      const logout = focused()!;
      expect(textOf(logout)).to.equal('Logout');
      expectFocusRing(logout, getComputedStyle(shadow(portal).querySelector('header')!).backgroundColor);
    });
  }
});

describe('keyboard: Make a payment', function () {
  // axe in two themes, or keys sent through the browser: slower than 5 s on a busy machine.
  this.timeout(15_000);
  it('sent with errors: the error summary takes the focus, and each of its links moves focus to its field', async () => {
    const { el: summary } = await inProvider<BpAccountSummary>(() => html`<bp-account-summary></bp-account-summary>`);
    const pay = await waitFor(() => shadow(summary).querySelector<HTMLButtonElement>('[data-opens=pay]'), 'Make a payment');
    pay.focus();
    await sendKeys({ press: 'Enter' });
    const form = await waitFor(() => shadow(summary).querySelector('bp-payment-form'), 'the form');
    const root = shadow(form);
    const line1 = await waitFor(() => root.querySelector<HTMLInputElement>('#line1'), 'the address');
    // Empties Address Line 1 and City from the keyboard, then sends the form with Enter.
    line1.focus();
    await sendKeys({ press: 'ControlOrMeta+A' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused()?.id).to.equal('city');
    await sendKeys({ press: 'ControlOrMeta+A' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focused()?.classList.contains('error-summary'), 'focus on the error summary');
    const errorSummary = focused()!;
    expect(errorSummary.getAttribute('role')).to.equal('alert');
    expect(textOf(errorSummary)).to.contain('Please correct these 2 things').and.contain('Address Line 1').and.contain('City');
    await sendKeys({ press: 'Tab' });
    expect(textOf(focused()!)).to.contain('Address Line 1');
    expectFocusRing(focused()!, backgroundBehind(focused()!));
    await sendKeys({ press: 'Enter' });
    expect(focused()?.id).to.equal('line1');
    expect(focused()?.getAttribute('aria-invalid')).to.equal('true');
    expect(focused()?.getAttribute('aria-describedby')).to.equal('line1-error');
    errorSummary.querySelectorAll('a')[1]!.focus();
    await sendKeys({ press: 'Enter' });
    expect(focused()?.id).to.equal('city');
  });

  it('Escape closes the form and puts focus back on the button that opened it; so do Cancel and Escape in Cancel autopay', async () => {
    const { el: summary } = await inProvider<BpAccountSummary>(() => html`<bp-account-summary></bp-account-summary>`, { autopay: ['C123456'] });
    for (const opener of ['pay', 'autopay']) {
      const button = await waitFor(() => shadow(summary).querySelector<HTMLButtonElement>(`[data-opens=${opener}]`), opener);
      button.focus();
      await sendKeys({ press: 'Enter' });
      const form = await waitFor(() => shadow(summary).querySelector('bp-payment-form'), 'the form');
      await waitFor(() => shadow(form).querySelector('#line1'), 'its fields');
      // On into the form (the card frame, not served to these tests, is passed by).
      await tabTo((el) => el.id === 'line1', 'Address Line 1', 12);
      await sendKeys({ press: 'Escape' });
      await waitFor(() => !shadow(summary).querySelector('bp-payment-form'), 'the form closed');
      await waitFor(() => focused()?.getAttribute('data-opens') === opener, `focus back on ${opener}`);
    }
    // Cancel autopay asks first: the question takes the focus; Escape keeps autopay and returns.
    shadow(summary).querySelector<HTMLButtonElement>('[data-opens=cancel-autopay]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focused()?.getAttribute('role') === 'group', 'focus on the question');
    expect(focused()!.getAttribute('aria-label')).to.equal('Cancel automatic payment');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => focused()?.getAttribute('data-opens') === 'cancel-autopay', 'focus back on Cancel autopay');
    expect(shadow(summary).querySelector('.confirm')).to.equal(null);
    // Yes: autopay is off, said in the status line, and focus is on Sign-up.
    shadow(summary).querySelector<HTMLButtonElement>('[data-opens=cancel-autopay]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focused()?.getAttribute('role') === 'group', 'the question');
    await sendKeys({ press: 'Tab' });
    expect(textOf(focused()!)).to.equal('Yes, cancel autopay');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => textOf(focused() ?? document.body) === 'Sign-up for automatic payment', 'focus on Sign-up for automatic payment');
    expect(textOf(shadow(summary).querySelector('.notice[role=status]')!)).to.equal('Automatic payment is off: your bills are paid by hand from now on.');
  });
});

describe('keyboard: a new ticket', function () {
  // axe in two themes, or keys sent through the browser: slower than 5 s on a busy machine.
  this.timeout(15_000);
  it('Create opens the form; sent with a field missing, focus goes to it; sent well, focus goes to the message that says it was sent', async () => {
    const { el: tickets } = await inProvider<BpTickets>(() => html`<bp-tickets></bp-tickets>`);
    const root = shadow(tickets);
    const create = await waitFor(() => [...root.querySelectorAll('button')].find(byText('Create')), 'Create');
    create.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => textOf(focused() ?? document.body) === '← All tickets', 'focus on the way back, at the top of the form');
    await tabTo((el) => el.id === 'subject', 'Subject', 3);
    await sendKeys({ type: 'Fax line drops calls' });
    await tabTo((el) => el.localName === 'button' && byText('Create ticket')(el), 'Create ticket');
    expectFocusRing(focused()!, backgroundBehind(focused()!));
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focused()?.id === 'message', 'focus on the message, which is missing');
    const form = shadow(root.querySelector('bp-ticket-form')!);
    expect(focused()!.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(form.querySelector('#message-error')!)).to.equal('Write a message.');
    expect(textOf(form.querySelector('[role=alert]')!)).to.equal('Please correct the marked fields.');
    await sendKeys({ type: 'Since Monday the fax line drops every call after a minute.' });
    await tabTo((el) => el.localName === 'button' && byText('Create ticket')(el), 'Create ticket');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focused()?.classList.contains('notice'), 'focus on the message saying it was sent');
    expect(focused()!.getAttribute('role')).to.equal('status');
    expect(textOf(focused()!)).to.match(/^Ticket #\d+ was sent\./);
    await waitFor(() => root.querySelector('bp-ticket-thread')?.shadowRoot?.querySelector('h2')?.textContent === 'Fax line drops calls', 'its conversation');
  });
});
