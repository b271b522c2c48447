import type { AccountSummary } from '../api/types.ts';

// Fired by the portal host (<bp-provider>, <bp-portal>); in the kit's host chunk.

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

declare global {
  interface HTMLElementEventMap {
    'bp-logout': BpLogoutEvent;
    'bp-account-change': BpAccountChangeEvent;
  }
}
