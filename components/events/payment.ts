import type { AutopayMethod, Payment } from '../api/types.ts';

// Fired by the payment form and by My Account's Cancel autopay (both loaded on demand by My
// Account): a chunk of their own, which My Account does not load until then.

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

declare global {
  interface HTMLElementEventMap {
    'bp-payment-success': BpPaymentSuccessEvent;
    'bp-autopay-change': BpAutopayChangeEvent;
    'bp-payment-cancel': BpPaymentCancelEvent;
  }
}
