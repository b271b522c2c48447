import { timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/client.ts';
import { prepared } from '../db/prepared.ts';
import { resellers, type Reseller } from '../db/schema.ts';
import type { AppEnv } from '../http/context.ts';
import { DomainError } from '../services/errors.ts';
import { generateSecret, hashSecret } from './crypto.ts';

/** What handlers behind the reseller key find on the context: the reseller whose key it is. */
export interface ResellerEnv {
  Variables: AppEnv['Variables'] & { reseller: Reseller };
}

/**
 * A reseller's API key: `bpr_<reseller id>_<256 random bits>`. The id finds the row; the whole
 * key's SHA-256 is compared with the stored one in constant time. The key itself is never stored.
 */
const KEY_PATTERN = /^bpr_(\d{1,12})_[A-Za-z0-9_-]{43}$/;

/** A new key for a reseller, and the hash to store in its place. */
export function newResellerKey(resellerId: number): { key: string; keyHash: string } {
  const key = `bpr_${resellerId}_${generateSecret()}`;
  return { key, keyHash: hashSecret(key) };
}

/** The reseller whose current key this is, or null (unknown, malformed, or replaced by a newer key). */
export function resellerByKey(db: Db, key: string): Reseller | null {
  const id = KEY_PATTERN.exec(key)?.[1];
  if (!id) return null;
  const byId = prepared(db, 'resellers.byId', () => db.select().from(resellers).where(eq(resellers.id, sql.placeholder('id'))).prepare());
  const row = byId.get({ id: Number(id) }) ?? null;
  // A row still costs a comparison, so an unknown id and a wrong secret answer alike.
  const expected = Buffer.from(row?.keyHash ?? hashSecret('no such reseller'));
  return timingSafeEqual(Buffer.from(hashSecret(key)), expected) && row ? row : null;
}

/** Route middleware of the reseller API: `Authorization: Bearer <reseller key>`, else 401 before any input is read. */
export const resellerKey: MiddlewareHandler<ResellerEnv> = async (c, next) => {
  const given = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
  const reseller = resellerByKey(c.var.deps.db, given);
  if (!reseller) throw new DomainError('UNAUTHENTICATED', 'This API needs a valid reseller API key.');
  c.set('reseller', reseller);
  await next();
};
