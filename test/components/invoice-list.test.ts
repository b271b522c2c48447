import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { BpInvoiceList } from '../../components/invoice-list/invoice-list.ts';
import { customerMe } from '../../stories/fixtures/accounts.ts';
import { createFakeApi, type FakeApiOptions } from '../../stories/fixtures/fake-api.ts';
import { invoiceDetail, invoicePage, noInvoices } from '../../stories/fixtures/invoices.ts';
import { navLabels, portalWith, shadow, shownDate, textOf, waitFor } from './helpers.ts';

/** The list inside `<bp-provider>` over the fake API, once its first page is shown. */
async function invoiceList(options: FakeApiOptions = {}, theme = 'light') {
  const api = createFakeApi({ signedInAs: customerMe, ...options });
  const provider = await fixture(html`<bp-provider .fetcher=${api.fetch}><bp-invoice-list theme=${theme}></bp-invoice-list></bp-provider>`);
  const list = provider.firstElementChild as BpInvoiceList;
  return { list, api, root: shadow(list) };
}

const rows = (root: ShadowRoot) => [...root.querySelectorAll('tr.invoice')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.replace(/\s+/g, ' ').trim()));
const firstRows = (root: ShadowRoot) => waitFor(() => (root.querySelector('tr.invoice') ? rows(root) : null), 'invoice rows');
const choose = (root: ShadowRoot, id: string, value: string) => {
  const select = root.querySelector<HTMLSelectElement>(`#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
};

describe('<bp-invoice-list>', () => {
  it('shows the guide’s columns, newest first, with balance and status', async () => {
    const { list, root } = await invoiceList();
    const shown = await firstRows(root);
    expect([...root.querySelectorAll('thead th')].map((th) => th.textContent!.trim())).to.deep.equal([
      'Invoice Date', 'Customer #', 'Customer Name', 'Total', 'Balance', 'Status', 'Download',
    ]);
    const expected = invoicePage('C123456', { pageSize: 12 }).invoices;
    expect(shown.map((r) => r[0]!.split(',').slice(0, 2).join(',').trim())).to.deep.equal(expected.map((i) => shownDate(i.date)));
    expect(shown[0]!.slice(1, 7)).to.deep.equal(['C123456', 'Bayview Dental Group', `$${(expected[0]!.total / 100).toFixed(2)}`, `$${(expected[0]!.balance / 100).toFixed(2)}`, 'Open', 'Invoice']);
    expect(shown[1]![5]).to.equal('Past due');
    expect(shown[2]![4]).to.equal('$0.00');
    expect(shown[2]![5]).to.equal('Paid');
    expect(textOf(root)).to.contain('Showing 1–12 of 36');
    await expect(list).to.be.accessible();
  });

  it('filters by status and by year, asking the server, and says when nothing matches', async () => {
    const { root, api } = await invoiceList();
    await firstRows(root);
    choose(root, 'status', 'past_due');
    await waitFor(() => rows(root).length === 1 || null, 'one past-due invoice');
    expect(rows(root)[0]![5]).to.equal('Past due');
    expect(api.requests.at(-1)).to.equal('GET /api/v1/accounts/C123456/invoices?page=1&pageSize=12&status=past_due');
    choose(root, 'status', 'paid');
    choose(root, 'year', '2024');
    await waitFor(() => (rows(root).every((r) => r[0]!.includes('2024') && r[5] === 'Paid') && rows(root).length > 0) || null, '2024 paid invoices');
    const asked = new URL(api.requests.at(-1)!.replace(/^GET /, ''), location.origin).searchParams;
    expect([asked.get('status'), asked.get('year')]).to.deep.equal(['paid', '2024']);
    expect([...root.querySelectorAll('#year option')].map((o) => o.textContent!.trim())).to.deep.equal(['All years', '2026', '2025', '2024', '2023']);
    choose(root, 'status', 'open');
    choose(root, 'year', '2023');
    const empty = await waitFor(() => root.querySelector('[part=empty]'), 'the empty message');
    expect(empty.textContent).to.contain('No invoices match these filters');
  });

  it('pages through the invoices', async () => {
    const { root } = await invoiceList();
    await firstRows(root);
    const pager = root.querySelector('[part=pager]')!;
    const [previous, next] = [...pager.querySelectorAll('button')];
    expect(previous!.disabled).to.equal(true);
    expect(textOf(pager as HTMLElement)).to.contain('Page 1 of 3');
    next!.click();
    await waitFor(() => textOf(root).includes('Showing 13–24 of 36') || null, 'page 2');
    expect(rows(root)[0]![0]!.split(',').slice(0, 2).join(',').trim()).to.equal(shownDate(invoicePage('C123456', { page: 2, pageSize: 12 }).invoices[0]!.date));
  });

  it('opens a row to show the invoice’s lines and totals, and closes it again', async () => {
    const { list, root } = await invoiceList();
    await firstRows(root);
    const toggle = root.querySelector<HTMLButtonElement>('tr.invoice:nth-of-type(3) button[aria-expanded]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    const opened = oneEvent(list, 'bp-invoice-open');
    toggle.click();
    const { detail } = await opened;
    const lines = await waitFor(() => root.querySelector('[part=lines]'), 'the lines');
    const invoice = invoiceDetail('C123456', detail.invoice.id)!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const text = textOf(lines as HTMLElement);
    for (const line of invoice.lines) expect(text).to.contain(line.description);
    expect(text).to.contain('Main office').and.contain('Account-wide').and.contain('Taxes');
    expect(text).to.contain(`Total $${(invoice.total / 100).toFixed(2)}`);
    expect(text).to.contain('$0.025', 'per-minute rates keep their decimals');
    await expect(list).to.be.accessible();
    toggle.click();
    await waitFor(() => !root.querySelector('[part=lines]') || null, 'the lines hidden');
  });

  it('downloads the PDF, and says so when it cannot', async () => {
    const { list, root, api } = await invoiceList();
    const [first] = await firstRows(root);
    expect(first).to.exist;
    const saved = oneEvent(list, 'bp-invoice-download');
    root.querySelector<HTMLButtonElement>('button[aria-label^="Download invoice"]')!.click();
    const { detail } = await saved;
    expect(api.requests).to.include(`GET /api/v1/accounts/C123456/invoices/${detail.invoice.id}/pdf`);

    const failing = await invoiceList({ offlinePaths: /\/pdf$/ });
    await firstRows(failing.root);
    failing.root.querySelector<HTMLButtonElement>('button[aria-label^="Download invoice"]')!.click();
    const alert = await waitFor(() => failing.root.querySelector('.download-error'), 'the download error');
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.match(/Invoice INV-\d{6}-\d{5} could not be downloaded/);
  });

  it('has loading, error, empty and dark states', async () => {
    const loading = await invoiceList({ hangPaths: /\/invoices/ });
    const status = await waitFor(() => loading.root.querySelector('[role=status]'), 'loading');
    expect(status.textContent).to.contain('Loading invoices');
    await expect(loading.list).to.be.accessible();

    const failed = await invoiceList({ offlinePaths: /\/invoices/ });
    const alert = await waitFor(() => failed.root.querySelector('[part=error]'), 'the error');
    expect(textOf(alert as HTMLElement)).to.contain('could not reach the billing portal');

    const empty = await fixture<BpInvoiceList>(html`<bp-invoice-list .data=${noInvoices}></bp-invoice-list>`);
    expect(textOf(shadow(empty))).to.contain('There are no invoices yet');
    await expect(empty).to.be.accessible();

    const dark = await invoiceList({}, 'dark');
    await firstRows(dark.root);
    await expect(dark.list).to.be.accessible();
  });

  it('is the portal’s Invoices section', async () => {
    const { portal } = await portalWith({ signedInAs: customerMe });
    expect(navLabels(portal)).to.include('Invoices');
    [...shadow(portal).querySelectorAll<HTMLButtonElement>('nav button')].find((b) => b.textContent!.trim() === 'Invoices')!.click();
    const list = await waitFor(() => shadow(portal).querySelector('bp-invoice-list'), 'the invoice list');
    await firstRows(shadow(list));
  });
});
