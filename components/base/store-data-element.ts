import { Task, TaskStatus } from '@lit/task';
import { html, LitElement, type PropertyDeclarations } from 'lit';
import { consumePortal, type PortalContext } from '../context/portal-context.ts';
import type { Change, ReadKey, StoreReader } from '../data/account-store.ts';
import { StoreListener } from '../data/store-listener.ts';
import { LocaleController } from '../i18n/localize.ts';
import { msg } from '@lit/localize';
import { controlStyles } from '../styles/controls.ts';
import { hostStyles } from '../styles/tokens.ts';
import { widgetStyles } from '../styles/widget.ts';
import { loadingView, renderStates, stateStyles, type StateViews } from './task-states.ts';

/**
 * Base of the widgets that show data read through the portal's store: takes the store from
 * context, reads with @lit/task (aborting when what it shows changes), and reads again whenever
 * a write or a refresh changes what it read. Or it shows `data` set directly (stories, tests,
 * hosts that fetch themselves). `AccountDataElement` is this for one account's data.
 */
export abstract class StoreDataElement<T> extends LitElement {
  static override properties: PropertyDeclarations = {
    data: { attribute: false },
    theme: { reflect: true },
    portal: { state: true },
  };

  static override styles = [hostStyles, controlStyles, stateStyles, widgetStyles];

  /** The data to show, skipping the load. */
  data: T | undefined = undefined;
  /** `light` (default), `dark`, or `auto` to follow the system setting. */
  theme: 'light' | 'dark' | 'auto' = 'light';

  protected portal?: PortalContext;
  private readonly portalConsumer = consumePortal(this, (portal) => (this.portal = portal));

  /**
   * Reads the data from the store (each read is noted: a change to it reads again), or
   * `undefined` when there is nothing to read yet (no account chosen).
   */
  protected abstract readData(store: StoreReader, signal: AbortSignal): Promise<T> | undefined;

  /** What the data depends on (the account, filters, page): reads again, aborting the last, when it changes. */
  protected abstract get source(): string;

  /** What the last read asked the store for. */
  private reads: ReadKey[] = [];
  /** The source the task's value belongs to. */
  private valueFor = '';

  protected task = new Task(this, {
    task: async ([store, data, source], { signal }) => {
      if (data !== undefined || !store) return undefined;
      const reads: ReadKey[] = (this.reads = []);
      const noting: StoreReader = {
        read: (resource, n, q, s) => (reads.push({ resource: resource as ReadKey['resource'], number: n }), store.read(resource, n, q, s)),
      };
      const reading = this.readData(noting, signal);
      if (!reading) return undefined;
      const value = await reading;
      this.valueFor = source;
      return value;
    },
    args: () => [this.portal?.store, this.data, this.source] as const,
  });

  constructor() {
    super();
    new StoreListener(this, () => this.portal?.store, (change) => this.storeChanged(change));
    new LocaleController(this);
  }

  /**
   * What to show: the data handed in, or the last value read for what it shows now, also while
   * it is being read again (so a reload does not blank the widget or close a form in it).
   */
  protected get value(): T | undefined {
    if (this.data !== undefined) return this.data;
    return this.task.value !== undefined && this.valueFor === this.source ? this.task.value : undefined;
  }

  /** The value shown is being read again after a change. */
  protected get reloading(): boolean {
    return this.data === undefined && this.task.status === TaskStatus.PENDING && this.value !== undefined;
  }

  /** A change in the store: reads again when it touched what this widget shows. */
  protected storeChanged(change: Change): void {
    if (this.data === undefined && this.reads.some((key) => change.affects(key))) void this.task.run();
  }

  /** What the element's live region says: "loading…", then "loaded" (errors are alerts of their own). */
  private loadAnnounced = '';

  /**
   * The states of the data (loading, error, empty, loaded); loading while the session is
   * checked. A live region that stays in place says "loading…" and then "loaded", so screen
   * readers hear both; a reload behind data already shown says nothing.
   */
  protected renderData(views: StateViews<T>) {
    const value = this.value;
    const checking = value === undefined && this.portal?.status === 'checking';
    if (value === undefined && (checking || this.task.status === TaskStatus.PENDING)) this.loadAnnounced = views.loading;
    else if (this.loadAnnounced === views.loading) this.loadAnnounced = value !== undefined ? (views.loaded ?? msg('Loaded.')) : '';
    const initial = this.portal?.status === 'signed-out' ? msg('Sign in to see your account.') : '';
    return html`<p class="visually-hidden" role="status" aria-live="polite">${this.loadAnnounced}</p>${checking ? loadingView(views.loading, false) : renderStates(this.task, value, { initial, ...views }, false)}`;
  }
}
