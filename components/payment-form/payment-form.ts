import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ApiError, call, type ApiClient } from '../api/client.ts';
import type { AccountSummaryData, Payment } from '../api/types.ts';
import { AccountDataElement } from '../base/account-data-element.ts';
import { BpPaymentCancelEvent, BpPaymentSuccessEvent } from '../events/events.ts';
import { formatMoney } from '../i18n/format.ts';
import { token } from '../styles/tokens.ts';
import { CardFrameChannel } from './card-frame-channel.ts';

type AmountChoice = 'due' | 'pastDue' | 'invoice' | 'other';
type AddressField = 'line1' | 'line2' | 'city' | 'country' | 'state' | 'zip';

/** "403.99" or "$1,200" → cents; null when it is not an amount. */
export function parseAmount(text: string): number | null {
  const clean = text.replace(/[$,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  const [whole, fraction = ''] = clean.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/**
 * @summary The guide's Make a payment: the amount (balance due, past due only, the latest
 * invoice, or another amount), the card in a frame served by the portal (Accept.js turns it into
 * a one-time token: neither this page nor the portal sees the digits), the billing address, and
 * Make a payment / Cancel.
 *
 * @fires bp-payment-success - The payment went through; `detail.payment`.
 * @fires bp-payment-cancel - The user closed the form.
 *
 * @csspart form - The form.
 * @csspart card-frame - The iframe holding the card fields.
 * @csspart result - The outcome message.
 */
@customElement('bp-payment-form')
export class BpPaymentForm extends AccountDataElement<AccountSummaryData> {
  static override styles = [
    ...AccountDataElement.styles,
    css`
      form,
      fieldset {
        display: grid;
        gap: ${token('space-4')};
      }
      fieldset {
        margin: 0;
        padding: 0;
        border: 0;
      }
      legend {
        margin-bottom: ${token('space-2')};
        font-weight: ${token('font-weight-bold')};
        font-size: ${token('font-size-md')};
      }
      .choices label {
        display: flex;
        gap: ${token('space-2')};
        align-items: center;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: ${token('space-3')} ${token('space-4')};
      }
      iframe {
        width: 100%;
        min-height: 12rem;
        border: 0;
      }
      .actions {
        display: flex;
        gap: ${token('space-3')};
      }
      .success {
        border-left-color: ${token('color-success')};
        background: ${token('color-surface')};
      }
    `,
  ];

  @state() private choice: AmountChoice = 'due';
  @state() private otherAmount = '';
  @state() private address: Record<AddressField, string> = { line1: '', line2: '', city: '', country: 'US', state: '', zip: '' };
  @state() private errors: Partial<Record<AddressField | 'amount' | 'card', string>> = {};
  @state() private busy = false;
  @state() private outcome: { kind: 'success' | 'pending' | 'failed'; message: string } | null = null;
  @state() private frameHeight = 0;
  @query('iframe') private frame!: HTMLIFrameElement | null;

  private readonly channel = new CardFrameChannel(
    () => this.frame,
    (height) => {
      if (height) this.frameHeight = height;
      this.requestUpdate();
    },
  );
  /** One key per payment attempt: a retry after a network failure is the same payment. */
  private idempotencyKey = crypto.randomUUID();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('message', this.channel.listener);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('message', this.channel.listener);
    super.disconnectedCallback();
  }

  protected load(client: ApiClient, number: string, signal: AbortSignal) {
    return call(client.api.v1.accounts[':number'].summary.$get({ param: { number } }, { init: { signal } }));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The billing address starts as the account's.
    const summary = this.data ?? this.task.value;
    if (summary && !this.address.line1 && (changed.has('data') || !this.hasUpdated)) {
      const a = summary.account.billingAddress;
      this.address = { line1: a.line1, line2: a.line2 ?? '', city: a.city, country: a.country, state: a.region, zip: a.postalCode };
      if (summary.dueAmount === 0) this.choice = 'other';
    }
  }

  private amountOf(summary: AccountSummaryData): number | null {
    switch (this.choice) {
      case 'due':
        return summary.dueAmount;
      case 'pastDue':
        return summary.pastDue;
      case 'invoice':
        return summary.currentInvoice?.balance ?? 0;
      case 'other':
        return parseAmount(this.otherAmount);
    }
  }

  private check(summary: AccountSummaryData): number | null {
    const errors: typeof this.errors = {};
    const amount = this.amountOf(summary);
    if (amount === null) errors.amount = 'Enter an amount like 403.99.';
    else if (amount <= 0) errors.amount = 'The amount must be more than zero.';
    const required: [AddressField, string][] = [['line1', 'Address Line 1'], ['city', 'City'], ['state', 'State'], ['zip', 'Zip']];
    for (const [field, label] of required) if (!this.address[field].trim()) errors[field] = `Enter the ${label} of the card's billing address.`;
    this.errors = errors;
    return Object.keys(errors).length ? null : amount;
  }

  private async submit(event: Event, summary: AccountSummaryData) {
    event.preventDefault();
    if (this.busy) return;
    this.outcome = null;
    const amount = this.check(summary);
    if (amount === null) {
      this.focusFirstError();
      return;
    }
    this.busy = true;
    try {
      const card = await this.channel.requestToken(this.address.zip.trim());
      if (!card.ok) {
        this.errors = { ...this.errors, card: `Check the card details: ${card.errors.map((e) => e.message).join(' ')}` };
        return;
      }
      const payment = await call(
        this.portal!.client.api.v1.accounts[':number'].payments.$post({
          param: { number: summary.account.number },
          header: { 'idempotency-key': this.idempotencyKey },
          json: {
            amount: amount!,
            opaqueData: card.opaqueData,
            billTo: {
              firstName: card.name.firstName.slice(0, 50),
              lastName: card.name.lastName.slice(0, 50),
              address: [this.address.line1, this.address.line2].filter(Boolean).join(', ').slice(0, 60),
              city: this.address.city,
              state: this.address.state,
              zip: this.address.zip,
              country: this.address.country,
            },
          },
        }),
      );
      this.finished(payment as Payment, summary);
    } catch (err) {
      const network = err instanceof ApiError && err.code === 'NETWORK';
      // A definite refusal ends this attempt; after a network failure the retry is the same payment.
      if (!network) this.idempotencyKey = crypto.randomUUID();
      this.outcome = { kind: 'failed', message: err instanceof Error ? err.message : String(err) };
    } finally {
      this.busy = false;
    }
  }

  private finished(payment: Payment, summary: AccountSummaryData) {
    this.idempotencyKey = crypto.randomUUID();
    const amount = formatMoney(payment.amount, summary.account.currency);
    const card = payment.card ? `${payment.card.brand} ending in ${payment.card.last4}` : 'your card';
    this.outcome =
      payment.status === 'approved'
        ? { kind: 'success', message: `Thank you: your payment of ${amount} with ${card} was approved. A receipt is on its way by email.` }
        : payment.status === 'held'
          ? { kind: 'pending', message: `Your payment of ${amount} with ${card} was received and is being reviewed by the card processor.` }
          : { kind: 'pending', message: `We are confirming your payment of ${amount} with the card processor. Check Payment History in a few minutes before paying again.` };
    this.dispatchEvent(new BpPaymentSuccessEvent({ payment }));
  }

  private focusFirstError() {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  private renderAddressField(field: AddressField, label: string, autocomplete: string) {
    const error = this.errors[field];
    return html`
      <div class="field">
        <label for=${field}>${label}</label>
        <input
          id=${field}
          autocomplete=${autocomplete}
          .value=${this.address[field]}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${field}-error` : nothing}
          @input=${(e: Event) => (this.address = { ...this.address, [field]: (e.target as HTMLInputElement).value })}
        />
        ${error ? html`<span class="field-error" id="${field}-error">${error}</span>` : nothing}
      </div>
    `;
  }

  private renderForm(summary: AccountSummaryData) {
    const money = (cents: number) => formatMoney(cents, summary.account.currency);
    const choices: [AmountChoice, string, number | null][] = [
      ['due', `Balance due: ${money(summary.dueAmount)}`, summary.dueAmount],
      ['pastDue', `Past due only: ${money(summary.pastDue)}`, summary.pastDue],
      ['invoice', `Latest invoice: ${money(summary.currentInvoice?.balance ?? 0)}`, summary.currentInvoice?.balance ?? 0],
      ['other', 'Another amount', null],
    ];
    const portal = this.portal;
    const dark = this.theme === 'dark' || (this.theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
    const frameSrc = portal ? `${portal.serverUrl}/card-frame?origin=${encodeURIComponent(location.origin)}&theme=${dark ? 'dark' : 'light'}` : '';
    return html`
      <form part="form" novalidate @submit=${(e: Event) => void this.submit(e, summary)}>
        <fieldset class="choices">
          <legend>Payment Amount</legend>
          ${choices
            .filter(([choice, , cents]) => choice === 'other' || (cents ?? 0) > 0)
            .map(
              ([choice, label]) => html`
                <label>
                  <input type="radio" name="amount" .checked=${this.choice === choice} @change=${() => (this.choice = choice)} />
                  ${label}
                </label>
              `,
            )}
          ${this.choice === 'other'
            ? html`<div class="field">
                <label for="other">Amount</label>
                <input
                  id="other"
                  inputmode="decimal"
                  placeholder="0.00"
                  .value=${this.otherAmount}
                  aria-invalid=${this.errors.amount ? 'true' : 'false'}
                  aria-describedby=${this.errors.amount ? 'amount-error' : nothing}
                  @input=${(e: Event) => (this.otherAmount = (e.target as HTMLInputElement).value)}
                />
              </div>`
            : nothing}
          ${this.errors.amount ? html`<span class="field-error" id="amount-error">${this.errors.amount}</span>` : nothing}
          <p class="muted">Your current balance is ${money(summary.balance)}.</p>
        </fieldset>
        <fieldset>
          <legend>Credit Card Information</legend>
          ${frameSrc
            ? html`<iframe
                part="card-frame"
                title="Card details"
                src=${frameSrc}
                sandbox="allow-scripts"
                style=${this.frameHeight ? `height: ${this.frameHeight}px` : ''}
              ></iframe>`
            : html`<p class="alert">Card payments need the portal: place this form inside bp-portal or bp-provider.</p>`}
          ${this.errors.card ? html`<p class="field-error" role="alert">${this.errors.card}</p>` : nothing}
        </fieldset>
        <fieldset>
          <legend>Address</legend>
          <div class="grid">
            ${this.renderAddressField('line1', 'Address Line 1', 'address-line1')} ${this.renderAddressField('line2', 'Address Line 2', 'address-line2')}
            ${this.renderAddressField('city', 'City', 'address-level2')}
            <div class="field">
              <label for="country">Country</label>
              <select id="country" autocomplete="country" .value=${this.address.country} @change=${(e: Event) => (this.address = { ...this.address, country: (e.target as HTMLSelectElement).value })}>
                <option value="US">United States</option>
                <option value="CA">Canada</option>
              </select>
            </div>
            ${this.renderAddressField('state', this.address.country === 'CA' ? 'Province' : 'State', 'address-level1')}
            ${this.renderAddressField('zip', this.address.country === 'CA' ? 'Postal code' : 'Zip', 'postal-code')}
          </div>
        </fieldset>
        ${this.outcome
          ? html`<p part="result" class="alert ${this.outcome.kind === 'success' ? 'success' : this.outcome.kind === 'pending' ? 'info' : ''}" role=${this.outcome.kind === 'failed' ? 'alert' : 'status'}>
              ${this.outcome.message}
            </p>`
          : nothing}
        <div class="actions">
          ${this.outcome?.kind === 'success'
            ? nothing
            : html`<button class="button" type="submit" ?disabled=${this.busy}>${this.busy ? 'Processing…' : 'Make a payment'}</button>`}
          <button class="button secondary" type="button" @click=${() => this.dispatchEvent(new BpPaymentCancelEvent())}>${this.outcome?.kind === 'success' ? 'Close' : 'Cancel'}</button>
        </div>
      </form>
    `;
  }

  protected override render() {
    return html`
      <section class="panel" aria-labelledby="pay-heading">
        <h2 id="pay-heading">Make a payment</h2>
        ${this.renderData({ loading: 'Loading your balance…', complete: (summary) => this.renderForm(summary) })}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-payment-form': BpPaymentForm;
  }
}
