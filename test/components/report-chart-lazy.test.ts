import { expect, fixture, html, waitUntil } from '@open-wc/testing';

/**
 * The kit is imported here only after the page's resource timing buffer is made big enough to
 * list every module it fetches, so the check below sees the whole module graph.
 */
const chartLibraryLoaded = () => performance.getEntriesByType('resource').some((e) => /\/chart\.js\/|@kurkle|report-chart\.ts/.test(e.name));
const shadow = (el: Element) => el.shadowRoot!;

describe('the chart library', function () {
  // The whole kit imported afresh, then a report opened: slower than 5 s on a busy machine.
  this.timeout(20_000);
  it('is fetched only when a report with a chart opens, not with the kit', async () => {
    performance.setResourceTimingBufferSize(100_000);
    await import('../../components/register-all.ts');
    const { createFakeApi } = await import('../../stories/fixtures/fake-api.ts');
    const { customerMe } = await import('../../stories/fixtures/accounts.ts');
    expect(performance.getEntriesByType('resource').some((e) => e.name.includes('/components/reports/report.ts')), 'the kit’s modules are listed').to.equal(true);
    expect(chartLibraryLoaded(), 'no chart code with the kit').to.equal(false);

    const api = createFakeApi({ signedInAs: customerMe });
    const provider = await fixture(html`<bp-provider .fetcher=${api.fetch}><bp-reports></bp-reports></bp-provider>`);
    const reports = provider.querySelector('bp-reports')!;
    shadow(reports).querySelector<HTMLButtonElement>('[data-report="subscribers"]')!.click();
    await waitUntil(() => shadow(reports).querySelector('bp-report')?.shadowRoot?.querySelector('table'), 'the Subscribers table');
    expect(chartLibraryLoaded(), 'a report without a chart does not fetch it').to.equal(false);

    shadow(reports).querySelector<HTMLButtonElement>('.back')!.click();
    await waitUntil(() => shadow(reports).querySelector('[data-report="usage"]'), 'the list');
    shadow(reports).querySelector<HTMLButtonElement>('[data-report="usage"]')!.click();
    await waitUntil(() => chartLibraryLoaded(), 'the chart library, once Usage opens', { timeout: 4000 });
  });
});
