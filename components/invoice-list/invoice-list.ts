import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { downloadInvoicePdf } from '../api/downloads.ts';
import type { InvoiceDetail, InvoicePage, InvoiceStatus, InvoiceSummary } from '../api/types.ts';
import { AccountDataElement } from '../base/account-data-element.ts';
import { scrollingTable } from '../base/data-table.ts';
import { pager, showingRows } from '../base/pager.ts';
import { loadingView } from '../base/task-states.ts';
import type { Change, StoreReader } from '../data/account-store.ts';
import { invoice as invoiceResource, invoices } from '../data/invoice-resources.ts';
import { BpChargeQuestionEvent, BpInvoiceDownloadEvent, BpInvoiceOpenEvent } from '../events/invoice.ts';
import { chargeQuestionDraft } from '../tickets/charge-question.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';
import { renderInvoiceLines } from './invoice-lines.ts';
import { fieldStyles } from '../styles/fields.ts';
import { linkButtonStyles } from '../styles/link-button.ts';
import { stackedTableStyles, tableBaseStyles, tableStyles } from '../styles/tables.ts';
import { invoiceListStyles } from './invoice-list.styles.ts';

const statusLabel = (status: InvoiceStatus): string =>
  ({ open: msg('Open', { id: 'invoice-status-open' }), past_due: msg('Past due'), paid: msg('Paid', { id: 'invoice-status-paid' }), void: msg('Void') })[status];
const PAGE_SIZE = 12;

type Details = InvoiceDetail | 'loading' | Error;

/**
 * @summary The guide's Invoices: Invoice Date, Customer #, Customer Name, Total, Balance and a
 * download, newest first, filtered by status and year, a page at a time. A row opens the
 * invoice's lines.
 *
 * @fires bp-invoice-open - A row was opened; `detail.invoice` is the invoice.
 * @fires bp-invoice-download - An invoice's PDF was saved; `detail.invoice`.
 * @fires bp-charge-question - "Question about this charge" on a line; `detail.draft` prefills a ticket (`<bp-portal>` opens Tickets with it).
 *
 * @csspart table - The table of invoices.
 * @csspart filters - The status and year filters.
 * @csspart lines - The lines of an opened invoice.
 * @csspart pager - The previous / next page controls.
 * @csspart error - The error message, when loading failed.
 * @csspart empty - The message when there are no invoices.
 *
 * @cssproperty --bp-invoice-list-row-gap - Vertical padding of the rows (default: space-2).
 * @cssproperty --bp-invoice-list-row-hover - Background of the row under the pointer (default: color-surface).
 */
export class BpInvoiceList extends AccountDataElement<InvoicePage> {
  static readonly tag = 'bp-invoice-list';
  static override properties: PropertyDeclarations = {
    status: { state: true },
    year: { state: true },
    page: { state: true },
    years: { state: true },
    opened: { state: true },
    downloading: { state: true },
    downloadError: { state: true },
  };

  static override styles = [...AccountDataElement.styles, fieldStyles, tableBaseStyles, linkButtonStyles, stackedTableStyles, tableStyles, invoiceListStyles];

  private status: '' | 'open' | 'paid' | 'past_due' = '';
  private year = '';
  private page = 1;
  /** The years to offer: kept from the unfiltered answers, so filtering never hides them. */
  private years: number[] = [];
  private opened = new Map<number, Details>();
  private downloading: number | null = null;
  private downloadError = '';

  protected override get query(): string {
    return `${this.status}|${this.year}|${this.page}`;
  }

  protected async read(store: StoreReader, number: string, signal: AbortSignal) {
    const page = await store.read(invoices, number, { status: this.status || undefined, year: this.year || undefined, page: this.page, pageSize: PAGE_SIZE }, signal);
    if (page.years.length) this.years = page.years;
    return page;
  }

  /** A payment also changes the opened invoices' payments and balance: they are read again. */
  protected override storeChanged(change: Change): void {
    super.storeChanged(change);
    for (const [id, details] of this.opened) {
      if (details === 'loading' || details instanceof Error) continue;
      if (change.affects({ resource: invoiceResource as never, number: details.accountNumber })) void this.loadDetails(id, details.accountNumber);
    }
  }

  private filter(change: () => void) {
    change();
    this.page = 1;
    this.opened = new Map();
  }

  private async toggle(invoice: InvoiceSummary) {
    const opened = new Map(this.opened);
    if (opened.has(invoice.id)) {
      opened.delete(invoice.id);
      this.opened = opened;
      return;
    }
    this.dispatchEvent(new BpInvoiceOpenEvent({ invoice }));
    if (!this.portal) return;
    this.opened = new Map(opened.set(invoice.id, 'loading'));
    await this.loadDetails(invoice.id, invoice.accountNumber);
  }

  private async loadDetails(id: number, number: string) {
    let details: Details;
    try {
      details = await this.portal!.store.read(invoiceResource, number, { id });
    } catch (err) {
      details = err as Error;
    }
    if (this.opened.has(id)) this.opened = new Map(this.opened).set(id, details);
  }

  private async download(invoice: InvoiceSummary) {
    const client = this.portal?.client;
    if (!client) return;
    this.downloading = invoice.id;
    this.downloadError = '';
    try {
      await downloadInvoicePdf(client, invoice.accountNumber, invoice, this.renderRoot);
      this.dispatchEvent(new BpInvoiceDownloadEvent({ invoice }));
    } catch (err) {
      this.downloadError = `${msg(str`Invoice ${invoice.number} could not be downloaded.`)} ${(err as Error).message}`;
    } finally {
      this.downloading = null;
    }
  }

  private renderFilters() {
    return html`
      <div class="filters" part="filters">
        <div class="field">
          <label for="status">${msg('Status')}</label>
          <select id="status" .value=${this.status} @change=${(e: Event) => this.filter(() => (this.status = (e.target as HTMLSelectElement).value as typeof this.status))}>
            <option value="">${msg('All')}</option>
            <option value="open">${statusLabel('open')}</option>
            <option value="past_due">${statusLabel('past_due')}</option>
            <option value="paid">${statusLabel('paid')}</option>
          </select>
        </div>
        <div class="field">
          <label for="year">${msg('Year')}</label>
          <select id="year" .value=${this.year} @change=${(e: Event) => this.filter(() => (this.year = (e.target as HTMLSelectElement).value))}>
            <option value="">${msg('All years')}</option>
            ${this.years.map((y) => html`<option value=${String(y)} ?selected=${this.year === String(y)}>${y}</option>`)}
          </select>
        </div>
      </div>
    `;
  }

  private renderDetails(invoice: InvoiceSummary, details: Details) {
    if (details === 'loading') return loadingView(msg(str`Loading invoice ${invoice.number}…`));
    if (details instanceof Error) return html`<p class="alert" role="alert">${details.message}</p>`;
    return renderInvoiceLines(details, (line) => this.dispatchEvent(new BpChargeQuestionEvent({ invoice: details, line, draft: chargeQuestionDraft(details, line) })));
  }

  /** An opened invoice's lines, on a row under it. */
  private renderLines(invoice: InvoiceSummary) {
    const details = this.opened.get(invoice.id);
    if (!details) return null;
    return {
      id: `lines-${invoice.id}`,
      // On a phone the lines scroll sideways here: focusable, so a keyboard can scroll them too.
      content: html`<div class="table-scroll" tabindex="0" role="region" aria-label=${msg(str`Lines of invoice ${invoice.number}`)}>${this.renderDetails(invoice, details)}</div>`,
    };
  }

  private renderPage(page: InvoicePage) {
    const money = (cents: number) => formatMoney(cents, page.currency);
    return html`
      <p class="count muted" role="status">${showingRows(page, page.invoices.length)}</p>
      ${scrollingTable({
        caption: msg('Invoices, newest first'),
        rows: page.invoices,
        rowClass: () => 'invoice',
        onRowClick: (invoice) => void this.toggle(invoice),
        details: (invoice) => this.renderLines(invoice),
        columns: [
          {
            heading: msg('Invoice Date'),
            cell: (invoice) => {
              const open = Boolean(this.opened.get(invoice.id));
              return html`<button class="link-button" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls="lines-${invoice.id}" @click=${() => void this.toggle(invoice)}>
                ${formatDate(invoice.date)}<span class="visually-hidden">, ${open ? msg(str`invoice ${invoice.number}: hide lines`) : msg(str`invoice ${invoice.number}: show lines`)}</span>
              </button>`;
            },
          },
          { heading: msg('Customer #'), cell: (invoice) => invoice.accountNumber },
          { heading: msg('Customer Name'), cell: (invoice) => invoice.accountName },
          { heading: msg('Total'), class: 'number', cell: (invoice) => money(invoice.total) },
          { heading: msg('Balance'), class: 'number', cell: (invoice) => money(invoice.balance) },
          { heading: msg('Status'), cell: (invoice) => html`<span class="status ${invoice.status}">${statusLabel(invoice.status)}</span>` },
          {
            heading: msg('Download'),
            cell: (invoice) => html`<button
              class="link-button"
              type="button"
              ?disabled=${this.downloading === invoice.id}
              aria-label=${msg(str`Download invoice ${invoice.number} (PDF)`)}
              @click=${() => void this.download(invoice)}
            >
              ${this.downloading === invoice.id ? msg('Downloading…') : msg('Invoice')}
            </button>`,
          },
        ],
      })}
      ${pager(page, msg('Invoice pages'), (n) => this.goTo(n))}
    `;
  }

  private goTo(page: number) {
    this.page = page;
    this.opened = new Map();
  }

  protected override render() {
    const filtered = Boolean(this.status || this.year);
    return html`
      <section class="panel" aria-labelledby="heading">
        <h2 id="heading">${msg('Invoices')}</h2>
        ${this.renderFilters()}
        ${this.downloadError ? html`<p class="alert download-error" role="alert">${this.downloadError}</p>` : nothing}
        ${this.renderData({
          loading: msg('Loading invoices…'),
          isEmpty: (page) => page.invoices.length === 0,
          empty: filtered ? msg('No invoices match these filters.') : msg('There are no invoices yet. The first one is issued after your first month of service.'),
          complete: (page) => this.renderPage(page),
        })}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-invoice-list': BpInvoiceList;
  }
}
