import { msg, str } from '@lit/localize';
import { css, html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { networkMessage } from '../api/client.ts';
import type { AccountSummaryData } from '../api/types.ts';
import { BpAccountInfo } from '../account-info/account-info.ts';
import { AccountDataElement } from '../base/account-data-element.ts';
import { defineElement } from '../base/define.ts';
import type { StoreReader } from '../data/account-store.ts';
import { summary } from '../data/resources.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';
import { cardsNotTaken } from '../i18n/payment-method.ts';
import { token } from '../styles/tokens.ts';
import { definitionListStyles } from '../styles/widget.ts';
import { BpUsageMeter } from '../usage-meter/usage-meter.ts';
import type { CancelAutopay } from './cancel-autopay.ts';

const expiry = (card: { expMonth: number | null; expYear: number | null }) =>
  card.expMonth && card.expYear ? ` ${msg(str`(expires ${String(card.expMonth).padStart(2, '0')}/${card.expYear})`)}` : '';

/**
 * @summary The guide's My Account: Account Information, Payment Information (current balance,
 * due amount, past due, the current month's invoice, the date to pay by, the payment method) and
 * Current Usage, from one request. A payment or autopay change anywhere in the same portal or
 * provider shows here at once.
 *
 * @csspart payment - The Payment Information panel.
 * @csspart autopay-notice - The notice of a failed automatic payment.
 *
 * @fires bp-autopay-change - Automatic payment was cancelled (`detail.autopay` null), or set up in the form.
 * @csspart error - The error message, when loading failed.
 *
 * @cssproperty --bp-account-summary-gap - Space between the panels (default space-6).
 */
export class BpAccountSummary extends AccountDataElement<AccountSummaryData> {
  static readonly tag = 'bp-account-summary';
  /** The payment form is not among them: it loads when opened (`openForm`). */
  static readonly elements = [BpAccountInfo, BpUsageMeter];
  static override properties: PropertyDeclarations = {
    form: { state: true },
    cancelling: { state: true },
    cancelUnavailable: { state: true },
    notice: { state: true },
  };

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
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-3')};
        align-items: center;
      }
      .actions p {
        flex-basis: 100%;
        margin: 0;
      }
    `,
  ];

  /** The open form: Make a payment, or Sign-up for automatic payment / Change card. */
  private form: 'pay' | 'autopay' | null = null;
  /** Cancel autopay's question (cancel-autopay.ts, loaded when first asked), while it is asked. */
  private cancelling: CancelAutopay | null = null;
  /** The question could not be loaded (offline): why, said beside the buttons. */
  private cancelUnavailable = '';
  /** What the status line last announced (autopay cancelled). */
  private notice = '';
  /** Autopay was cancelled: focus goes to Sign-up once the summary read again says so. */
  private focusOnManual = false;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusOnManual && this.value?.paymentMethod.type === 'manual') {
      this.focusOnManual = false;
      this.renderRoot.querySelector<HTMLElement>('[data-opens=autopay]')?.focus();
    }
  }

  protected read(store: StoreReader, number: string, signal: AbortSignal) {
    return store.read(summary, number, undefined, signal);
  }

  private openForm(form: 'pay' | 'autopay') {
    this.form = form;
    this.cancelling = null;
    this.cancelUnavailable = '';
    this.notice = '';
    void import('../payment-form/payment-form.ts').then(({ BpPaymentForm }) => defineElement(BpPaymentForm));
    void this.updateComplete.then(() => this.renderRoot.querySelector('bp-payment-form')?.scrollIntoView({ block: 'nearest' }));
  }

  /** The form closed (Cancel, Close, Escape): focus goes back to the button that opened it. */
  private closeForm() {
    const opened = this.form;
    this.form = null;
    if (opened) this.focusOpener(opened);
  }

  /** "Cancel autopay" asks in place of the buttons: focus goes to the question; Escape keeps autopay. */
  private async askCancel() {
    this.notice = '';
    this.cancelUnavailable = '';
    let question: typeof import('./cancel-autopay.ts');
    try {
      question = await import('./cancel-autopay.ts');
    } catch {
      this.cancelUnavailable = networkMessage();
      return;
    }
    this.cancelling = new question.CancelAutopay(this, (notice) => {
      this.cancelling = null;
      if (notice) {
        this.notice = notice;
        this.focusOnManual = true;
      } else this.focusOpener('cancel-autopay');
    });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.confirm')?.focus());
  }

  private focusOpener(opener: 'pay' | 'autopay' | 'cancel-autopay') {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-opens=${opener}]`)?.focus());
  }

  private renderPayment(s: AccountSummaryData) {
    const money = (cents: number) => formatMoney(cents, s.account.currency);
    return html`
      <section class="panel" part="payment" aria-labelledby="payment-heading">
        <h2 id="payment-heading">${msg('Payment Information')}</h2>
        <dl>
          <dt>${msg('Current Balance')}</dt>
          <dd class="amount">${s.balance < 0 ? msg(str`${money(-s.balance)} credit`) : money(s.balance)}</dd>
          <dt>${msg('Due Amount')}</dt>
          <dd class="amount">${money(s.dueAmount)}</dd>
          <dt>${msg('Past due amount')}</dt>
          <dd class="amount ${s.pastDue > 0 ? 'past-due' : ''}">${money(s.pastDue)}${s.pastDue > 0 ? html` <span class="visually-hidden">(${msg('past due')})</span>` : nothing}</dd>
          <dt>${msg('Current Month')}</dt>
          <dd>
            ${s.currentInvoice
              ? html`${msg(str`Invoice (${formatDate(s.currentInvoice.date)})`)} <span class="amount">${money(s.currentInvoice.total)}</span>`
              : msg('No invoice yet')}
          </dd>
          <dt>${msg('Payment method')}</dt>
          <dd>
            ${s.paymentMethod.type === 'autopay'
              ? msg(str`Automatic payment: ${s.paymentMethod.brand} ending in ${s.paymentMethod.last4}${expiry(s.paymentMethod)}`)
              : msg('Manual payment.')}
          </dd>
        </dl>
        ${s.dueDate
          ? html`<p class="cycle">
              ${s.paymentMethod.type === 'autopay' && !s.autopayNotice
                ? msg(str`Your ${s.paymentMethod.brand} ending in ${s.paymentMethod.last4} will be charged the balance due on ${formatDate(s.dueDate)}.`)
                : msg(str`To avoid any late payment charges, please ensure that your payment is received no later than ${formatDate(s.dueDate)}.`)}
            </p>`
          : nothing}
        ${s.autopayNotice
          ? html`<p class="cycle alert" role="alert" part="autopay-notice">
              ${msg(str`Your automatic payment of ${money(s.autopayNotice.amount)} on ${formatDate(s.autopayNotice.date)} did not go through:`)}
              ${s.autopayNotice.message} ${s.paymentMethod.type === 'autopay' ? msg('Please make a payment, and change the card if it has changed.') : msg('Please make a payment.')}
            </p>`
          : nothing}
        ${s.pastDue > 0 ? html`<p class="cycle alert" role="note">${msg(str`${money(s.pastDue)} is past due. Please pay it now to avoid further late payment charges.`)}</p>` : nothing}
        ${this.portal && !this.form ? this.renderActions(s) : nothing}
        ${this.cancelUnavailable ? html`<p class="cycle alert" role="alert">${this.cancelUnavailable}</p>` : nothing}
        <p class="visually-hidden notice" role="status">${this.notice}</p>
      </section>
    `;
  }

  private renderActions(s: AccountSummaryData) {
    if (this.cancelling) return this.cancelling.render(s, this.portal!);
    if (!s.cardPayments) {
      return html`<div class="cycle actions">
        <p>${cardsNotTaken(s.account.currency)}</p>
        ${s.paymentMethod.type === 'autopay'
          ? html`<button class="button secondary" type="button" data-opens="cancel-autopay" @click=${() => void this.askCancel()}>${msg('Cancel autopay')}</button>`
          : nothing}
      </div>`;
    }
    return html`<div class="cycle actions">
      <button class="button" type="button" data-opens="pay" @click=${() => this.openForm('pay')}>${msg('Make a payment')}</button>
      ${s.paymentMethod.type === 'autopay'
        ? html`<button class="button secondary" type="button" data-opens="autopay" @click=${() => this.openForm('autopay')}>${msg('Change card')}</button>
            <button class="button secondary" type="button" data-opens="cancel-autopay" @click=${() => void this.askCancel()}>${msg('Cancel autopay')}</button>`
        : html`<button class="button secondary" type="button" data-opens="autopay" @click=${() => this.openForm('autopay')}>${msg('Sign-up for automatic payment')}</button>`}
    </div>`;
  }

  protected override render() {
    return this.renderData({
      loading: msg('Loading your account…'),
      complete: (s) => html`
        <bp-account-info .data=${s.account} theme=${this.theme}></bp-account-info>
        ${this.renderPayment(s)}
        ${this.form
          ? html`<bp-payment-form
              .data=${this.data}
              account-number=${s.account.number}
              mode=${this.form}
              theme=${this.theme}
              @bp-payment-cancel=${() => this.closeForm()}
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
