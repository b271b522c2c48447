import { msg } from '@lit/localize';
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { call } from '../api/client.ts';
import type { AccountSummaryData } from '../api/types.ts';
import type { PortalContext } from '../context/portal-context.ts';
import { BpAutopayChangeEvent } from '../events/payment.ts';

/**
 * My Account's "Cancel autopay": the question asked in place of the buttons, then the request.
 * A module of its own, loaded when the customer presses Cancel autopay (as the payment form is
 * when opened): few do, and the summary loads without it.
 */
export class CancelAutopay {
  /** The request is under way. */
  private busy = false;
  /** Why the last request failed. */
  private error: string | null = null;

  /**
   * `host` is My Account; `closed` takes the question away, with what to announce when autopay
   * was cancelled, or null when the customer keeps it.
   */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly closed: (notice: string | null) => void,
  ) {}

  render(s: AccountSummaryData, portal: PortalContext) {
    return html`<div
      class="cycle actions confirm"
      role="group"
      aria-label=${msg('Cancel automatic payment')}
      tabindex="-1"
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && !this.busy && this.closed(null)}
    >
      <p>${msg('Stop paying automatically? Your bills will then be paid by hand, and the saved card is deleted.')}</p>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      <button class="button" type="button" ?disabled=${this.busy} @click=${() => void this.cancel(s.account.number, portal)}>
        ${this.busy ? msg('Cancelling…') : msg('Yes, cancel autopay')}
      </button>
      <button class="button secondary" type="button" @click=${() => this.closed(null)}>${msg('Keep autopay')}</button>
    </div>`;
  }

  private async cancel(number: string, { client, store }: PortalContext) {
    this.busy = true;
    this.error = null;
    this.host.requestUpdate();
    try {
      await store.write('autopay', number, () => call(client.api.v1.accounts[':number'].autopay.$delete({ param: { number } })));
      this.closed(msg('Automatic payment is off: your bills are paid by hand from now on.'));
      this.host.dispatchEvent(new BpAutopayChangeEvent({ autopay: null }));
    } catch (err) {
      this.busy = false;
      this.error = err instanceof Error ? err.message : String(err);
      this.host.requestUpdate();
    }
  }
}
