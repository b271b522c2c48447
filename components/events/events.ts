import type { AccountSummary, User } from '../api/types.ts';

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

declare global {
  interface HTMLElementEventMap {
    'bp-login': BpLoginEvent;
    'bp-logout': BpLogoutEvent;
    'bp-account-change': BpAccountChangeEvent;
  }
}
