import { msg, str } from '@lit/localize';
import { css, html } from 'lit';
import type { SubAccountOverview, SubAccountsData } from '../api/types.ts';
import { AccountDataElement } from '../base/account-data-element.ts';
import { scrollingTable } from '../base/data-table.ts';
import type { StoreReader } from '../data/account-store.ts';
import { subAccounts } from '../data/sub-account-resources.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';
import { stackedTable, tableBaseStyles, tableStyles } from '../styles/tables.ts';
import { linkButtonStyles } from '../styles/link-button.ts';
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
    tableBaseStyles,
    linkButtonStyles,
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
    const money = (s: SubAccountOverview, cents: number) => formatMoney(cents, s.currency);
    return scrollingTable({
      caption: msg(str`Sub-accounts of ${data.account}`),
      rows: data.subAccounts,
      columns: [
        { heading: msg('Customer #'), cell: (s) => s.number },
        { heading: msg('Customer Name'), cell: (s) => s.name },
        { heading: msg('City'), cell: (s) => s.city },
        { heading: msg('State'), cell: (s) => s.region },
        { heading: msg('Balance'), class: 'number', cell: (s) => (s.balance < 0 ? msg(str`${money(s, -s.balance)} credit`) : money(s, s.balance)) },
        { heading: msg('Past due'), class: 'number', cellClass: (s) => (s.pastDue > 0 ? 'past-due' : ''), cell: (s) => money(s, s.pastDue) },
        { heading: msg('Last invoice'), class: 'nowrap', cell: (s) => (s.lastInvoice ? formatDate(s.lastInvoice.date) : '—') },
        { heading: msg('Invoice total'), class: 'number', cell: (s) => (s.lastInvoice ? money(s, s.lastInvoice.total) : '—') },
        {
          heading: msg('Open', { id: 'open-account' }),
          quiet: true,
          class: 'nowrap',
          cell: (s) =>
            html`<button class="link-button" type="button" @click=${() => this.open(data, s)} aria-label=${msg(str`View account ${s.number}, ${s.name}`)}>${msg('View account')}</button>`,
        },
      ],
    });
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
