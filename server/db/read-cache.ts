import type { Db } from './client.ts';
import { prepared } from './prepared.ts';

/**
 * Answers read from SQLite, kept while the database stays as it was when they were read, for the
 * reads every request makes (its session, the account it names, My Account's money). Each of
 * those is a handful of statements, and in WAL mode each statement takes and drops a read lock
 * on the file: ~3 µs apiece before any row is read.
 *
 * "As it was" is checked, not assumed, with two numbers SQLite keeps:
 * - `PRAGMA data_version` changes when another connection commits: the CLI's billing run,
 *   import or autopay writing the same file from another process, or a second connection here.
 *   Asking takes the read lock too, so it is asked once per request (`newRequest`, called by
 *   the session middleware before any read) and then kept for what runs in the same turn of the
 *   event loop: a request's reads see the database as it was when the request began, as in one
 *   read transaction, and the next request asks again.
 * - `total_changes()` counts the rows this connection has inserted, updated or deleted, so it
 *   moves on every write of the server itself (a payment, a session's slide, a sign-out). It is
 *   asked on every use (it takes no lock: ~0.1 µs, where data_version costs ~4).
 * An answer is served again only when both are what they were before it was read (taken before
 * the read: a write landing during it makes the answer look old, never new). Inside an open
 * transaction nothing is cached or served from the cache: what it wrote may yet be rolled back,
 * which leaves total_changes() as it is.
 *
 * Whatever depends on the clock (today's date, the month) belongs in the key or is computed
 * after the cache, by the caller. Cached values are shared by all requests: callers must not
 * change them. `undefined` (nothing found) is never kept.
 */
export function readCache<V>(options: { maxEntries: number }) {
  const byConnection = new WeakMap<object, Map<string, { dataVersion: number; changes: number; value: V }>>();
  return <R extends V | undefined>(db: Db, key: string, read: () => R): R => {
    if (db.$client.inTransaction) return read();
    const { dataVersion, changes } = versionOf(db);
    let entries = byConnection.get(db.$client);
    if (!entries) byConnection.set(db.$client, (entries = new Map()));
    const entry = entries.get(key);
    if (entry && entry.dataVersion === dataVersion && entry.changes === changes) return entry.value as R;
    const value = read();
    // Nothing found is not kept: unknown keys (a stranger's made-up tokens) would only crowd out real ones.
    if (value === undefined) return value;
    // A crude bound (sessions and accounts in use are far fewer): start over when it is reached.
    if (entries.size >= options.maxEntries && !entry) entries.clear();
    entries.set(key, { dataVersion, changes, value: value as V });
    return value;
  };
}

/** Per connection: its data_version as asked last in this turn of the event loop, if it was. */
const askedDataVersion = new WeakMap<object, number | undefined>();

/** A request begins: the next cached read asks SQLite whether another connection committed since. */
export function newRequest(db: Db): void {
  askedDataVersion.set(db.$client, undefined);
}

/** Where the database is: another connection's commits, this connection's writes. */
function versionOf(db: Db): { dataVersion: number; changes: number } {
  let dataVersion = askedDataVersion.get(db.$client);
  if (dataVersion === undefined) {
    dataVersion = prepared(db, 'readCache.dataVersion', () => db.$client.prepare('pragma data_version').pluck()).get() as number;
    askedDataVersion.set(db.$client, dataVersion);
    // Whatever runs later (a timer, the next request without newRequest) asks again.
    setImmediate(() => askedDataVersion.set(db.$client, undefined));
  }
  const changes = prepared(db, 'readCache.totalChanges', () => db.$client.prepare('select total_changes()').pluck());
  return { dataVersion, changes: changes.get() as number };
}
