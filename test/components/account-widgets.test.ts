import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { customerMe, headOfficeMe, portland } from '../../stories/fixtures/accounts.ts';
import { createFakeApi, type FakeApiOptions } from '../../stories/fixtures/fake-api.ts';
import { expectAccessibleInBothThemes, shadow, textOf, waitFor } from './helpers.ts';

/** A widget inside `<bp-provider>` over the fake API, as a reseller's page places it. */
async function inProvider(widget: TemplateResult, options: FakeApiOptions) {
  const api = createFakeApi(options);
  const provider = await fixture(html`<bp-provider .fetcher=${api.fetch}>${widget}</bp-provider>`);
  return { el: provider.firstElementChild!, api };
}

const stateOf = async (el: Element, selector: string) => waitFor(() => shadow(el).querySelector(selector), selector);

describe('<bp-account-info>', () => {
  it('shows the guide’s Account Information fields', async () => {
    const { el } = await inProvider(html`<bp-account-info></bp-account-info>`, { signedInAs: customerMe });
    await waitFor(() => shadow(el).querySelector('dl'), 'the details');
    const terms = [...shadow(el).querySelectorAll('dt')].map((d) => d.textContent);
    expect(terms).to.deep.equal(['Account #', 'Account Name', 'Billing Address', 'Representative']);
    expect(textOf(shadow(el).querySelector('dl')!)).to.contain('C123456').and.contain('111 High St').and.contain('San Francisco, CA 94114');
    await expectAccessibleInBothThemes(el);
  });

  it('names the head office of a sub-account', async () => {
    const el = await fixture(html`<bp-account-info .data=${portland}></bp-account-info>`);
    expect(textOf(shadow(el))).to.contain('Head Office').and.contain('Cascade Outdoor Supply (C200100)');
  });

  it('announces loading', async () => {
    const { el } = await inProvider(html`<bp-account-info></bp-account-info>`, { signedInAs: customerMe, hang: true });
    const status = await stateOf(el, '[role=status]');
    expect(status.textContent).to.contain('Loading account information');
    await expectAccessibleInBothThemes(el);
  });

  it('explains a failure and loads again on "Try again"', async () => {
    const options: FakeApiOptions = { signedInAs: customerMe };
    const api = createFakeApi(options);
    let fail = true;
    const flaky: typeof fetch = (input, init) => (fail && String(input instanceof Request ? input.url : input).includes('/accounts/') ? Promise.reject(new TypeError('offline')) : api.fetch(input, init));
    const provider = await fixture(html`<bp-provider .fetcher=${flaky}><bp-account-info></bp-account-info></bp-provider>`);
    const el = provider.firstElementChild!;
    const alert = await stateOf(el, '[role=alert]');
    expect(textOf(alert)).to.contain('could not reach the billing portal');
    await expectAccessibleInBothThemes(el);
    fail = false;
    alert.querySelector('button')!.click();
    await waitFor(() => shadow(el).querySelector('dl'), 'the details after retrying');
  });

  it('shows the account the host names in account-number', async () => {
    const { el } = await inProvider(html`<bp-account-info account-number="C200101"></bp-account-info>`, { signedInAs: headOfficeMe });
    await waitFor(() => textOf(shadow(el)).includes('835 NW Everett St'), 'the Portland address');
  });

  it('says “not found” for an account the user cannot reach', async () => {
    const { el } = await inProvider(html`<bp-account-info account-number="C200100"></bp-account-info>`, { signedInAs: customerMe });
    const alert = await stateOf(el, '[role=alert]');
    expect(textOf(alert)).to.contain('not found');
  });
});
