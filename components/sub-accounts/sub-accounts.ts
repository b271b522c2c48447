import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { AccountDetails } from '../api/types.ts';
import { AccountDataElement } from '../base/account-data-element.ts';
import type { StoreReader } from '../data/account-store.ts';
import { account } from '../data/resources.ts';
import { stackedTableStyles } from '../styles/controls.ts';
import { token } from '../styles/tokens.ts';

/**
 * @summary The guide's Sub Accounts: the locations under a head office, each one a click away.
 *
 * @csspart table - The table of sub-accounts.
 * @csspart error - The error message, when loading failed.
 */
@customElement('bp-sub-accounts')
export class BpSubAccounts extends AccountDataElement<AccountDetails> {
  static override styles = [
    ...AccountDataElement.styles,
    stackedTableStyles,
    css`
      h2 {
        margin: 0 0 ${token('space-2')};
        font-size: ${token('font-size-lg')};
      }
      .intro {
        margin: 0 0 ${token('space-4')};
      }
    `,
  ];

  protected read(store: StoreReader, number: string, signal: AbortSignal) {
    return store.read(account, number, undefined, signal);
  }

  private open(account: AccountDetails['subAccounts'][number]) {
    this.portal?.selectAccount(account.number, { number: account.number, name: account.name, parentNumber: this.number, isHeadOffice: false });
  }

  protected override render() {
    return html`
      <section class="panel" aria-labelledby="heading">
        <h2 id="heading">Locations</h2>
        <p class="intro muted">The locations billed under this head office.</p>
        ${this.renderData({
          loading: 'Loading sub-accounts…',
          isEmpty: (a) => a.subAccounts.length === 0,
          empty: 'This account has no sub-accounts. Only head offices have locations listed here.',
          complete: (a) => html`
            <table part="table" class="stack" role="table">
              <caption class="visually-hidden">Sub-accounts of ${a.name}</caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">Customer #</th>
                  <th scope="col" role="columnheader">Customer Name</th>
                  <th scope="col" role="columnheader">City</th>
                  <th scope="col" role="columnheader">Province / State</th>
                  <th scope="col" role="columnheader"><span class="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                ${a.subAccounts.map(
                  (s) => html`
                    <tr role="row">
                      <td role="cell" data-label="Customer #">${s.number}</td>
                      <td role="cell" data-label="Customer Name">${s.name}</td>
                      <td role="cell" data-label="City">${s.city}</td>
                      <td role="cell" data-label="Province / State">${s.region}</td>
                      <td role="cell">
                        <button class="link-button" type="button" @click=${() => this.open(s)} aria-label="View account ${s.number}, ${s.name}">
                          View account
                        </button>
                      </td>
                    </tr>
                  `,
                )}
              </tbody>
            </table>
          `,
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
