import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { oneTimeTokens } from '../db/schema.ts';
import { generateSecret, hashSecret } from './crypto.ts';

export type LinkPurpose = 'activate' | 'reset';

/** Issues a single-use secret for a link; only its hash is stored. */
export function issueOneTimeToken(db: Db, userId: string, purpose: LinkPurpose, ttlMs: number, now: number): string {
  const secret = generateSecret();
  db.insert(oneTimeTokens)
    .values({ userId, purpose, tokenHash: hashSecret(secret), expiresAt: now + ttlMs, createdAt: now })
    .run();
  return secret;
}

/**
 * Marks the token used and returns its user, or null when it is unknown, expired, already
 * used, or meant for another purpose. One UPDATE decides, so two racing requests cannot both win.
 */
export function consumeOneTimeToken(db: Db, purpose: LinkPurpose, secret: string, now: number): string | null {
  const row = db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(oneTimeTokens.tokenHash, hashSecret(secret)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, now),
      ),
    )
    .returning({ userId: oneTimeTokens.userId })
    .get();
  return row?.userId ?? null;
}

/** Voids a user's other unused links of a purpose (after a password is set, older links must not work). */
export function voidOneTimeTokens(db: Db, userId: string, purpose: LinkPurpose, now: number): void {
  db.update(oneTimeTokens)
    .set({ usedAt: now })
    .where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt)))
    .run();
}

/** How many links of a purpose a user was sent since `since` (to cap reset mails). */
export function countIssuedSince(db: Db, userId: string, purpose: LinkPurpose, since: number): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(oneTimeTokens)
    .where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose), gt(oneTimeTokens.createdAt, since)))
    .get();
  return row?.n ?? 0;
}
