import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { ApiError, call } from '../api/client.ts';
import { fieldStyles } from '../styles/fields.ts';
import { cssomStyle } from '../styles/cssom-style.ts';
import type { AccountSummaryData, AutopayMethod, Payment } from '../api/types.ts';
import { AccountDataElement } from '../base/account-data-element.ts';
import { loadingView } from '../base/task-states.ts';
import type { AccountStore, StoreReader } from '../data/account-store.ts';
import { summary as summaryResource } from '../data/resources.ts';
import { BpAutopayChangeEvent, BpPaymentCancelEvent, BpPaymentSuccessEvent } from '../events/payment.ts';
import { formatMoney } from '../i18n/format.ts';
import { cardsNotTaken } from '../i18n/payment-method.ts';
import { formatLocale, serverLanguage } from '../i18n/localize.ts';
import { CardFrameChannel, type CardFieldError } from './card-frame-channel.ts';
import { cardFrameLook } from './card-frame-look.ts';
import { paymentFormStyles } from './payment-form.styles.ts';

type AmountChoice = 'due' | 'pastDue' | 'invoice' | 'other';
type AddressField = 'line1' | 'line2' | 'city' | 'country' | 'state' | 'zip';
type FormField = AddressField | 'amount';

/** The sign a language groups thousands with, when it is "." or ","; null when it groups with a space (French). */
function thousandsSign(locale: string): '.' | ',' | null {
  const group = new Intl.NumberFormat(locale, { useGrouping: 'always' }).formatToParts(1234).find((p) => p.type === 'group')?.value;
  return group === '.' || group === ',' ? group : null;
}

/**
 * An amount as someone typed it, in cents; null when it is not one, or could be read two ways.
 * "403.99", "$1,200" (English), "12,50 $" and "1 200,50" (French), "1.200,50" (Spanish). A "." or
 * "," followed by one or two digits is the decimal sign in any language ("12,50" is never 1,250);
 * followed by three, it groups thousands only where the language groups them with it.
 */
export function parseAmount(text: string, locale = formatLocale()): number | null {
  // Spaces of every kind go (French groups thousands with a narrow no-break space), and a
  // currency sign or code at either end ("$", "CA$", "$ CA"); a minus sign stays, and fails.
  const bare = text.replace(/\s/g, '').replace(/^[\p{Sc}\p{L}]+|[\p{Sc}\p{L}]+$/gu, '');
  if (!/^\d[\d.,]*\d$|^\d$/.test(bare)) return null;
  const thousands = thousandsSign(locale);
  const last = Math.max(bare.lastIndexOf('.'), bare.lastIndexOf(','));
  let whole = bare;
  let cents = 0;
  if (last >= 0) {
    const tail = bare.slice(last + 1);
    if (tail.length <= 2) {
      whole = bare.slice(0, last);
      cents = Number(tail.padEnd(2, '0'));
      if (whole.includes(bare[last]!)) return null;
    } else if (tail.length !== 3 || bare[last] !== thousands) return null;
  }
  // What is left groups thousands, if anything: one sign, the language's, between groups of three.
  const groups = whole.split(/[.,]/);
  if (groups.length > 1 && (new Set(whole.replace(/\d/g, '')).size !== 1 || !whole.includes(thousands ?? '-') || !/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^\d{3}$/.test(g)))) return null;
  const dollars = groups.join('');
  return dollars.length > 12 ? null : Number(dollars) * 100 + cents;
}

/** "403.99", "403,99": an amount written as the user's language writes it, for examples. */
const sampleAmount = (amount: number) => new Intl.NumberFormat(formatLocale(), { minimumFractionDigits: 2 }).format(amount);

const cardName = (card: { brand: string; last4: string }) => msg(str`${card.brand} ending in ${card.last4}`);

/** The card frame's fields, in the order the summary lists their errors. */
const CARD_FIELDS = ['firstName', 'lastName', 'cardNumber', 'month', 'cardCode', 'card'];

/**
 * @summary The guide's Make a payment: the amount (balance due, past due only, the latest
 * invoice, or another amount), the card in a frame served by the portal (Accept.js turns it into
 * a one-time token: neither this page nor the portal sees the digits), the billing address, the
 * automatic payment check box, and Make a payment / Cancel. With `mode="autopay"` it is the
 * guide's Sign-up for automatic payment (or Change card): the card is saved, nothing is charged.
 *
 * It offers only amounts it has just read: the balance is read again when the form opens and
 * after any payment or autopay change on the page. Errors show once under their field, and in
 * one summary at the top that links to each. The card frame takes the form's look (fonts,
 * heights, radii, colours, its grid), measured on the form's own fields.
 *
 * @fires bp-payment-success - The payment went through; `detail.payment`.
 * @fires bp-autopay-change - The card for automatic payment was saved; `detail.autopay`.
 * @fires bp-payment-cancel - The user closed the form.
 *
 * @csspart form - The form.
 * @csspart error-summary - The list of what to correct, at the top of the form.
 * @csspart card-frame - The iframe holding the card fields.
 * @csspart result - The outcome message.
 */
export class BpPaymentForm extends AccountDataElement<AccountSummaryData> {
  static readonly tag = 'bp-payment-form';
  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    choice: { state: true },
    saveForAutopay: { state: true },
    otherAmount: { state: true },
    address: { state: true },
    errors: { state: true },
    cardErrors: { state: true },
    busy: { state: true },
    outcome: { state: true },
    frameHeight: { state: true },
  };

  static override styles = [...AccountDataElement.styles, fieldStyles, paymentFormStyles];

  /** `pay`: Make a payment. `autopay`: save the card for automatic payment without paying. */
  mode: 'pay' | 'autopay' = 'pay';

  private choice: AmountChoice = 'due';
  private saveForAutopay = false;
  private otherAmount = '';
  private address: Record<AddressField, string> = { line1: '', line2: '', city: '', country: 'US', state: '', zip: '' };
  private errors: Partial<Record<FormField, string>> = {};
  /** What the card frame found wrong (field `card`: the card as a whole). */
  private cardErrors: CardFieldError[] = [];
  private busy = false;
  private outcome: { kind: 'success' | 'pending' | 'failed'; message: string } | null = null;
  private frameHeight = 0;
  /** The card frame's query: the form's look, once its fields are drawn (see measureLook). */
  private frameLook = '';
  private get frame() {
    return this.renderRoot.querySelector('iframe');
  }

  private readonly channel = new CardFrameChannel(
    () => this.frame,
    (height) => {
      if (height) this.frameHeight = height;
      this.requestUpdate();
    },
    () => this.cancel(),
  );
  /** One key per payment attempt: a retry after a network failure is the same payment. */
  private idempotencyKey = crypto.randomUUID();
  /** A page following the system's dark mode switches the frame's look with it. */
  private readonly colorScheme = matchMedia('(prefers-color-scheme: dark)');
  private readonly schemeChanged = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('message', this.channel.listener);
    this.colorScheme.addEventListener('change', this.schemeChanged);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('message', this.channel.listener);
    this.colorScheme.removeEventListener('change', this.schemeChanged);
    super.disconnectedCallback();
  }

  protected read(store: StoreReader, number: string, signal: AbortSignal) {
    return store.read(summaryResource, number, undefined, signal);
  }

  /** The account (and session) whose balance was re-read when the form opened on it. */
  private rereadFor: { store: AccountStore; number: string } | null = null;
  /** The billing address starts as the account's, once, whether the data was handed in or loaded. */
  private prefilled = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Before the read: the amounts offered come from a read made now, not from what another
    // widget loaded before a payment elsewhere. Writes re-read it anyway (they invalidate it).
    const store = this.portal?.store;
    if (store && this.number && this.data === undefined && (this.rereadFor?.store !== store || this.rereadFor.number !== this.number)) {
      this.rereadFor = { store, number: this.number };
      store.reread(summaryResource, this.number);
    }
    super.willUpdate(changed);
    const summary = this.value;
    if (summary && !this.prefilled) {
      this.prefilled = true;
      const a = summary.account.billingAddress;
      this.address = { line1: a.line1, line2: a.line2 ?? '', city: a.city, country: a.country, state: a.region, zip: a.postalCode };
    }
    // An amount that is no longer owed (paid here or elsewhere) is not offered, nor kept chosen.
    if (summary && !this.reloading && this.choice !== 'other' && !(this.amountOf(summary)! > 0)) this.choice = this.offered(summary)[0]![0];
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.measureLook();
  }

  /**
   * Reads the look of the drawn fields and points the card frame at it; a new look (dark, a
   * brand) reloads the frame. Set on the element, not rendered: the look exists only once drawn.
   */
  private measureLook() {
    const root = this.renderRoot;
    const input = root.querySelector<HTMLElement>('#line1');
    const hint = root.querySelector<HTMLElement>('.hint');
    const grid = root.querySelector<HTMLElement>('.grid.address');
    if (!input || !hint || !grid || !this.frame || !this.portal) return;
    const look = new URLSearchParams(cardFrameLook({ host: this, input, label: root.querySelector('label[for=line1]')!, field: input.parentElement!, hint, grid })).toString();
    // The frame's labels are in the kit's language too: a new one reloads it.
    const lookAndLanguage = `${look}|${serverLanguage()}`;
    if (lookAndLanguage === this.frameLook && this.frame.getAttribute('src')) return;
    this.frameLook = lookAndLanguage;
    this.frame.src = `${this.portal.serverUrl}/card-frame?origin=${encodeURIComponent(location.origin)}&lang=${serverLanguage()}&${look}`;
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

  private stateLabel() {
    return this.address.country === 'CA' ? msg('Province') : msg('State');
  }

  private zipLabel() {
    return this.address.country === 'CA' ? msg('Postal code') : msg('Zip');
  }

  private check(summary: AccountSummaryData): number | null {
    const errors: typeof this.errors = {};
    const amount = this.mode === 'autopay' ? 0 : this.amountOf(summary);
    if (amount === null) errors.amount = msg(str`Enter an amount like ${sampleAmount(403.99)}.`);
    else if (amount <= 0 && this.mode === 'pay') errors.amount = msg('The amount must be more than zero.');
    const required: [AddressField, string][] = [['line1', msg('Address Line 1')], ['city', msg('City')], ['state', this.stateLabel()], ['zip', this.zipLabel()]];
    for (const [field, label] of required) if (!this.address[field].trim()) errors[field] = msg(str`Enter the ${label} of the card's billing address.`);
    this.errors = errors;
    return Object.keys(errors).length ? null : amount;
  }

  private async submit(event: Event, summary: AccountSummaryData) {
    event.preventDefault();
    // Never an amount read before the last change: wait for the balance being re-read.
    if (this.busy || this.reloading) return;
    this.outcome = null;
    this.cardErrors = [];
    const amount = this.check(summary);
    if (amount === null) {
      // Every error at once: the card's too, though it is not sent.
      this.cardErrors = await this.channel.validate();
      this.focusSummary();
      return;
    }
    this.busy = true;
    try {
      const card = await this.channel.requestToken(this.address.zip.trim());
      if (!card.ok) {
        this.cardErrors = card.errors;
        this.focusSummary();
        return;
      }
      const billTo = {
        firstName: card.name.firstName.slice(0, 50),
        lastName: card.name.lastName.slice(0, 50),
        address: [this.address.line1, this.address.line2].filter(Boolean).join(', ').slice(0, 60),
        city: this.address.city,
        state: this.address.state,
        zip: this.address.zip,
        country: this.address.country,
      };
      const { client, store } = this.portal!;
      const accounts = client.api.v1.accounts[':number'];
      const number = summary.account.number;
      const param = { number };
      if (this.mode === 'autopay') {
        const { autopay } = await store.write('autopay', number, () => call(accounts.autopay.$put({ param, json: { opaqueData: card.opaqueData, billTo } })));
        this.saved(autopay!);
        return;
      }
      const payment = await store.write('payment', number, () =>
        call(
          accounts.payments.$post({
            param,
            header: { 'idempotency-key': this.idempotencyKey },
            json: { amount: amount!, opaqueData: card.opaqueData, billTo, saveForAutopay: this.saveForAutopay },
          }),
        ),
      );
      this.finished(payment as Payment, summary);
    } catch (err) {
      const network = err instanceof ApiError && err.code === 'NETWORK';
      // A definite refusal ends this attempt; after a network failure the retry is the same payment.
      if (!network) this.idempotencyKey = crypto.randomUUID();
      this.outcome = { kind: 'failed', message: err instanceof Error ? err.message : String(err) };
    } finally {
      this.busy = false;
      if (this.outcome) this.focusResult();
    }
  }

  private finished(payment: Payment, summary: AccountSummaryData) {
    this.idempotencyKey = crypto.randomUUID();
    const amount = formatMoney(payment.amount, summary.account.currency);
    const card = payment.card ? cardName(payment.card) : msg('your card');
    const autopay = payment.autopay
      ? payment.autopay.saved
        ? ` ${msg(str`${cardName(payment.autopay.method)} will pay your bill automatically on each due date from now on.`)}`
        : ` ${payment.autopay.message}`
      : '';
    this.outcome =
      payment.status === 'approved'
        ? { kind: 'success', message: `${msg(str`Thank you: your payment of ${amount} with ${card} was approved. A receipt is on its way by email.`)}${autopay}` }
        : payment.status === 'held'
          ? { kind: 'pending', message: `${msg(str`Your payment of ${amount} with ${card} was received and is being reviewed by the card processor.`)}${autopay}` }
          : { kind: 'pending', message: msg(str`We are confirming your payment of ${amount} with the card processor. Check Payment History in a few minutes before paying again.`) };
    this.dispatchEvent(new BpPaymentSuccessEvent({ payment }));
    if (payment.autopay?.saved) this.dispatchEvent(new BpAutopayChangeEvent({ autopay: payment.autopay.method }));
  }

  private saved(autopay: AutopayMethod) {
    this.outcome = { kind: 'success', message: msg(str`Automatic payment is on: ${cardName(autopay)} will be charged the balance due on each due date. Nothing was charged today.`) };
    this.dispatchEvent(new BpAutopayChangeEvent({ autopay }));
  }

  /** Cancel, Close or Escape: the host (My Account) closes the form and puts focus back on what opened it. */
  private cancel() {
    if (!this.busy) this.dispatchEvent(new BpPaymentCancelEvent());
  }

  private focusSummary() {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus());
  }

  /** The outcome has the focus: read out, and where the submit button (gone on success) was. */
  private focusResult() {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part=result]')?.focus());
  }

  /** Every error, in the order of the form, with how to get to its field. */
  private summaryEntries(): { message: string; target: string; go(): void }[] {
    const focus = (selector: string) => () => this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    const entries = [];
    if (this.errors.amount) entries.push({ message: this.errors.amount, target: 'other', go: focus('#other') });
    const card = [...this.cardErrors].sort((a, b) => CARD_FIELDS.indexOf(a.field) - CARD_FIELDS.indexOf(b.field));
    for (const e of card) entries.push({ message: e.message, target: 'card-frame', go: () => this.channel.focus(e.field) });
    for (const field of ['line1', 'city', 'state', 'zip'] as const) {
      const message = this.errors[field];
      if (message) entries.push({ message, target: field, go: focus(`#${field}`) });
    }
    return entries;
  }

  private renderErrorSummary() {
    const entries = this.summaryEntries();
    if (!entries.length) return nothing;
    return html`
      <div class="alert error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-heading">
        <h3 id="error-summary-heading">${entries.length === 1 ? msg('Please correct this:') : msg(str`Please correct these ${entries.length} things:`)}</h3>
        <ul>
          ${entries.map(
            (e) => html`<li>
              <a
                href="#${e.target}"
                @click=${(event: Event) => {
                  // In the shadow tree, and never a change of the host page's URL.
                  event.preventDefault();
                  e.go();
                }}
                >${e.message}</a
              >
            </li>`,
          )}
        </ul>
      </div>
    `;
  }

  private renderField(field: AddressField, label: string, autocomplete: string) {
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

  /** The amounts to offer: only what is owed now (and always another amount). */
  private offered(summary: AccountSummaryData): [AmountChoice, string][] {
    const money = (cents: number) => formatMoney(cents, summary.account.currency);
    const invoice = summary.currentInvoice?.balance ?? 0;
    const choices: [AmountChoice, string, number][] = [
      ['due', msg(str`Balance due: ${money(summary.dueAmount)}`), summary.dueAmount],
      ['pastDue', msg(str`Past due only: ${money(summary.pastDue)}`), summary.pastDue],
      ['invoice', msg(str`Latest invoice: ${money(invoice)}`), invoice],
    ];
    return [...choices.filter(([, , cents]) => cents > 0).map(([choice, label]): [AmountChoice, string] => [choice, label]), ['other', msg('Another amount')]];
  }

  private renderAmount(summary: AccountSummaryData) {
    if (this.reloading) {
      return html`<fieldset class="choices">
        <legend>${msg('Payment Amount')}</legend>
        ${loadingView(msg('Checking your balance…'))}
      </fieldset>`;
    }
    const error = this.errors.amount;
    return html`
      <fieldset class="choices">
        <legend>${msg('Payment Amount')}</legend>
        ${this.offered(summary).map(
          ([choice, label]) => html`
            <label>
              <input type="radio" name="amount" .checked=${this.choice === choice} @change=${() => (this.choice = choice)} />
              ${label}
            </label>
          `,
        )}
        ${this.choice === 'other'
          ? html`<div class="grid">
              <div class="field">
                <label for="other">${msg('Amount')}</label>
                <input
                  id="other"
                  inputmode="decimal"
                  placeholder=${sampleAmount(0)}
                  .value=${this.otherAmount}
                  aria-invalid=${error ? 'true' : 'false'}
                  aria-describedby=${error ? 'amount-error' : nothing}
                  @input=${(e: Event) => (this.otherAmount = (e.target as HTMLInputElement).value)}
                />
                ${error ? html`<span class="field-error" id="amount-error">${error}</span>` : nothing}
              </div>
            </div>`
          : nothing}
        <p class="muted">${msg(str`Your current balance is ${formatMoney(summary.balance, summary.account.currency)}.`)}</p>
      </fieldset>
    `;
  }

  private renderAutopayIntro(summary: AccountSummaryData) {
    const current = summary.paymentMethod.type === 'autopay' ? summary.paymentMethod : null;
    return html`
      <p>
        ${msg('Each month, on the due date, we will ask Authorize.Net to charge the balance due to this card. The card is kept by Authorize.Net, never by us, and nothing is charged today.')}
        ${current ? msg(str`It replaces ${cardName(current)}.`) : nothing}
      </p>
    `;
  }

  /** The guide's check box at the bottom of Make a payment. */
  private renderAutopayChoice(summary: AccountSummaryData) {
    const current = summary.paymentMethod.type === 'autopay' ? summary.paymentMethod : null;
    return html`
      <label class="check">
        <input type="checkbox" .checked=${this.saveForAutopay} @change=${(e: Event) => (this.saveForAutopay = (e.target as HTMLInputElement).checked)} />
        ${current
          ? msg(str`Use this card for automatic payment from now on, instead of ${cardName(current)}`)
          : msg('Sign me up for automatic payment: charge this card for my bill on each due date')}
      </label>
    `;
  }

  private renderCard() {
    const portal = this.portal;
    const wholeCard = this.cardErrors.find((e) => !CARD_FIELDS.slice(0, -1).includes(e.field));
    // Its src is the form's look, set once the fields are drawn (measureLook).
    const frame = () =>
      html`<iframe
        id="card-frame"
        part="card-frame"
        title=${msg('Card details')}
        sandbox="allow-scripts"
        style=${cssomStyle({ height: this.frameHeight ? `${this.frameHeight}px` : undefined })}
      ></iframe>`;
    return html`
      <fieldset>
        <legend>${msg('Credit Card Information')}</legend>
        ${portal ? frame() : html`<p class="alert">${msg('Card payments need the portal: place this form inside bp-portal or bp-provider.')}</p>`}
        ${wholeCard ? html`<p class="field-error">${wholeCard.message}</p>` : nothing}
        <p class="hint">${msg('The card details go from this frame to Authorize.Net; neither this page nor we see them.')}</p>
      </fieldset>
    `;
  }

  private renderForm(summary: AccountSummaryData) {
    const action = this.mode === 'autopay' ? msg('Save card for automatic payment') : msg('Make a payment');
    return html`
      <form part="form" novalidate @submit=${(e: Event) => void this.submit(e, summary)}>
        ${this.renderErrorSummary()} ${this.mode === 'autopay' ? this.renderAutopayIntro(summary) : this.renderAmount(summary)} ${this.renderCard()}
        <fieldset>
          <legend>${msg('Address')}</legend>
          <div class="grid address">
            ${this.renderField('line1', msg('Address Line 1'), 'address-line1')} ${this.renderField('line2', msg('Address Line 2'), 'address-line2')}
            ${this.renderField('city', msg('City'), 'address-level2')}
            <div class="field">
              <label for="country">${msg('Country')}</label>
              <select id="country" autocomplete="country" .value=${this.address.country} @change=${(e: Event) => (this.address = { ...this.address, country: (e.target as HTMLSelectElement).value })}>
                <option value="US">${msg('United States')}</option>
                <option value="CA">${msg('Canada')}</option>
              </select>
            </div>
            ${this.renderField('state', this.stateLabel(), 'address-level1')} ${this.renderField('zip', this.zipLabel(), 'postal-code')}
          </div>
        </fieldset>
        ${this.mode === 'pay' ? this.renderAutopayChoice(summary) : nothing}
        ${this.outcome
          ? html`<p part="result" tabindex="-1" class="alert ${this.outcome.kind === 'success' ? 'success' : this.outcome.kind === 'pending' ? 'info' : ''}" role=${this.outcome.kind === 'failed' ? 'alert' : 'status'}>
              ${this.outcome.message}
            </p>`
          : nothing}
        <div class="actions">
          ${this.outcome?.kind === 'success'
            ? nothing
            : html`<button class="button" type="submit" ?disabled=${this.busy || this.reloading}>${this.busy ? msg('Processing…') : action}</button>`}
          <button class="button secondary" type="button" @click=${() => this.cancel()}>${this.outcome?.kind === 'success' ? msg('Close') : msg('Cancel')}</button>
        </div>
      </form>
    `;
  }

  /** Cards are not taken in the account's currency: said before anyone types a card number. */
  private renderCardsNotTaken(summary: AccountSummaryData) {
    return html`<p class="alert info" role="note">${cardsNotTaken(summary.account.currency)}</p>
      <div class="actions"><button class="button secondary" type="button" @click=${() => this.cancel()}>${msg('Close')}</button></div>`;
  }

  /** The form's title: the guide's names for what it does. */
  private heading(summary: AccountSummaryData | undefined) {
    if (this.mode === 'pay') return msg('Make a payment');
    return summary?.paymentMethod.type === 'autopay' ? msg('Change card for automatic payment') : msg('Sign-up for automatic payment');
  }

  protected override render() {
    return html`
      <section class="panel" aria-labelledby="pay-heading" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.cancel()}>
        <h2 id="pay-heading">${this.heading(this.value)}</h2>
        ${this.renderData({ loading: msg('Loading your balance…'), complete: (summary) => (summary.cardPayments ? this.renderForm(summary) : this.renderCardsNotTaken(summary)) })}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-payment-form': BpPaymentForm;
  }
}
