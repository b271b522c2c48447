import type { Db } from './client.ts';

const caches = new WeakMap<object, Map<string, unknown>>();

/**
 * A statement prepared once per database and kept: for the small queries of a busy request
 * path, SQLite's prepare costs more than running the query. `key` names the statement.
 */
export function prepared<T>(db: Db, key: string, make: () => T): T {
  let cache = caches.get(db.$client);
  if (!cache) caches.set(db.$client, (cache = new Map()));
  let statement = cache.get(key) as T | undefined;
  if (statement === undefined) cache.set(key, (statement = make()));
  return statement;
}
