import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AccountStore, Change } from './account-store.ts';

/**
 * Tells its host of each change in the store it shows: the current session's store (a new one
 * after each sign-in), and only that one, while the host is on the page.
 */
export class StoreListener implements ReactiveController {
  private unsubscribe: (() => void) | null = null;
  private subscribedTo: AccountStore | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly store: () => AccountStore | null | undefined,
    private readonly changed: (change: Change) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow(this.store() ?? null);
  }

  hostDisconnected(): void {
    this.follow(null);
  }

  /** Before each render: the session (and so the store) may have changed. */
  hostUpdate(): void {
    if (this.host.isConnected) this.follow(this.store() ?? null);
  }

  private follow(store: AccountStore | null) {
    if (store === this.subscribedTo) return;
    this.unsubscribe?.();
    this.subscribedTo = store;
    this.unsubscribe = store ? store.subscribe((change) => this.changed(change)) : null;
  }
}
