import type { Db } from '../../db/client.ts';
import { resellersVersion } from './changes.ts';
import { allResellerOrigins } from './resellers.ts';

/**
 * How long the origins read from the reseller records are used before being read again. A
 * change made in this process is seen at once; one made by another (the CLI) within this.
 */
export const RESELLER_ORIGINS_TTL_MS = 5_000;

/** The sites that may call the API, load the kit and frame the card fields. */
export interface AllowedOrigins {
  has(origin: string): boolean;
}

/**
 * The portal's own origin and ALLOWED_ORIGINS (fixed), and the resellers' sites (from the
 * database, cached). A request costs a Set lookup: the table is read at most once per
 * RESELLER_ORIGINS_TTL_MS, and only when a request's origin is not a fixed one.
 */
export function createAllowedOrigins(db: Db, fixed: Iterable<string>, now: () => number = Date.now): AllowedOrigins {
  const always = new Set(fixed);
  let fromResellers = new Set<string>();
  let readAt = Number.NEGATIVE_INFINITY;
  let readVersion = -1;
  const resellerOrigins = () => {
    const t = now();
    if (readVersion !== resellersVersion() || t - readAt >= RESELLER_ORIGINS_TTL_MS || t < readAt) {
      readVersion = resellersVersion();
      fromResellers = new Set(allResellerOrigins(db));
      readAt = t;
    }
    return fromResellers;
  };
  return { has: (origin) => always.has(origin) || resellerOrigins().has(origin) };
}
