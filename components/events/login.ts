import type { User } from '../api/types.ts';

// Fired by <bp-login>.

/** Fired when a user signs in (by password, or from an activation or reset link). */
export class BpLoginEvent extends Event {
  static readonly eventName = 'bp-login';
  constructor(readonly detail: { user: User; token: string }) {
    super(BpLoginEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'bp-login': BpLoginEvent;
  }
}
