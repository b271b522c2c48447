import { expect, fixture, html } from '@open-wc/testing';
import { Chart } from 'chart.js';
import type { TemplateResult } from 'lit';
import type { BpReport } from '../../components/reports/report.ts';
import { customerMe, headOfficeMe } from '../../stories/fixtures/accounts.ts';
import { createFakeApi, type FakeApiOptions } from '../../stories/fixtures/fake-api.ts';
import { shadow, textOf, waitFor } from './helpers.ts';

async function inProvider(widget: TemplateResult, options: FakeApiOptions = {}) {
  const api = createFakeApi({ signedInAs: customerMe, ...options });
  const provider = await fixture(html`<bp-provider .fetcher=${api.fetch}>${widget}</bp-provider>`);
  return { el: provider.firstElementChild as HTMLElement, api };
}

const month = (k: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + k, 1)).toISOString().slice(0, 7);
};
const thisMonth = month(0);
const reportRequests = (api: { requests: string[] }, name: string) => api.requests.filter((r) => r.startsWith(`GET /api/v1/accounts/`) && r.includes(`/reports/${name}`));
const table = (el: Element) => waitFor(() => shadow(el).querySelector('table'), 'the table');
const headers = (el: Element) => [...shadow(el).querySelectorAll('thead th')].map((th) => th.textContent!.replace(/[▲▼]/g, '').trim());
const select = async (el: Element, selector: string, value: string) => {
  const control = shadow(el).querySelector<HTMLSelectElement>(selector)!;
  control.value = value;
  control.dispatchEvent(new Event('change'));
  await (el as BpReport).updateComplete;
};
const chartOf = (el: Element) => waitFor(() => {
  const canvas = shadow(el).querySelector('canvas');
  return canvas ? Chart.getChart(canvas) : undefined;
}, 'the chart');

describe('<bp-reports>', () => {
  it("lists the guide's six reports in its order, and opens one on a screen of its own with a way back", async () => {
    const { el } = await inProvider(html`<bp-reports></bp-reports>`);
    const links = [...shadow(el).querySelectorAll('ul button')].map((b) => b.textContent!.trim());
    expect(links).to.deep.equal(['Usage', 'Subscribers', 'Usage Details', 'YTD All In Spend', 'YTD Fixed Spend', 'YTD Usage']);
    expect(textOf(shadow(el))).to.contain('You can see an overview of various aspects of your account including usage details.').and.contain('Click a link to view the report');
    await expect(el).to.be.accessible();

    shadow(el).querySelector<HTMLButtonElement>('[data-report="ytd-fixed"]')!.click();
    const report = await waitFor(() => shadow(el).querySelector('bp-report'), 'the report');
    await waitFor(() => shadow(report).activeElement?.localName === 'h2', 'focus on the report’s heading');
    expect(shadow(report).querySelector('h2')!.textContent).to.equal('YTD Fixed Spend');
    shadow(el).querySelector<HTMLButtonElement>('.back')!.click();
    await waitFor(() => shadow(el).activeElement?.getAttribute('data-report') === 'ytd-fixed', 'focus back on the link');
  });

  it('a report opened again, or its period chosen again, comes from the account store: no second request', async () => {
    const { el, api } = await inProvider(html`<bp-reports></bp-reports>`);
    const open = async (name: string) => {
      shadow(el).querySelector<HTMLButtonElement>(`[data-report="${name}"]`)!.click();
      const report = await waitFor(() => shadow(el).querySelector('bp-report'), 'the report');
      await table(report);
      return report;
    };
    const usage = await open('usage');
    await select(usage, '#period', 'last-month');
    await waitFor(() => reportRequests(api, 'usage').length === 2 || null, 'last month read');
    await table(usage);
    await select(usage, '#period', 'this-month');
    await table(usage);
    shadow(el).querySelector<HTMLButtonElement>('.back')!.click();
    await waitFor(() => shadow(el).querySelector('[data-report="usage"]'), 'the list');
    await open('usage');
    expect(reportRequests(api, 'usage')).to.deep.equal([
      `GET /api/v1/accounts/C123456/reports/usage?from=${thisMonth}&to=${thisMonth}`,
      `GET /api/v1/accounts/C123456/reports/usage?from=${month(-1)}&to=${month(-1)}`,
    ]);
  });
});

describe('<bp-report>', () => {
  it('Usage: this month by default, a chart with a legend in the theme’s colours, the table as its text, so far marked', async () => {
    const { el, api } = await inProvider(html`<bp-report report="usage"></bp-report>`);
    await table(el);
    expect(shadow(el).querySelector<HTMLSelectElement>('#period')!.value).to.equal('this-month');
    expect(reportRequests(api, 'usage')[0]).to.equal(`GET /api/v1/accounts/C123456/reports/usage?from=${thisMonth}&to=${thisMonth}`);
    expect(headers(el)).to.deep.equal(['Month', 'Plan or category', 'Minutes used', 'Included', 'Overage minutes', 'Charge']);
    expect(textOf(shadow(el).querySelector('tbody')!)).to.contain('so far').and.contain('VoIP Business 10,000').and.contain('INTL');
    expect(textOf(shadow(el).querySelector('tfoot')!)).to.contain('So far, not invoiced yet');
    const canvas = shadow(el).querySelector('canvas')!;
    expect(canvas.getAttribute('role')).to.equal('img');
    expect(canvas.getAttribute('aria-label')).to.contain('The table below has the same numbers');
    const chart = await chartOf(el);
    expect(chart.options.plugins!.legend!.display).to.not.equal(false);
    expect(chart.data.datasets.map((d) => d.label)).to.deep.equal(['VoIP Business 10,000', 'CARIBBEAN', 'INTL']);
    expect(chart.data.datasets[0]!.backgroundColor).to.equal('rgb(11, 92, 173)', 'the brand colour');
    await expect(el).to.be.accessible();

    el.setAttribute('theme', 'dark');
    await waitFor(() => chart.data.datasets[0]!.backgroundColor === 'rgb(101, 173, 255)', 'the dark series colour (the brand, lightened)');
    await expect(el).to.be.accessible();
  });

  it('YTD All In Spend: year to date, fixed / usage / taxes stacked beside last year, this month so far apart', async () => {
    const { el, api } = await inProvider(html`<bp-report report="ytd-all-in"></bp-report>`);
    await table(el);
    expect(shadow(el).querySelector<HTMLSelectElement>('#period')!.value).to.equal('year-to-date');
    expect(reportRequests(api, 'ytd-all-in')[0]).to.equal(`GET /api/v1/accounts/C123456/reports/ytd-all-in?from=${thisMonth.slice(0, 4)}-01&to=${thisMonth}`);
    expect(headers(el)).to.deep.equal(['Month', 'Fixed', 'Usage', 'Taxes and fees', 'All in', 'Last year', 'Change']);
    const note = shadow(el).querySelector('[part=so-far]')!;
    expect(textOf(note as HTMLElement)).to.contain('so far').and.contain('not invoiced yet').and.contain('not in the totals');
    const chart = await chartOf(el);
    expect(chart.data.datasets.map((d) => [d.label, d.stack])).to.deep.equal([
      ['Fixed', 'this'],
      ['Usage', 'this'],
      ['Taxes and fees', 'this'],
      ['This month so far (not invoiced)', 'this'],
      ['Last year', 'last'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('the period picker: last month, a quarter, a custom range of months', async () => {
    const { el, api } = await inProvider(html`<bp-report report="usage"></bp-report>`);
    await table(el);
    await select(el, '#period', 'last-month');
    await waitFor(() => reportRequests(api, 'usage').some((r) => r.endsWith(`from=${month(-1)}&to=${month(-1)}`)), 'last month asked for');
    await select(el, '#period', 'custom');
    const from = shadow(el).querySelector<HTMLInputElement>('#from')!;
    expect(shadow(el).querySelector('label[for=from]')!.textContent).to.equal('From month');
    from.value = month(-5);
    from.dispatchEvent(new Event('change'));
    await waitFor(() => reportRequests(api, 'usage').some((r) => r.endsWith(`from=${month(-5)}&to=${month(-1)}`)), 'the custom range asked for');
    await table(el);
    await expect(el).to.be.accessible();
  });

  it('Download CSV asks for the same numbers as CSV', async () => {
    const { el, api } = await inProvider(html`<bp-report report="ytd-usage"></bp-report>`);
    await table(el);
    const button = [...shadow(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Download CSV')!;
    button.click();
    await waitFor(() => reportRequests(api, 'ytd-usage').some((r) => r.includes('format=csv')), 'the CSV asked for');
    expect(reportRequests(api, 'ytd-usage').find((r) => r.includes('format=csv'))).to.equal(`GET /api/v1/accounts/C123456/reports/ytd-usage?from=${thisMonth.slice(0, 4)}-01&to=${thisMonth}&format=csv`);
    await waitFor(() => button.textContent!.trim() === 'Download CSV', 'done');
    expect(shadow(el).querySelector('.download-error')).to.equal(null);
  });

  it('a head office rolls its sub-accounts up: the choice, the query, a Customer # column', async () => {
    const { el, api } = await inProvider(html`<bp-report report="subscribers"></bp-report>`, { signedInAs: headOfficeMe });
    await table(el);
    const box = [...shadow(el).querySelectorAll('label')].find((l) => l.textContent!.includes('With all sub-accounts'))!.querySelector('input')!;
    box.click();
    await waitFor(() => reportRequests(api, 'subscribers').some((r) => r.includes('rollup=true')), 'rolled up');
    await waitFor(() => headers(el)[0] === 'Customer #', 'the Customer # column');
    expect(textOf(shadow(el).querySelector('tbody')!)).to.contain('C200101').and.contain('C200103');
    await expect(el).to.be.accessible();
    const { el: single } = await inProvider(html`<bp-report report="subscribers"></bp-report>`);
    await table(single);
    expect(textOf(shadow(single))).not.to.contain('With all sub-accounts');
  });

  it('Subscribers sorts by each column, saying how in aria-sort', async () => {
    const { el } = await inProvider(html`<bp-report report="subscribers"></bp-report>`);
    await table(el);
    const header = () => [...shadow(el).querySelectorAll('thead th')].find((th) => th.textContent!.includes('Monthly fixed charge'))!;
    const charges = () => [...shadow(el).querySelectorAll('tbody tr')].map((tr) => Number(tr.children[5]!.textContent!.replace(/[^0-9.]/g, '')));
    header().querySelector('button')!.click();
    await (el as BpReport).updateComplete;
    expect(header().getAttribute('aria-sort')).to.equal('ascending');
    expect(charges()).to.deep.equal([...charges()].sort((a, b) => a - b));
    header().querySelector('button')!.click();
    await (el as BpReport).updateComplete;
    expect(header().getAttribute('aria-sort')).to.equal('descending');
    expect(charges()).to.deep.equal([...charges()].sort((a, b) => b - a));
  });

  it('Usage Details: the call records, paged by cursor, filtered by category', async () => {
    const { el, api } = await inProvider(html`<bp-report report="usage-details"></bp-report>`);
    await select(el, '#period', 'last-quarter');
    await waitFor(() => shadow(el).querySelectorAll('tbody tr').length === 25, 'a page of calls');
    expect(headers(el)).to.deep.equal(['Date and time', 'Subscriber #', 'From', 'To', 'Category', 'Duration', 'Billed minutes', 'Charge']);
    const firstRow = textOf(shadow(el).querySelector('tbody tr') as HTMLElement);
    const next = [...shadow(el).querySelectorAll('.pager button')].find((b) => b.textContent!.trim() === 'Next') as HTMLButtonElement;
    next.click();
    await waitFor(() => reportRequests(api, 'usage-details').some((r) => /cursor=\d+-\d+/.test(r)), 'the next page by cursor');
    await waitFor(() => textOf(shadow(el).querySelector('.pager')!).includes('Page 2'), 'page 2');
    expect(textOf(shadow(el).querySelector('tbody tr') as HTMLElement)).not.to.equal(firstRow);
    (shadow(el).querySelector('.pager button') as HTMLButtonElement).click();
    await waitFor(() => textOf(shadow(el).querySelector('.pager')!).includes('Page 1'), 'page 1 again');

    const category = shadow(el).querySelector<HTMLSelectElement>('#category')!;
    category.value = 'INTL';
    shadow(el).querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    await waitFor(() => reportRequests(api, 'usage-details').some((r) => r.includes('category=INTL')), 'filtered by category');
    await waitFor(() => [...shadow(el).querySelectorAll('tbody tr')].every((tr) => tr.children[4]!.textContent === 'INTL'), 'INTL calls only');
    await expect(el).to.be.accessible();
  });

  it('loading, error with a retry, and empty read alike', async () => {
    const { el: loading } = await inProvider(html`<bp-report report="usage"></bp-report>`, { hangPaths: /reports/ });
    expect(textOf((await waitFor(() => shadow(loading).querySelector('[role=status]'), 'loading')) as HTMLElement)).to.contain('Loading Usage');
    await expect(loading).to.be.accessible();

    const { el: failed } = await inProvider(html`<bp-report report="ytd-all-in"></bp-report>`, { offlinePaths: /reports/ });
    const alert = await waitFor(() => shadow(failed).querySelector('[role=alert]'), 'the error');
    expect(textOf(alert as HTMLElement)).to.contain('could not reach the billing portal');
    expect(alert.querySelector('button')!.textContent).to.equal('Try again');
    await expect(failed).to.be.accessible();

    const { el: empty } = await inProvider(html`<bp-report report="ytd-usage"></bp-report>`, { noInvoices: true });
    const message = await waitFor(() => shadow(empty).querySelector('.empty'), 'the empty state');
    expect(textOf(message as HTMLElement)).to.contain('Nothing to show').and.contain('no invoices or calls');
    expect(shadow(empty).querySelector('canvas')).to.equal(null);
    await expect(empty).to.be.accessible();
  });
});
