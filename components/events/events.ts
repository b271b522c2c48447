import type { AccountSummary, AutopayMethod, InvoiceDetail, InvoiceLine, InvoiceSummary, Payment, TicketDetail, TicketDraft, User } from '../api/types.ts';

/** Fired when a user signs in (by password, or from an activation or reset link). */
export class BpLoginEvent extends Event {
  static readonly eventName = 'bp-login';
  constructor(readonly detail: { user: User; token: string }) {
    super(BpLoginEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired after the user signed out. */
export class BpLogoutEvent extends Event {
  static readonly eventName = 'bp-logout';
  constructor() {
    super(BpLogoutEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when the account the portal shows changes (switcher, sub-account list, staff lookup). */
export class BpAccountChangeEvent extends Event {
  static readonly eventName = 'bp-account-change';
  constructor(readonly detail: { number: string; account?: AccountSummary }) {
    super(BpAccountChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

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

/** Fired when a card payment went through (approved, or taken and being confirmed). */
export class BpPaymentSuccessEvent extends Event {
  static readonly eventName = 'bp-payment-success';
  constructor(readonly detail: { payment: Payment }) {
    super(BpPaymentSuccessEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when the card for automatic payment was saved, changed (`detail.autopay`) or cancelled (null). */
export class BpAutopayChangeEvent extends Event {
  static readonly eventName = 'bp-autopay-change';
  constructor(readonly detail: { autopay: AutopayMethod | null }) {
    super(BpAutopayChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when the user closes the payment form without paying. */
export class BpPaymentCancelEvent extends Event {
  static readonly eventName = 'bp-payment-cancel';
  constructor() {
    super(BpPaymentCancelEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when a ticket was created; `detail.ticket` is the new ticket. */
export class BpTicketCreatedEvent extends Event {
  static readonly eventName = 'bp-ticket-created';
  constructor(readonly detail: { ticket: TicketDetail }) {
    super(BpTicketCreatedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when a ticket was opened and read (its unread mark is gone). */
export class BpTicketOpenEvent extends Event {
  static readonly eventName = 'bp-ticket-open';
  constructor(readonly detail: { ticket: TicketDetail }) {
    super(BpTicketOpenEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when a ticket changed: a reply or note was sent, its status or assignee set. */
export class BpTicketUpdatedEvent extends Event {
  static readonly eventName = 'bp-ticket-updated';
  constructor(readonly detail: { ticket: TicketDetail }) {
    super(BpTicketUpdatedEvent.eventName, { bubbles: true, composed: true });
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
    'bp-ticket-created': BpTicketCreatedEvent;
    'bp-ticket-open': BpTicketOpenEvent;
    'bp-ticket-updated': BpTicketUpdatedEvent;
    'bp-charge-question': BpChargeQuestionEvent;
    'bp-payment-success': BpPaymentSuccessEvent;
    'bp-payment-cancel': BpPaymentCancelEvent;
    'bp-autopay-change': BpAutopayChangeEvent;
    'bp-invoice-open': BpInvoiceOpenEvent;
    'bp-invoice-download': BpInvoiceDownloadEvent;
    'bp-login': BpLoginEvent;
    'bp-logout': BpLogoutEvent;
    'bp-account-change': BpAccountChangeEvent;
  }
}
