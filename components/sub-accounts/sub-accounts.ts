import { msg, str } from '@lit/localize';
import { css, html } from 'lit';
import type { SubAccountOverview, SubAccountsData } from '../api/types.ts';
import { AccountDataElement } from '../base/account-data-element.ts';
import type { StoreReader } from '../data/account-store.ts';
import { subAccounts } from '../data/sub-account-resources.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';
import { stackedTable, tableStyles } from '../styles/controls.ts';
import { token } from '../styles/tokens.ts';

/** The guide's words about Sub Accounts, shown to every account. */
export const subAccountsExplained = () =>
  msg("Sub Accounts are a listing of multiple locations. Most clients do not have sub-accounts - you will only see information here if you have been set up as a 'head office'.");

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
export class BpSubAccounts extends AccountDataElement<SubAccountsData> {
  static readonly tag = 'bp-sub-accounts';
  static override styles = [
    ...AccountDataElement.styles,
    // Nine columns: below this width of its own the rows stack into label / value lines.
    stackedTable('56rem'),
    tableStyles,
    css`
      /* In a grid or flex row, the tables scroll inside the panel instead of widening the page. */
      :host {
        min-width: 0;
      }
      .intro {
        margin: 0 0 ${token('space-4')};
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
          <caption class="visually-hidden">${msg(str`Sub-accounts of ${data.account}`)}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">${msg('Customer #')}</th>
              <th scope="col" role="columnheader">${msg('Customer Name')}</th>
              <th scope="col" role="columnheader">${msg('City')}</th>
              <th scope="col" role="columnheader">${msg('State')}</th>
              <th scope="col" role="columnheader" class="number">${msg('Balance')}</th>
              <th scope="col" role="columnheader" class="number">${msg('Past due')}</th>
              <th scope="col" role="columnheader">${msg('Last invoice')}</th>
              <th scope="col" role="columnheader" class="number">${msg('Invoice total')}</th>
              <th scope="col" role="columnheader"><span class="visually-hidden">${msg('Open', { id: 'open-account' })}</span></th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${data.subAccounts.map((s) => {
              const money = (cents: number) => formatMoney(cents, s.currency);
              return html`
                <tr role="row">
                  <td role="cell" data-label=${msg('Customer #')}>${s.number}</td>
                  <td role="cell" data-label=${msg('Customer Name')}>${s.name}</td>
                  <td role="cell" data-label=${msg('City')}>${s.city}</td>
                  <td role="cell" data-label=${msg('State')}>${s.region}</td>
                  <td role="cell" data-label=${msg('Balance')} class="number">${s.balance < 0 ? msg(str`${money(-s.balance)} credit`) : money(s.balance)}</td>
                  <td role="cell" data-label=${msg('Past due')} class="number ${s.pastDue > 0 ? 'past-due' : ''}">${money(s.pastDue)}</td>
                  <td role="cell" data-label=${msg('Last invoice')} class="nowrap">${s.lastInvoice ? formatDate(s.lastInvoice.date) : '—'}</td>
                  <td role="cell" data-label=${msg('Invoice total')} class="number">${s.lastInvoice ? money(s.lastInvoice.total) : '—'}</td>
                  <td role="cell" class="nowrap">
                    <button class="link-button" type="button" @click=${() => this.open(data, s)} aria-label=${msg(str`View account ${s.number}, ${s.name}`)}>${msg('View account')}</button>
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
        <h2 id="heading">${msg('Sub Accounts')}</h2>
        ${this.renderData({
          loading: msg('Loading sub-accounts…'),
          isEmpty: (d) => d.subAccounts.length === 0,
          empty: subAccountsExplained(),
          complete: (d) => html`<p class="intro muted">${subAccountsExplained()}</p>${this.renderTable(d)}`,
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
