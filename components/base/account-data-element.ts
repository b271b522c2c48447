import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { portalContext, type PortalContext } from '../context/portal-context.ts';
import type { AccountStore, Change, ReadKey, StoreReader } from '../data/account-store.ts';
import { controlStyles } from '../styles/controls.ts';
import { hostStyles } from '../styles/tokens.ts';
import { widgetStyles } from '../styles/widget.ts';
import { loadingView, renderStates, stateStyles, type StateViews } from './task-states.ts';

/**
 * Base of the widgets that show one account's data: takes the store and the current account
 * from context (or `account-number`), reads with @lit/task (aborting when the account changes),
 * and reads again whenever a write or a refresh changes what it read. Or it shows `data` set
 * directly (stories, tests, hosts that fetch themselves).
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

  /** Reads the data of an account from the store (each read is noted: a change to it reads again). */
  protected abstract read(store: StoreReader, number: string, signal: AbortSignal): Promise<T>;

  /** What else the data depends on (filters, page): reads again, aborting the last, when it changes. */
  protected get query(): string {
    return '';
  }

  /** What the last read asked the store for. */
  private reads: ReadKey[] = [];
  /** The account and query the task's value belongs to. */
  private valueFor = '';
  private unsubscribe: (() => void) | null = null;
  private subscribedTo: AccountStore | null = null;

  protected task = new Task(this, {
    task: async ([store, number, data, query], { signal }) => {
      if (data !== undefined || !store || !number) return undefined;
      const reads: ReadKey[] = (this.reads = []);
      const noting: StoreReader = {
        read: (resource, n, q, s) => (reads.push({ resource: resource as ReadKey['resource'], number: n }), store.read(resource, n, q, s)),
      };
      const value = await this.read(noting, number, signal);
      this.valueFor = `${number}|${query}`;
      return value;
    },
    args: () => [this.portal?.store, this.number, this.data, this.query] as const,
  });

  /**
   * What to show: the data handed in, or the last value read for this account and query, also
   * while it is being read again (so a reload does not blank the widget or close a form in it).
   */
  protected get value(): T | undefined {
    if (this.data !== undefined) return this.data;
    return this.task.value !== undefined && this.valueFor === `${this.number}|${this.query}` ? this.task.value : undefined;
  }

  /** The value shown is being read again after a change. */
  protected get reloading(): boolean {
    return this.data === undefined && this.task.status === TaskStatus.PENDING && this.value !== undefined;
  }

  /** A change in the store: reads again when it touched what this widget shows. */
  protected storeChanged(change: Change): void {
    if (this.data === undefined && this.reads.some((key) => change.affects(key))) void this.task.run();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.follow(this.portal?.store ?? null);
  }

  override disconnectedCallback(): void {
    this.follow(null);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.isConnected) this.follow(this.portal?.store ?? null);
  }

  /** Listens to the store of the current session (a new one after each sign-in), and only to it. */
  private follow(store: AccountStore | null) {
    if (store === this.subscribedTo) return;
    this.unsubscribe?.();
    this.subscribedTo = store;
    this.unsubscribe = store ? store.subscribe((change) => this.storeChanged(change)) : null;
  }

  /** The states of the data (loading, error, empty, loaded); loading while the session is checked. */
  protected renderData(views: StateViews<T>) {
    const value = this.value;
    if (value === undefined && this.portal?.status === 'checking') return loadingView(views.loading);
    const initial = this.portal?.status === 'signed-out' ? 'Sign in to see your account.' : '';
    return renderStates(this.task, value, { initial, ...views });
  }
}
