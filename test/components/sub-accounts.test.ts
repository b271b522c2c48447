import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { customerMe, headOfficeMe } from '../../stories/fixtures/accounts.ts';
import { createFakeApi, type FakeApiOptions } from '../../stories/fixtures/fake-api.ts';
import { fakeSubAccounts } from '../../stories/fixtures/reports.ts';
import { shadow, textOf, waitFor } from './helpers.ts';

async function inProvider(widget: TemplateResult, options: FakeApiOptions) {
  const api = createFakeApi(options);
  const provider = await fixture(html`<bp-provider .fetcher=${api.fetch}>${widget}</bp-provider>`);
  return { provider, el: provider.firstElementChild as HTMLElement, api };
}

describe('<bp-sub-accounts>', () => {
  it('lists a head office’s locations with what each owes and its last invoice', async () => {
    const { el } = await inProvider(html`<bp-sub-accounts></bp-sub-accounts>`, { signedInAs: headOfficeMe });
    const rows = await waitFor(() => {
      const found = shadow(el).querySelectorAll('tbody tr');
      return found.length ? [...found] : null;
    }, 'the locations');
    const headers = [...shadow(el).querySelectorAll('th')].map((th) => th.textContent!.trim());
    expect(headers).to.deep.equal(['Customer #', 'Customer Name', 'City', 'State', 'Balance', 'Past due', 'Last invoice', 'Invoice total', 'Open']);
    expect(rows.length).to.equal(3);
    expect(textOf(rows[1] as HTMLElement)).to.contain('C200102').and.contain('Spokane').and.contain('WA').and.contain('$');
    expect(rows[1]!.querySelector('.past-due')).to.exist;
    expect(textOf(shadow(el))).to.contain('Sub Accounts are a listing of multiple locations.');
    await expect(el).to.be.accessible();
  });

  it('switches the portal to a location with View account', async () => {
    const { provider, el } = await inProvider(html`<bp-sub-accounts></bp-sub-accounts>`, { signedInAs: headOfficeMe });
    const button = await waitFor(() => shadow(el).querySelector<HTMLButtonElement>('tbody tr:nth-child(3) button'), 'the button');
    expect(button.getAttribute('aria-label')).to.equal('View account C200103, Cascade Outdoor Supply — Boise Warehouse');
    const change = oneEvent(provider, 'bp-account-change');
    button.click();
    const { detail } = await change;
    expect(detail.number).to.equal('C200103');
    expect(detail.account).to.deep.equal({ number: 'C200103', name: 'Cascade Outdoor Supply — Boise Warehouse', parentNumber: 'C200100', isHeadOffice: false });
  });

  it("shows an account that is not a head office the guide's sentence, not an empty table", async () => {
    const { el } = await inProvider(html`<bp-sub-accounts></bp-sub-accounts>`, { signedInAs: customerMe });
    const empty = await waitFor(() => shadow(el).querySelector('.empty'), 'the sentence');
    expect(textOf(empty as HTMLElement)).to.equal("Sub Accounts are a listing of multiple locations. Most clients do not have sub-accounts - you will only see information here if you have been set up as a 'head office'.");
    expect(shadow(el).querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('states: loading, error, and dark', async () => {
    const { el: loading } = await inProvider(html`<bp-sub-accounts></bp-sub-accounts>`, { signedInAs: headOfficeMe, hangPaths: /sub-accounts/ });
    expect(textOf((await waitFor(() => shadow(loading).querySelector('[role=status]'), 'loading')) as HTMLElement)).to.contain('Loading sub-accounts');
    const { el: failed } = await inProvider(html`<bp-sub-accounts></bp-sub-accounts>`, { signedInAs: headOfficeMe, offlinePaths: /sub-accounts/ });
    expect(textOf((await waitFor(() => shadow(failed).querySelector('[role=alert]'), 'error')) as HTMLElement)).to.contain('could not reach');
    await expect(failed).to.be.accessible();
    const dark = await fixture(html`<bp-sub-accounts theme="dark" .data=${fakeSubAccounts('C200100')}></bp-sub-accounts>`);
    await expect(dark).to.be.accessible();
  });
});
