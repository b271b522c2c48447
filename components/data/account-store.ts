import type { ApiClient } from '../api/client.ts';

/**
 * What a user can change from the page. A write names its kind, and every resource names the
 * kinds that change it: that is how a write reaches every widget showing what it changed.
 * `'ticket'`: a new ticket, a reply or note, a status or assignee set, and opening a ticket
 * (which reads its replies: the unread marks and counts change).
 */
export type Write = 'payment' | 'autopay' | 'ticket';

/**
 * One kind of account data the widgets show: how to load it, and which writes change it.
 * A new resource is one more of these in resources.ts or the module of its family beside it.
 */
export interface Resource<T, Q = void> {
  /** Names it in keys and in changes: `summary`, `invoices`. */
  readonly name: string;
  /** The writes after which it must be loaded again. */
  readonly invalidatedBy: readonly Write[];
  /**
   * Not one account's but the provider's (the staff's ticket queue): read with the number `''`,
   * and changed by a write of its kinds on any account.
   */
  readonly acrossAccounts?: boolean;
  /**
   * Loading it is a write of this kind (the server marks a ticket read when it is opened): every
   * load goes through `write`. Such a resource must not be invalidated by that kind itself.
   */
  readonly loadWrites?: Write;
  /** What tells two queries apart (filters, page, id); leave out when it has no query. */
  queryKey?(query: Q): string;
  load(client: ApiClient, number: string, query: Q, signal: AbortSignal): Promise<T>;
}

/** Which resource of which account a widget read. */
export interface ReadKey {
  resource: Resource<unknown, never>;
  number: string;
}

/** What a change touched: a widget reloads when it read any of it. */
export interface Change {
  affects(key: ReadKey): boolean;
}

export type ChangeListener = (change: Change) => void;

/**
 * One resource of one account and query, named so a write can say its reply is the new state
 * of it (a ticket after a reply to it): the reply is kept there instead of being read again.
 */
export interface Slot<T> {
  readonly key: string;
  readonly resource: Resource<T, never>;
  readonly number: string;
}

export function slotOf<T, Q>(resource: Resource<T, Q>, number: string, query: Q): Slot<T> {
  return { key: `${resource.name} ${number} ${resource.queryKey?.(query) ?? ''}`, resource: resource as Resource<T, never>, number };
}

/** What a widget reads through: the store, or the store noting what the widget shows. */
export interface StoreReader {
  read<T, Q>(resource: Resource<T, Q>, number: string, query: Q, signal?: AbortSignal): Promise<T>;
}

interface Entry extends ReadKey {
  promise: Promise<unknown>;
  controller: AbortController;
  /** Readers still waiting: when the last one gives up, the request is aborted. */
  waiting: number;
  settled: boolean;
}

const abortError = () => new DOMException('The read was aborted.', 'AbortError');

/**
 * The account data of one signed-in session, shared by every widget of a `<bp-portal>` or a
 * `<bp-provider>`: one request per resource however many widgets show it, kept until a write
 * changes it. A write drops what it changed and tells the widgets, which read again (the first
 * to ask loads, the others wait for the same answer). No widget keeps a copy of its own.
 */
export class AccountStore implements StoreReader {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<ChangeListener>();

  constructor(
    private readonly client: ApiClient,
    /** The head office of an account, when the page knows it: its lists hold the account's rows too. */
    private readonly headOfficeOf: (number: string) => string | null = () => null,
  ) {}

  /** The resource of an account: from what is kept, from the load under way, or loaded now. */
  read<T, Q>(resource: Resource<T, Q>, number: string, query: Q, signal?: AbortSignal): Promise<T> {
    const { key } = slotOf(resource, number, query);
    let entry = this.entries.get(key);
    if (!entry) {
      const controller = new AbortController();
      const created: Entry = { resource, number, controller, waiting: 0, settled: false, promise: Promise.resolve() };
      const load = () => resource.load(this.client, number, query, controller.signal);
      created.promise = (resource.loadWrites ? this.write(resource.loadWrites, number, load) : load()).then(
        (value) => ((created.settled = true), value),
        (err: unknown) => {
          created.settled = true;
          // A failure is not kept: "Try again" asks the server again.
          if (this.entries.get(key) === created) this.entries.delete(key);
          throw err;
        },
      );
      this.entries.set(key, created);
      entry = created;
    }
    return this.wait(entry, key, signal) as Promise<T>;
  }

  /**
   * Reads it again unless a load is under way (that one is fresh): the payment form offers
   * only amounts it has just read. The widgets showing it get the new answer too.
   */
  reread<T, Q>(resource: Resource<T, Q>, number: string): void {
    const affects = (k: ReadKey) => k.resource === resource && k.number === number;
    const stale = [...this.entries].filter(([, e]) => affects(e) && e.settled);
    if (!stale.length) return;
    for (const [key] of stale) this.entries.delete(key);
    this.notify({ affects });
  }

  /**
   * Runs a write, then drops what it may have changed (even when it failed: a declined
   * payment is in the history too) for the account, its head office and across accounts, and
   * tells the widgets. `number` `''`: the account is not known (staff open a ticket by its
   * number), so every account's. `replyIs` names what the reply is the new state of (a ticket
   * after a reply to it): it is kept as read, and the widgets showing it get it without a request.
   */
  async write<R>(kind: Write, number: string, send: () => Promise<R>, replyIs?: (reply: R) => Slot<R>): Promise<R> {
    let kept: { slot: Slot<R>; reply: R } | null = null;
    try {
      const reply = await send();
      if (replyIs) kept = { slot: replyIs(reply), reply };
      return reply;
    } finally {
      const accounts = new Set([number, this.headOfficeOf(number)].filter((n): n is string => Boolean(n)));
      const reaches = (k: ReadKey) => number === '' || k.resource.acrossAccounts || accounts.has(k.number);
      const changed = (k: ReadKey) => reaches(k) && k.resource.invalidatedBy.includes(kind);
      for (const [key, e] of this.entries) if (changed(e)) this.entries.delete(key);
      if (kept) this.keep(kept.slot, kept.reply);
      const slot = kept?.slot;
      this.notify({ affects: slot ? (k) => changed(k) || (k.resource === slot.resource && k.number === slot.number) : changed });
    }
  }

  /** Keeps a value as the answer to reading its slot (a load under way for it is no longer waited for). */
  private keep<T>(slot: Slot<T>, value: T) {
    this.entries.set(slot.key, { resource: slot.resource, number: slot.number, controller: new AbortController(), waiting: 0, settled: true, promise: Promise.resolve(value) });
  }

  /** Forgets everything, and every widget reads what it shows again (`bp-provider.refresh()`). */
  reloadAll(): void {
    this.entries.clear();
    this.notify({ affects: () => true });
  }

  /** Calls `listener` after each change; returns the way to stop. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private wait(entry: Entry, key: string, signal?: AbortSignal): Promise<unknown> {
    if (!signal) return entry.promise;
    if (signal.aborted) return Promise.reject(abortError());
    entry.waiting++;
    return new Promise((resolve, reject) => {
      const giveUp = () => {
        reject(abortError());
        if (--entry.waiting > 0 || entry.settled) return;
        // Nobody wants it any more (the filter changed again, the widget left): stop the request.
        entry.controller.abort();
        if (this.entries.get(key) === entry) this.entries.delete(key);
      };
      signal.addEventListener('abort', giveUp, { once: true });
      entry.promise.then(
        (value) => (signal.removeEventListener('abort', giveUp), entry.waiting--, resolve(value)),
        (err: unknown) => (signal.removeEventListener('abort', giveUp), entry.waiting--, reject(err)),
      );
    });
  }

  /** After the current task: a widget told of a change may read at once, and must not re-enter. */
  private notify(change: Change) {
    queueMicrotask(() => {
      for (const listener of [...this.listeners]) listener(change);
    });
  }
}
