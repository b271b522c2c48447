import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { call, type ApiClient } from '../api/client.ts';
import type { AccountSummaryData } from '../api/types.ts';
import '../account-info/account-info.ts';
import { AccountDataElement } from '../base/account-data-element.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';
import { token } from '../styles/tokens.ts';
import { definitionListStyles } from '../styles/widget.ts';
import '../usage-meter/usage-meter.ts';
import '../payment-form/payment-form.ts';

/**
 * @summary The guide's My Account: Account Information, Payment Information (current balance,
 * due amount, past due, the current month's invoice, the date to pay by, the payment method) and
 * Current Usage, from one request.
 *
 * @csspart payment - The Payment Information panel.
 * @csspart error - The error message, when loading failed.
 *
 * @cssproperty --bp-account-summary-gap - Space between the panels (default space-6).
 */
@customElement('bp-account-summary')
export class BpAccountSummary extends AccountDataElement<AccountSummaryData> {
  static override styles = [
    ...AccountDataElement.styles,
    definitionListStyles,
    css`
      :host {
        display: grid;
        gap: var(--bp-account-summary-gap, ${token('space-6')});
      }
      .amount {
        font-variant-numeric: tabular-nums;
        font-weight: ${token('font-weight-bold')};
      }
      .past-due {
        color: ${token('color-danger')};
      }
      .cycle {
        margin: ${token('space-4')} 0 0;
      }
    `,
  ];

  /** The payment form is open (Make a payment). */
  @state() private paying = false;
  /** A payment went through while the form was open: the figures are reloaded when it closes. */
  private paid = false;

  private closePayment() {
    this.paying = false;
    if (this.paid && this.data === undefined) void this.task.run();
    this.paid = false;
  }

  protected load(client: ApiClient, number: string, signal: AbortSignal) {
    return call(client.api.v1.accounts[':number'].summary.$get({ param: { number } }, { init: { signal } }));
  }

  private openPayment() {
    this.paying = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector('bp-payment-form')?.scrollIntoView({ block: 'nearest' }));
  }

  private renderPayment(s: AccountSummaryData) {
    const money = (cents: number) => formatMoney(cents, s.account.currency);
    return html`
      <section class="panel" part="payment" aria-labelledby="payment-heading">
        <h2 id="payment-heading">Payment Information</h2>
        <dl>
          <dt>Current Balance</dt>
          <dd class="amount">${s.balance < 0 ? html`${money(-s.balance)} credit` : money(s.balance)}</dd>
          <dt>Due Amount</dt>
          <dd class="amount">${money(s.dueAmount)}</dd>
          <dt>Past due amount</dt>
          <dd class="amount ${s.pastDue > 0 ? 'past-due' : ''}">${money(s.pastDue)}${s.pastDue > 0 ? html` <span class="visually-hidden">(past due)</span>` : nothing}</dd>
          <dt>Current Month</dt>
          <dd>
            ${s.currentInvoice
              ? html`Invoice (${formatDate(s.currentInvoice.date)}) <span class="amount">${money(s.currentInvoice.total)}</span>`
              : 'No invoice yet'}
          </dd>
          <dt>Payment method</dt>
          <dd>Manual payment.</dd>
        </dl>
        ${s.dueDate
          ? html`<p class="cycle">To avoid any late payment charges, please ensure that your payment is received no later than ${formatDate(s.dueDate)}.</p>`
          : nothing}
        ${s.pastDue > 0 ? html`<p class="cycle alert" role="note">${money(s.pastDue)} is past due. Please pay it now to avoid further late payment charges.</p>` : nothing}
        ${this.portal && !this.paying
          ? html`<div class="cycle"><button class="button" type="button" @click=${() => this.openPayment()}>Make a payment</button></div>`
          : nothing}
      </section>
    `;
  }

  protected override render() {
    return this.renderData({
      loading: 'Loading your account…',
      complete: (s) => html`
        <bp-account-info .data=${s.account} theme=${this.theme}></bp-account-info>
        ${this.renderPayment(s)}
        ${this.paying
          ? html`<bp-payment-form
              .data=${s}
              theme=${this.theme}
              @bp-payment-success=${() => (this.paid = true)}
              @bp-payment-cancel=${() => this.closePayment()}
            ></bp-payment-form>`
          : nothing}
        <bp-usage-meter .data=${s.usage} theme=${this.theme}></bp-usage-meter>
      `,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-account-summary': BpAccountSummary;
  }
}
