import { msg, str } from '@lit/localize';
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import type { ServiceLocation, ServicesData } from '../api/types.ts';
import { AccountDataElement } from '../base/account-data-element.ts';
import { dataTable, scrollingTable } from '../base/data-table.ts';
import type { StoreReader } from '../data/account-store.ts';
import { services } from '../data/service-resources.ts';
import { formatDate, formatMoney, formatNumber } from '../i18n/format.ts';
import { stackedTable, tableBaseStyles, tableStyles } from '../styles/tables.ts';
import { linkButtonStyles } from '../styles/link-button.ts';
import { token } from '../styles/tokens.ts';

const statusLabel = (status: ServiceLocation['subscriptions'][number]['status']): string => ({ active: msg('Active'), upcoming: msg('Starts later'), ended: msg('Ended') })[status];
const keyOf = (l: ServiceLocation) => `${l.accountNumber}:${l.location?.code ?? ''}`;

/**
 * @summary The guide's Services: Customer #, Customer Name, Location, Province, City, Street and
 * the count of active services, one row per location; a row opens its subscriptions. Ended
 * subscriptions show when asked for; a head office can add its sub-accounts' locations.
 *
 * @csspart table - The table of locations.
 * @csspart subscriptions - The subscriptions of an opened location.
 * @csspart options - The check boxes (ended subscriptions, sub-accounts).
 * @csspart error - The error message, when loading failed.
 * @csspart empty - The message when there are no services.
 */
export class BpServices extends AccountDataElement<ServicesData> {
  static readonly tag = 'bp-services';
  static override properties: PropertyDeclarations = {
    showEnded: { type: Boolean, attribute: 'show-ended' },
    rollup: { type: Boolean },
    opened: { state: true },
  };

  static override styles = [
    ...AccountDataElement.styles,
    tableBaseStyles,
    linkButtonStyles,
    // On a phone the locations, and an opened location's subscriptions, stack into label / value
    // lines: scrolling sideways, the Location button (the way into a location) was out of view.
    stackedTable('48rem'),
    tableStyles,
    css`
      /* In a grid or flex row, the tables scroll inside the panel instead of widening the page. */
      :host {
        min-width: 0;
      }
      .intro {
        margin: 0 0 ${token('space-4')};
      }
      .options {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-2')} ${token('space-6')};
        margin-bottom: ${token('space-4')};
      }
      .options label {
        display: flex;
        align-items: center;
        gap: ${token('space-2')};
        min-height: ${token('control-height')};
      }
      .options input {
        width: 1.125rem;
        height: 1.125rem;
      }
      tr.details > td {
        padding: ${token('space-3')} ${token('space-4')};
        background: ${token('color-surface')};
      }
      table.subscriptions th,
      table.subscriptions td {
        padding: ${token('space-1')} ${token('space-2')};
      }
      .ended td {
        color: ${token('color-text-muted')};
      }
      .hint {
        margin: ${token('space-3')} 0 0;
      }
      @media (max-width: 30rem) {
        .panel {
          padding: ${token('space-4')};
        }
      }
    `,
  ];

  /** Also list ended subscriptions. */
  showEnded = false;
  /** A head office with its sub-accounts' locations. */
  rollup = false;
  private opened = new Set<string>();

  protected override get query(): string {
    return `${this.showEnded}|${this.rollup}`;
  }

  protected read(store: StoreReader, number: string, signal: AbortSignal) {
    return store.read(services, number, { ended: this.showEnded, rollup: this.rollup }, signal);
  }

  private get isHeadOffice(): boolean {
    return Boolean(this.portal?.accounts.find((a) => a.number === this.number)?.isHeadOffice || this.data?.rollup || this.rollup);
  }

  private toggle(location: ServiceLocation) {
    const opened = new Set(this.opened);
    if (!opened.delete(keyOf(location))) opened.add(keyOf(location));
    this.opened = opened;
  }

  private renderSubscriptions(l: ServiceLocation, currency: string) {
    if (l.subscriptions.length === 0) return html`<p class="muted">${this.showEnded ? msg('No subscriptions at this location.') : msg('No subscriptions in service at this location.')}</p>`;
    // A cell of two lines keeps them in one <div>: stacked, a cell lays out as label | value.
    return dataTable({
      caption: l.location ? msg(str`Subscriptions at ${l.location.name}`) : msg('Subscriptions at no location'),
      part: 'subscriptions',
      className: 'subscriptions stack',
      rows: l.subscriptions,
      rowClass: (s) => s.status,
      columns: [
        { heading: msg('Product'), cell: (s) => s.product },
        { heading: msg('Subscriber #'), cell: (s) => s.subscriberNumber ?? '—' },
        { heading: msg('Subscriber name'), cell: (s) => s.subscriberName ?? '—' },
        { heading: msg('Quantity'), class: 'number', cell: (s) => s.quantity },
        {
          heading: msg('Monthly price'),
          class: 'number',
          cell: (s) =>
            html`<div>${formatMoney(s.monthlyPrice, currency)}${s.quantity > 1 ? html`<br /><span class="muted">${msg(str`${formatMoney(s.monthlyCharge, currency)} in all`)}</span>` : nothing}</div>`,
        },
        { heading: msg('Start date'), cellClass: () => 'nowrap', cell: (s) => formatDate(s.startDate) },
        { heading: msg('End date'), cellClass: () => 'nowrap', cell: (s) => (s.endDate ? formatDate(s.endDate) : '—') },
        {
          heading: msg('Included'),
          cell: (s) => (s.includedMinutes !== null ? html`<div>${msg(str`${formatNumber(s.includedMinutes)} min`)}<br /><span class="muted">${s.category}</span></div>` : '—'),
        },
        { heading: msg('Status'), cell: (s) => statusLabel(s.status) },
      ],
    });
  }

  private renderTable(data: ServicesData) {
    const idOf = (l: ServiceLocation) => `subs-${keyOf(l).replace(/[^A-Za-z0-9-]/g, '-')}`;
    return html`
      ${scrollingTable({
        caption: msg("Services by location; a location's button shows its subscriptions"),
        rows: data.locations,
        details: (l) => (this.opened.has(keyOf(l)) ? { id: idOf(l), content: this.renderSubscriptions(l, data.currency) } : null),
        columns: [
          { heading: msg('Customer #'), cell: (l) => l.accountNumber },
          { heading: msg('Customer Name'), cell: (l) => l.accountName },
          {
            heading: msg('Location'),
            cell: (l) => {
              const open = this.opened.has(keyOf(l));
              return html`<button class="link-button" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${idOf(l)} @click=${() => this.toggle(l)}>
                ${l.location?.name ?? msg('No location')}<span class="visually-hidden">: ${open ? msg('hide subscriptions') : msg('show subscriptions')}</span>
              </button>`;
            },
          },
          { heading: msg('Province'), cell: (l) => l.location?.region ?? '—' },
          { heading: msg('City'), cell: (l) => l.location?.city ?? '—' },
          { heading: msg('Street'), cell: (l) => l.location?.street ?? '—' },
          { heading: msg('Services'), class: 'number', cell: (l) => l.services },
        ],
      })}
      <p class="hint muted">${msg('Click a location to view its subscriptions.')}</p>
    `;
  }

  protected override render() {
    return html`
      <section class="panel" aria-labelledby="heading">
        <h2 id="heading">${msg('Services')}</h2>
        <p class="intro">${msg('Click on services for a summary of the subscriptions you have.')}</p>
        <div class="options" part="options">
          <label><input type="checkbox" .checked=${this.showEnded} @change=${(e: Event) => (this.showEnded = (e.target as HTMLInputElement).checked)} />${msg('Show ended subscriptions')}</label>
          ${this.isHeadOffice
            ? html`<label><input type="checkbox" .checked=${this.rollup} @change=${(e: Event) => (this.rollup = (e.target as HTMLInputElement).checked)} />${msg('With all sub-accounts')}</label>`
            : nothing}
        </div>
        ${this.renderData({
          loading: msg('Loading services…'),
          isEmpty: (d) => d.locations.length === 0,
          empty: msg('There are no services on this account yet.'),
          complete: (d) => this.renderTable(d),
        })}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-services': BpServices;
  }
}
