import { and, count, eq, gt, inArray, lt, max } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { loginFailures } from '../db/schema.ts';

/**
 * When failures on one key slow sign-in down and when they lock it. Counted over a sliding
 * window: after `slowAfter` failures each attempt waits twice as long as the last, after
 * `lockAfter` the key is locked for `lockMinutes` from its latest failure.
 */
export interface ThrottlePolicy {
  windowMinutes: number;
  slowAfter: number;
  lockAfter: number;
  lockMinutes: number;
}

/** An email address is guessed at by few; one office's address is shared by many people. */
export const EMAIL_POLICY: ThrottlePolicy = { windowMinutes: 15, slowAfter: 5, lockAfter: 10, lockMinutes: 15 };
export const ADDRESS_POLICY: ThrottlePolicy = { windowMinutes: 15, slowAfter: 20, lockAfter: 50, lockMinutes: 15 };

export const throttleKeys = (email: string, ip: string | null) => ({
  email: `email:${email.toLowerCase()}`,
  address: ip ? `ip:${ip}` : null,
});

/** Seconds the caller must still wait for `key`, or 0 when it may try now. */
function waitSeconds(db: Db, key: string, policy: ThrottlePolicy, now: number): number {
  const since = now - policy.windowMinutes * 60_000;
  const [row] = db
    .select({ failures: count(), last: max(loginFailures.at) })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)))
    .all();
  const failures = row?.failures ?? 0;
  const last = row?.last ?? 0;
  if (failures < policy.slowAfter) return 0;
  const waitMs =
    failures >= policy.lockAfter ? policy.lockMinutes * 60_000 : 1000 * 2 ** (failures - policy.slowAfter);
  return Math.max(0, Math.ceil((last + waitMs - now) / 1000));
}

export function createLoginThrottle(db: Db, now: () => number) {
  return {
    /** Longest wait over the email and the client address; 0 means go ahead. */
    retryAfter(email: string, ip: string | null): number {
      const keys = throttleKeys(email, ip);
      const t = now();
      return Math.max(
        waitSeconds(db, keys.email, EMAIL_POLICY, t),
        keys.address ? waitSeconds(db, keys.address, ADDRESS_POLICY, t) : 0,
      );
    },

    recordFailure(email: string, ip: string | null) {
      const keys = throttleKeys(email, ip);
      const at = now();
      const rows = [{ key: keys.email, at }];
      if (keys.address) rows.push({ key: keys.address, at });
      db.insert(loginFailures).values(rows).run();
    },

    /** A correct password clears the account's count; the address keeps its own. */
    recordSuccess(email: string) {
      db.delete(loginFailures).where(eq(loginFailures.key, throttleKeys(email, null).email)).run();
    },

    /** Drops rows older than any window, so the table stays small. */
    prune() {
      const oldest = now() - Math.max(EMAIL_POLICY.windowMinutes, ADDRESS_POLICY.windowMinutes) * 60_000;
      db.delete(loginFailures).where(lt(loginFailures.at, oldest)).run();
    },

    clear(keys: string[]) {
      if (keys.length) db.delete(loginFailures).where(inArray(loginFailures.key, keys)).run();
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

/** "2 minutes", "45 seconds": how long to wait, in words. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
