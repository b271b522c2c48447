import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ServiceLocation, ServicesData } from '../api/types.ts';
import { AccountDataElement } from '../base/account-data-element.ts';
import type { StoreReader } from '../data/account-store.ts';
import { services } from '../data/resources.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';
import { stackedTable } from '../styles/controls.ts';
import { token } from '../styles/tokens.ts';

const STATUS: Record<ServiceLocation['subscriptions'][number]['status'], string> = { active: 'Active', upcoming: 'Starts later', ended: 'Ended' };
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
@customElement('bp-services')
export class BpServices extends AccountDataElement<ServicesData> {
  static override styles = [
    ...AccountDataElement.styles,
    // On a phone the locations, and an opened location's subscriptions, stack into label / value
    // lines: scrolling sideways, the Location button (the way into a location) was out of view.
    stackedTable('48rem'),
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
      /* Positioned, so the visually hidden caption stays inside the scrolling box, not the page. */
      .table-scroll {
        position: relative;
        overflow-x: auto;
      }
      .nowrap {
        white-space: nowrap;
      }
      .number {
        text-align: right;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
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
  @property({ type: Boolean, attribute: 'show-ended' }) showEnded = false;
  /** A head office with its sub-accounts' locations. */
  @property({ type: Boolean }) rollup = false;
  @state() private opened = new Set<string>();

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
    if (l.subscriptions.length === 0) return html`<p class="muted">No subscriptions${this.showEnded ? '' : ' in service'} at this location.</p>`;
    return html`
      <!-- A cell of two lines keeps them in one <div>: stacked, a cell lays out as label | value. -->
      <table class="subscriptions stack" part="subscriptions" role="table">
        <caption class="visually-hidden">Subscriptions at ${l.location?.name ?? 'no location'}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">Product</th>
            <th scope="col" role="columnheader">Subscriber #</th>
            <th scope="col" role="columnheader">Subscriber name</th>
            <th scope="col" role="columnheader" class="number">Quantity</th>
            <th scope="col" role="columnheader" class="number">Monthly price</th>
            <th scope="col" role="columnheader">Start date</th>
            <th scope="col" role="columnheader">End date</th>
            <th scope="col" role="columnheader">Included</th>
            <th scope="col" role="columnheader">Status</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${l.subscriptions.map(
            (s) => html`<tr role="row" class=${s.status}>
              <td role="cell" data-label="Product">${s.product}</td>
              <td role="cell" data-label="Subscriber #">${s.subscriberNumber ?? '—'}</td>
              <td role="cell" data-label="Subscriber name">${s.subscriberName ?? '—'}</td>
              <td role="cell" data-label="Quantity" class="number">${s.quantity}</td>
              <td role="cell" data-label="Monthly price" class="number">
                <div>${formatMoney(s.monthlyPrice, currency)}${s.quantity > 1 ? html`<br /><span class="muted">${formatMoney(s.monthlyCharge, currency)} in all</span>` : nothing}</div>
              </td>
              <td role="cell" data-label="Start date" class="nowrap">${formatDate(s.startDate)}</td>
              <td role="cell" data-label="End date" class="nowrap">${s.endDate ? formatDate(s.endDate) : '—'}</td>
              <td role="cell" data-label="Included">
                ${s.includedMinutes !== null ? html`<div>${s.includedMinutes.toLocaleString()} min<br /><span class="muted">${s.category}</span></div>` : '—'}
              </td>
              <td role="cell" data-label="Status">${STATUS[s.status]}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }

  private renderTable(data: ServicesData) {
    return html`
      <div class="table-scroll">
        <table part="table" class="stack" role="table">
          <caption class="visually-hidden">Services by location; a location's button shows its subscriptions</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">Customer #</th>
              <th scope="col" role="columnheader">Customer Name</th>
              <th scope="col" role="columnheader">Location</th>
              <th scope="col" role="columnheader">Province</th>
              <th scope="col" role="columnheader">City</th>
              <th scope="col" role="columnheader">Street</th>
              <th scope="col" role="columnheader" class="number">Services</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${data.locations.map((l) => {
              const open = this.opened.has(keyOf(l));
              const id = `subs-${keyOf(l).replace(/[^A-Za-z0-9-]/g, '-')}`;
              return html`
                <tr role="row">
                  <td role="cell" data-label="Customer #">${l.accountNumber}</td>
                  <td role="cell" data-label="Customer Name">${l.accountName}</td>
                  <td role="cell" data-label="Location">
                    <button class="link-button" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${id} @click=${() => this.toggle(l)}>
                      ${l.location?.name ?? 'No location'}<span class="visually-hidden">: ${open ? 'hide' : 'show'} subscriptions</span>
                    </button>
                  </td>
                  <td role="cell" data-label="Province">${l.location?.region ?? '—'}</td>
                  <td role="cell" data-label="City">${l.location?.city ?? '—'}</td>
                  <td role="cell" data-label="Street">${l.location?.street ?? '—'}</td>
                  <td role="cell" data-label="Services" class="number">${l.services}</td>
                </tr>
                ${open ? html`<tr role="row" class="details" id=${id}><td role="cell" colspan="7">${this.renderSubscriptions(l, data.currency)}</td></tr>` : nothing}
              `;
            })}
          </tbody>
        </table>
      </div>
      <p class="hint muted">Click a location to view its subscriptions.</p>
    `;
  }

  protected override render() {
    return html`
      <section class="panel" aria-labelledby="heading">
        <h2 id="heading">Services</h2>
        <p class="intro">Click on services for a summary of the subscriptions you have.</p>
        <div class="options" part="options">
          <label><input type="checkbox" .checked=${this.showEnded} @change=${(e: Event) => (this.showEnded = (e.target as HTMLInputElement).checked)} />Show ended subscriptions</label>
          ${this.isHeadOffice
            ? html`<label><input type="checkbox" .checked=${this.rollup} @change=${(e: Event) => (this.rollup = (e.target as HTMLInputElement).checked)} />With all sub-accounts</label>`
            : nothing}
        </div>
        ${this.renderData({
          loading: 'Loading services…',
          isEmpty: (d) => d.locations.length === 0,
          empty: 'There are no services on this account yet.',
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
