import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { AccountDetails } from '../api/types.ts';
import { AccountDataElement } from '../base/account-data-element.ts';
import type { StoreReader } from '../data/account-store.ts';
import { account } from '../data/resources.ts';
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
            <table part="table">
              <caption class="visually-hidden">Sub-accounts of ${a.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Customer #</th>
                  <th scope="col">Customer Name</th>
                  <th scope="col">City</th>
                  <th scope="col">Province / State</th>
                  <th scope="col"><span class="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                ${a.subAccounts.map(
                  (s) => html`
                    <tr>
                      <td>${s.number}</td>
                      <td>${s.name}</td>
                      <td>${s.city}</td>
                      <td>${s.region}</td>
                      <td>
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
