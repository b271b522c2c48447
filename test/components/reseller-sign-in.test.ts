import { expect, fixture, html } from '@open-wc/testing';
import { brandTokens } from '../../components/base/brand-colors.ts';
import { toRgb } from '../../components/styles/computed-colors.ts';
import type { BpPortal } from '../../components/portal/portal.ts';
import { customerMe, headOfficeMe } from '../../stories/fixtures/accounts.ts';
import { northbeamBrand, northbeamCustomerMe } from '../../stories/fixtures/brands.ts';
import { createFakeApi, type FakeApiOptions } from '../../stories/fixtures/fake-api.ts';
import { shadow, textOf, waitFor } from './helpers.ts';

/**
 * Reseller sign-in and white label in the browser: `session-token` signs the customer in with
 * no form, and the portal wears the reseller's brand (name, logo, support contact, colours)
 * instead of the provider's — over the fake API, which answers the exchange as the server does.
 */

const NORTHBEAM_PRIMARY = 'rgb(138, 59, 18)';
const NORTHBEAM_HEADER = 'rgb(61, 38, 22)';
const rgbOf = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
/** Northbeam's brown, lightened just enough to read on the dark theme's panels. */
const NORTHBEAM_PRIMARY_DARK = rgbOf(brandTokens(northbeamBrand).dark.brand!);

async function portal(options: FakeApiOptions, attrs: { token?: string; reseller?: string; theme?: string; providerName?: string } = {}) {
  const api = createFakeApi(options);
  const el = await fixture<BpPortal>(
    html`<bp-portal .fetcher=${api.fetch} session-token=${attrs.token ?? ''} reseller=${attrs.reseller ?? ''} theme=${attrs.theme ?? 'light'} provider-name=${attrs.providerName ?? ''}></bp-portal>`,
  );
  return { el, api };
}

const heading = (el: Element) => shadow(el).querySelector('main h1')?.textContent?.trim();
const header = (el: Element) => shadow(el).querySelector('header')!;
/** The sign-in screen's brand panel, once the session check is done ('' before). */
const brandPanel = (el: Element) => {
  const panel = shadow(el).querySelector('.brand-panel');
  return panel ? textOf(panel) : '';
};
const colourOf = (el: Element, property: 'color' | 'backgroundColor') => getComputedStyle(el)[property];

describe('<bp-portal session-token>', () => {
  it('signs the reseller’s customer in without a form, in the reseller’s brand, accessibly', async () => {
    const { el, api } = await portal({ portalSessions: { 'token-1': { me: northbeamCustomerMe } } }, { token: 'token-1' });
    expect(shadow(el).querySelector('bp-login'), 'no sign-in form, even for a moment').to.equal(null);
    await waitFor(() => heading(el) === 'My Account', 'My Account');
    expect(api.requests.slice(0, 2)).to.deep.equal(['POST /api/v1/auth/portal-session', 'GET /api/v1/me']);
    expect(textOf(header(el))).to.contain('Northbeam IT').and.not.contain('Harbourline');
    expect(header(el).querySelector('img.logo')!.getAttribute('src')).to.equal(northbeamBrand.logoUrl);
    expect(colourOf(header(el), 'backgroundColor')).to.equal(NORTHBEAM_HEADER);
    const support = shadow(el).querySelector('footer .support')!;
    expect(textOf(support)).to.contain('Northbeam IT').and.contain('billing@northbeam.example').and.contain('+1 503 555 0188');
    expect(support.querySelector('a[href="mailto:billing@northbeam.example"]')).to.exist;
    const summary = await waitFor(() => shadow(el).querySelector('bp-account-summary'), 'My Account');
    const pay = await waitFor(() => [...shadow(summary).querySelectorAll('button')].find((b) => b.textContent!.includes('Make a payment')), 'Make a payment');
    expect(colourOf(pay, 'backgroundColor')).to.equal(NORTHBEAM_PRIMARY, 'the widgets take the brand’s colour');
    await expect(el).to.be.accessible();
  });

  it('keeps its colours readable in the dark theme', async () => {
    const { el } = await portal({ portalSessions: { 'token-1': { me: northbeamCustomerMe } } }, { token: 'token-1', theme: 'dark' });
    await waitFor(() => heading(el) === 'My Account', 'My Account');
    const link = shadow(el).querySelector<HTMLElement>('footer .support a')!;
    expect(NORTHBEAM_PRIMARY_DARK).not.to.equal(NORTHBEAM_PRIMARY, 'the brand’s dark brown would not read on a dark page');
    expect(colourOf(link, 'color')).to.equal(NORTHBEAM_PRIMARY_DARK, 'a lighter tint of it');
    expect(colourOf(header(el), 'backgroundColor')).to.equal(NORTHBEAM_HEADER);
    await expect(el).to.be.accessible();
  });

  it('shows first the account the session was asked for (a head office’s user, on a location’s page)', async () => {
    const { el } = await portal({ portalSessions: { 'token-1': { me: { ...headOfficeMe, brand: northbeamBrand }, account: 'C200101' } } }, { token: 'token-1' });
    await waitFor(() => heading(el) === 'My Account' && textOf(shadow(el).querySelector('main')!).includes('C200101'), 'the location’s My Account');
    const switcher = shadow(el).querySelector<HTMLSelectElement>('#account-switcher')!;
    switcher.value = 'C200100';
    switcher.dispatchEvent(new Event('change'));
    await el.refresh();
    await el.updateComplete;
    expect(switcher.value).to.equal('C200100', 'once the user chose another account, a refresh keeps it');
  });

  it('a token used before (a reload with an old page) leaves the customer signed out, saying why', async () => {
    const { el } = await portal({}, { token: 'spent-token' });
    const alert = await waitFor(() => shadow(el).querySelector('.panel [role=alert]'), 'the explanation');
    expect(textOf(alert)).to.contain('expired or was already used');
    expect(shadow(el).querySelector('bp-login'), 'a customer with a password may still sign in').to.exist;
    await expect(el).to.be.accessible();
  });

  it('a new token set later signs in again', async () => {
    const { el } = await portal({ portalSessions: { fresh: { me: northbeamCustomerMe } } }, { token: 'spent-token' });
    await waitFor(() => shadow(el).querySelector('.panel [role=alert]'), 'the refusal');
    el.sessionToken = 'fresh';
    await waitFor(() => heading(el) === 'My Account', 'My Account with the new token');
  });
});

describe('the brand on the sign-in screen', () => {
  it('is the reseller’s that the page names, before anyone signs in', async () => {
    const { el } = await portal({ brands: [northbeamBrand] }, { reseller: 'northbeam' });
    await waitFor(() => brandPanel(el).includes('Northbeam IT'), 'the reseller’s name');
    expect(brandPanel(el)).to.contain('billing@northbeam.example');
    const logIn = shadow(shadow(el).querySelector('bp-login')!).querySelector('button[type=submit]')!;
    expect(colourOf(logIn, 'backgroundColor')).to.equal(NORTHBEAM_PRIMARY);
    await expect(el).to.be.accessible();
  });

  it('is the provider’s for an unknown reseller or none', async () => {
    for (const reseller of ['nobody', '']) {
      const { el } = await portal({ brands: [northbeamBrand] }, { reseller });
      await waitFor(() => shadow(el).querySelector('bp-login'), 'the sign-in screen');
      expect(brandPanel(el)).to.contain('Harbourline Communications');
      expect(shadow(el).querySelector('.support')).to.equal(null);
    }
  });

  it('gives way to the page: provider-name, the brand and support slots, and --bp-* on the element', async () => {
    const api = createFakeApi({ signedInAs: northbeamCustomerMe });
    const el = await fixture<BpPortal>(html`
      <bp-portal .fetcher=${api.fetch} provider-name="Northbeam Billing" style="--bp-color-header-bg: #123456">
        <span slot="support">Call your account manager.</span>
      </bp-portal>
    `);
    await waitFor(() => heading(el) === 'My Account', 'My Account');
    expect(textOf(header(el))).to.contain('Northbeam Billing');
    expect(colourOf(header(el), 'backgroundColor')).to.equal('rgb(18, 52, 86)');
    const slot = shadow(el).querySelector<HTMLSlotElement>('footer slot[name=support]')!;
    expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Call your account manager.']);
  });

  it('the provider’s own customer sees the provider', async () => {
    const { el } = await portal({ signedInAs: customerMe });
    await waitFor(() => heading(el) === 'My Account', 'My Account');
    expect(textOf(header(el))).to.contain('Harbourline Communications');
    // The provider's brand blue, darkened (tokens.ts), not a reseller's colour.
    expect(toRgb(colourOf(header(el), 'backgroundColor'))).to.equal('rgb(3, 44, 89)');
  });
});

describe('<bp-provider session-token>', () => {
  it('signs in the widgets a reseller’s page places, in its colours', async () => {
    const api = createFakeApi({ portalSessions: { 'token-1': { me: northbeamCustomerMe } } });
    const provider = await fixture(html`<bp-provider .fetcher=${api.fetch} session-token="token-1"><bp-account-summary></bp-account-summary></bp-provider>`);
    const summary = provider.querySelector('bp-account-summary')!;
    const pay = await waitFor(() => [...shadow(summary).querySelectorAll('button')].find((b) => b.textContent!.includes('Make a payment')), 'My Account');
    expect(colourOf(pay, 'backgroundColor')).to.equal(NORTHBEAM_PRIMARY);
    expect(api.requests[0]).to.equal('POST /api/v1/auth/portal-session');
    await expect(summary).to.be.accessible();
  });

  it('its colours reach the widgets in the dark theme too, even those nested in others', async () => {
    const api = createFakeApi({ portalSessions: { 'token-1': { me: northbeamCustomerMe } } });
    const provider = await fixture(html`<bp-provider .fetcher=${api.fetch} session-token="token-1" theme="dark"><bp-account-summary theme="dark"></bp-account-summary></bp-provider>`);
    const summary = provider.querySelector('bp-account-summary')!;
    const pay = await waitFor(() => [...shadow(summary).querySelectorAll('button')].find((b) => b.textContent!.includes('Make a payment')), 'My Account');
    expect(colourOf(pay, 'backgroundColor')).to.equal(NORTHBEAM_PRIMARY_DARK);
    const meter = await waitFor(() => shadow(summary).querySelector('bp-usage-meter'), 'the usage meter inside');
    expect(getComputedStyle(meter).getPropertyValue('--bp-color-primary').trim()).to.equal(brandTokens(northbeamBrand).dark.brand);
    await expect(summary).to.be.accessible();
  });
});
