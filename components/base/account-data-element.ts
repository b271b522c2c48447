import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.ts';
import { portalContext, type PortalContext } from '../context/portal-context.ts';
import { controlStyles } from '../styles/controls.ts';
import { hostStyles } from '../styles/tokens.ts';
import { widgetStyles } from '../styles/widget.ts';
import { loadingView, renderStates, stateStyles, type StateViews } from './task-states.ts';

/**
 * Base of the widgets that show one account's data: takes the client and the current account
 * from context (or `account-number`), loads with @lit/task (aborting when the account changes),
 * or shows `data` set directly (stories, tests, hosts that fetch themselves).
 */
export abstract class AccountDataElement<T> extends LitElement {
  static override styles = [hostStyles, controlStyles, stateStyles, widgetStyles];

  /** The account to show; default: the portal's current account. */
  @property({ attribute: 'account-number' }) accountNumber = '';
  /** The data to show, skipping the load. */
  @property({ attribute: false }) data: T | undefined = undefined;
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';

  @consume({ context: portalContext, subscribe: true })
  @state()
  protected portal?: PortalContext;

  protected get number(): string {
    return this.accountNumber || this.portal?.currentAccount || '';
  }

  /** The states of the data (loading, error, empty, loaded); loading while the session is checked. */
  protected renderData(views: StateViews<T>) {
    if (this.data === undefined && this.portal?.status === 'checking') return loadingView(views.loading);
    return renderStates(this.task, this.data, views);
  }

  /** Fetches the data for an account. */
  protected abstract load(client: ApiClient, number: string, signal: AbortSignal): Promise<T>;

  /** What else the data depends on (filters, page): loads again, aborting the last, when it changes. */
  protected get query(): string {
    return '';
  }

  protected task = new Task(this, {
    task: async ([client, number, data], { signal }) => {
      if (data !== undefined || !client || !number) return undefined;
      return this.load(client, number, signal);
    },
    args: () => [this.portal?.client, this.number, this.data, this.query] as const,
  });
}
