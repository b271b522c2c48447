import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { SubAccountOverview, SubAccountsData } from '../api/types.ts';
import { AccountDataElement } from '../base/account-data-element.ts';
import type { StoreReader } from '../data/account-store.ts';
import { subAccounts } from '../data/resources.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';
import { stackedTable } from '../styles/controls.ts';
import { token } from '../styles/tokens.ts';

/** The guide's words about Sub Accounts, shown to every account. */
export const SUB_ACCOUNTS_EXPLAINED =
  "Sub Accounts are a listing of multiple locations. Most clients do not have sub-accounts - you will only see information here if you have been set up as a 'head office'.";

/**
 * @summary The guide's Sub Accounts: the locations under a head office, each with its Customer #,
 * name, city, state, balance, past due and last invoice, and a link that switches the whole
 * portal to it. Accounts that are not head offices see the guide's sentence.
 *
 * @fires bp-account-change - A location was opened (through the portal, which switches to it).
 * @csspart table - The table of sub-accounts.
 * @csspart error - The error message, when loading failed.
 * @csspart empty - The guide's sentence, for accounts that are not head offices.
 */
@customElement('bp-sub-accounts')
export class BpSubAccounts extends AccountDataElement<SubAccountsData> {
  static override styles = [
    ...AccountDataElement.styles,
    // Nine columns: below this width of its own the rows stack into label / value lines.
    stackedTable('56rem'),
    css`
      /* In a grid or flex row, the tables scroll inside the panel instead of widening the page. */
      :host {
        min-width: 0;
      }
      .intro {
        margin: 0 0 ${token('space-4')};
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
      .past-due {
        color: ${token('color-danger')};
        font-weight: ${token('font-weight-bold')};
      }
      @media (max-width: 30rem) {
        .panel {
          padding: ${token('space-4')};
        }
      }
    `,
  ];

  /** A payment on a location (anywhere in the same portal or provider) reads the balances again. */
  protected read(store: StoreReader, number: string, signal: AbortSignal) {
    return store.read(subAccounts, number, undefined, signal);
  }

  private open(data: SubAccountsData, account: SubAccountOverview) {
    this.portal?.selectAccount(account.number, { number: account.number, name: account.name, parentNumber: data.account, isHeadOffice: false });
  }

  private renderTable(data: SubAccountsData) {
    return html`
      <div class="table-scroll">
        <table part="table" class="stack" role="table">
          <caption class="visually-hidden">Sub-accounts of ${data.account}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">Customer #</th>
              <th scope="col" role="columnheader">Customer Name</th>
              <th scope="col" role="columnheader">City</th>
              <th scope="col" role="columnheader">State</th>
              <th scope="col" role="columnheader" class="number">Balance</th>
              <th scope="col" role="columnheader" class="number">Past due</th>
              <th scope="col" role="columnheader">Last invoice</th>
              <th scope="col" role="columnheader" class="number">Invoice total</th>
              <th scope="col" role="columnheader"><span class="visually-hidden">Open</span></th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${data.subAccounts.map((s) => {
              const money = (cents: number) => formatMoney(cents, s.currency);
              return html`
                <tr role="row">
                  <td role="cell" data-label="Customer #">${s.number}</td>
                  <td role="cell" data-label="Customer Name">${s.name}</td>
                  <td role="cell" data-label="City">${s.city}</td>
                  <td role="cell" data-label="State">${s.region}</td>
                  <td role="cell" data-label="Balance" class="number">${s.balance < 0 ? `${money(-s.balance)} credit` : money(s.balance)}</td>
                  <td role="cell" data-label="Past due" class="number ${s.pastDue > 0 ? 'past-due' : ''}">${money(s.pastDue)}</td>
                  <td role="cell" data-label="Last invoice" class="nowrap">${s.lastInvoice ? formatDate(s.lastInvoice.date) : '—'}</td>
                  <td role="cell" data-label="Invoice total" class="number">${s.lastInvoice ? money(s.lastInvoice.total) : '—'}</td>
                  <td role="cell" class="nowrap">
                    <button class="link-button" type="button" @click=${() => this.open(data, s)} aria-label="View account ${s.number}, ${s.name}">View account</button>
                  </td>
                </tr>
              `;
            })}
          </tbody>
        </table>
      </div>
    `;
  }

  protected override render() {
    return html`
      <section class="panel" aria-labelledby="heading">
        <h2 id="heading">Sub Accounts</h2>
        ${this.renderData({
          loading: 'Loading sub-accounts…',
          isEmpty: (d) => d.subAccounts.length === 0,
          empty: SUB_ACCOUNTS_EXPLAINED,
          complete: (d) => html`<p class="intro muted">${SUB_ACCOUNTS_EXPLAINED}</p>${this.renderTable(d)}`,
        })}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-sub-accounts': BpSubAccounts;
  }
}
