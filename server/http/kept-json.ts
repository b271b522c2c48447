import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';

type JsonReply<T> = Response & TypedResponse<JSONParsed<T>, 200, 'json'>;

const bodies = new WeakMap<object, string>();

/**
 * A 200 JSON reply of a value the read cache keeps (server/db/read-cache.ts): serialized once and
 * sent again as long as the cache hands out the same object, instead of on every request. Typed
 * as `c.json` is, so the typed client sees the same reply. The value must not change once sent
 * (the read cache's rule for what it keeps already).
 */
export function keptJson<T extends object>(c: Context, value: T): JsonReply<T> {
  let body = bodies.get(value);
  if (body === undefined) bodies.set(value, (body = JSON.stringify(value)));
  return c.body(body, 200, { 'Content-Type': 'application/json' }) as Response as JsonReply<T>;
}
