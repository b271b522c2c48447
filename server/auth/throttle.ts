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

/** A password check under way: counted as a failure until `succeeded` takes it back. */
export interface PasswordAttempt {
  /** Seconds the caller must wait first; when above 0 nothing was counted and the password must not be checked. */
  wait: number;
  /** Its rows in login_failures. */
  rowIds: number[];
}

export function createLoginThrottle(db: Db, now: () => number) {
  /** Longest wait over the email and the client address; 0 means go ahead. */
  const retryAfter = (email: string, ip: string | null): number => {
    const keys = throttleKeys(email, ip);
    const t = now();
    return Math.max(waitSeconds(db, keys.email, EMAIL_POLICY, t), keys.address ? waitSeconds(db, keys.address, ADDRESS_POLICY, t) : 0);
  };

  return {
    /**
     * Starts a password check for an email from an address. It is counted as a failure at once,
     * before the slow hash, so guesses sent all at once each see the ones before them; one that
     * must wait is not counted. One transaction: no other process counts in between.
     */
    begin(email: string, ip: string | null): PasswordAttempt {
      return db.transaction(
        () => {
          const wait = retryAfter(email, ip);
          if (wait > 0) return { wait, rowIds: [] };
          const keys = throttleKeys(email, ip);
          const at = now();
          const rows = [{ key: keys.email, at }];
          if (keys.address) rows.push({ key: keys.address, at });
          const rowIds = db.insert(loginFailures).values(rows).returning({ id: loginFailures.id }).all().map((r) => r.id);
          return { wait: 0, rowIds };
        },
        { behavior: 'immediate' },
      );
    },

    /** The password was right: the attempt was no failure, and the account's count starts again (the address keeps its own). */
    succeeded(email: string, attempt: PasswordAttempt) {
      if (attempt.rowIds.length) db.delete(loginFailures).where(inArray(loginFailures.id, attempt.rowIds)).run();
      this.recordSuccess(email);
    },

    /** A correct password (or a password set from a mailed link) clears the account's count. */
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
