import type { InvoiceDetail, InvoiceLine, InvoiceSummary, TicketDraft } from '../api/types.ts';

// Fired by <bp-invoice-list>.

/** Fired when a row of the invoice list is opened to show the invoice's lines. */
export class BpInvoiceOpenEvent extends Event {
  static readonly eventName = 'bp-invoice-open';
  constructor(readonly detail: { invoice: InvoiceSummary }) {
    super(BpInvoiceOpenEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired once an invoice's PDF has been handed to the browser to save. */
export class BpInvoiceDownloadEvent extends Event {
  static readonly eventName = 'bp-invoice-download';
  constructor(readonly detail: { invoice: InvoiceSummary }) {
    super(BpInvoiceDownloadEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired by "Question about this charge" on an invoice line; `detail.draft` prefills a new ticket. */
export class BpChargeQuestionEvent extends Event {
  static readonly eventName = 'bp-charge-question';
  constructor(readonly detail: { invoice: InvoiceDetail; line: InvoiceLine; draft: TicketDraft }) {
    super(BpChargeQuestionEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'bp-invoice-open': BpInvoiceOpenEvent;
    'bp-invoice-download': BpInvoiceDownloadEvent;
    'bp-charge-question': BpChargeQuestionEvent;
  }
}
