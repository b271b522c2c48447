import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { customerMe, headOfficeMe } from '../../stories/fixtures/accounts.ts';
import { createFakeApi, type FakeApiOptions } from '../../stories/fixtures/fake-api.ts';
import { fakeServices } from '../../stories/fixtures/reports.ts';
import { shadow, textOf, waitFor } from './helpers.ts';

async function inProvider(widget: TemplateResult, options: FakeApiOptions = {}) {
  const api = createFakeApi({ signedInAs: customerMe, ...options });
  const provider = await fixture(html`<bp-provider .fetcher=${api.fetch}>${widget}</bp-provider>`);
  return { el: provider.firstElementChild as HTMLElement, api };
}

const rows = (el: Element) => waitFor(() => {
  const found = shadow(el).querySelectorAll('table[part=table] > tbody > tr:not(.details)');
  return found.length ? [...found] : null;
}, 'the locations');

describe('<bp-services>', () => {
  it("shows the guide's columns, one row per location with its count of services, and opens a location's subscriptions", async () => {
    const { el } = await inProvider(html`<bp-services></bp-services>`);
    const [row] = await rows(el);
    const headers = [...shadow(el).querySelectorAll('table[part=table] > thead th')].map((th) => th.textContent!.trim());
    expect(headers).to.deep.equal(['Customer #', 'Customer Name', 'Location', 'Province', 'City', 'Street', 'Services']);
    expect(textOf(row as HTMLElement)).to.contain('C123456').and.contain('Main office').and.contain('CA').and.contain('San Francisco').and.contain('111 High St').and.contain('5');
    expect(textOf(shadow(el))).to.contain('Click on services for a summary of the subscriptions you have.');
    const open = row!.querySelector('button')!;
    expect(open.getAttribute('aria-expanded')).to.equal('false');
    open.click();
    const subscriptions = await waitFor(() => shadow(el).querySelector('[part=subscriptions]'), 'the subscriptions');
    expect(open.getAttribute('aria-expanded')).to.equal('true');
    expect(textOf(subscriptions as HTMLElement)).to.contain('VoIP Business 10,000').and.contain('001835').and.contain('10,000 min').and.contain('CAN/US/PR/MEX/UK').and.contain('Hosted PBX seat');
    await expect(el).to.be.accessible();
  });

  it('hides ended subscriptions unless asked', async () => {
    const { el, api } = await inProvider(html`<bp-services></bp-services>`);
    const [row] = await rows(el);
    row!.querySelector('button')!.click();
    await waitFor(() => shadow(el).querySelector('[part=subscriptions]'), 'the subscriptions');
    expect(textOf(shadow(el).querySelector('[part=subscriptions]') as HTMLElement)).not.to.contain('Ended');
    const box = [...shadow(el).querySelectorAll('label')].find((l) => l.textContent!.includes('Show ended subscriptions'))!.querySelector('input')!;
    box.click();
    await waitFor(() => api.requests.includes('GET /api/v1/accounts/C123456/services?ended=true'), 'asked with ended');
    await waitFor(() => textOf(shadow(el).querySelector('[part=subscriptions]') as HTMLElement).includes('Ended'), 'the ended subscription');
  });

  it('a head office can add its sub-accounts’ locations', async () => {
    const { el, api } = await inProvider(html`<bp-services></bp-services>`, { signedInAs: headOfficeMe });
    await rows(el);
    [...shadow(el).querySelectorAll('label')].find((l) => l.textContent!.includes('With all sub-accounts'))!.querySelector('input')!.click();
    await waitFor(() => api.requests.includes('GET /api/v1/accounts/C200100/services?rollup=true'), 'rolled up');
    await waitFor(() => shadow(el).querySelectorAll('table[part=table] > tbody > tr:not(.details)').length === 4, 'four locations');
    expect((await rows(el)).map((r) => r.children[0]!.textContent)).to.deep.equal(['C200100', 'C200101', 'C200102', 'C200103']);
  });

  it('states: loading, error, empty, and dark', async () => {
    const { el: loading } = await inProvider(html`<bp-services></bp-services>`, { hangPaths: /services/ });
    expect(textOf((await waitFor(() => shadow(loading).querySelector('[role=status]'), 'loading')) as HTMLElement)).to.contain('Loading services');
    const { el: failed } = await inProvider(html`<bp-services></bp-services>`, { offlinePaths: /services/ });
    expect(textOf((await waitFor(() => shadow(failed).querySelector('[role=alert]'), 'error')) as HTMLElement)).to.contain('could not reach');
    await expect(failed).to.be.accessible();
    const { el: empty } = await inProvider(html`<bp-services></bp-services>`, { noServices: true });
    expect(textOf((await waitFor(() => shadow(empty).querySelector('.empty'), 'empty')) as HTMLElement)).to.contain('no services');
    await expect(empty).to.be.accessible();
    const dark = await fixture(html`<bp-services theme="dark" .data=${fakeServices('C200100', { rollup: true })}></bp-services>`);
    shadow(dark).querySelector<HTMLButtonElement>('tbody button')!.click();
    await waitFor(() => shadow(dark).querySelector('[part=subscriptions]'), 'the subscriptions');
    await expect(dark).to.be.accessible();
  });
});
