import { msg } from '@lit/localize';
import { html } from 'lit';
import type { AccountDetails } from '../api/types.ts';
import { AccountDataElement } from '../base/account-data-element.ts';
import type { StoreReader } from '../data/account-store.ts';
import { account } from '../data/resources.ts';
import { formatAddress } from '../i18n/format.ts';
import { definitionListStyles } from '../styles/widget.ts';

/**
 * @summary The guide's Account Information: Account #, Account Name, Billing Address, Representative.
 *
 * @csspart table - The definition list.
 * @csspart error - The error message, when loading failed.
 * @cssproperty --bp-account-info-label-width - Width of the label column (default 12rem).
 */
export class BpAccountInfo extends AccountDataElement<AccountDetails> {
  static readonly tag = 'bp-account-info';
  static override styles = [
    ...AccountDataElement.styles,
    definitionListStyles,
  ];

  protected read(store: StoreReader, number: string, signal: AbortSignal) {
    return store.read(account, number, undefined, signal);
  }

  protected override render() {
    return html`
      <section class="panel" aria-labelledby="heading">
        <h2 id="heading">${msg('Account Information')}</h2>
        ${this.renderData({
          loading: msg('Loading account information…'),
          complete: (a) => html`
            <dl part="table">
              <dt>${msg('Account #')}</dt>
              <dd>${a.number}</dd>
              <dt>${msg('Account Name')}</dt>
              <dd>${a.name}</dd>
              <dt>${msg('Billing Address')}</dt>
              <dd>${formatAddress(a.billingAddress)}</dd>
              <dt>${msg('Representative')}</dt>
              <dd>${a.representative ?? '—'}</dd>
              ${a.headOffice
                ? html`<dt>${msg('Head Office')}</dt>
                    <dd>${a.headOffice.name} (${a.headOffice.number})</dd>`
                : ''}
            </dl>
          `,
        })}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-account-info': BpAccountInfo;
  }
}
