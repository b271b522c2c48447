import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { oneTimeTokens } from '../db/schema.ts';
import { generateSecret, hashSecret } from './crypto.ts';

export type LinkPurpose = 'activate' | 'reset';
/** Links in mails, and portal sessions a reseller asks for its customer. */
export type TokenPurpose = LinkPurpose | 'portal_session';

/** What a portal session's token was issued for, besides its user. */
export interface TokenScope {
  accountId?: number | null;
  resellerId?: number | null;
}

/** What a consumed token was for. */
export interface TokenClaim extends TokenScope {
  userId: string;
}

/** Issues a single-use secret for a link or a portal session; only its hash is stored. */
export function issueOneTimeToken(db: Db, userId: string, purpose: TokenPurpose, ttlMs: number, now: number, scope: TokenScope = {}): string {
  const secret = generateSecret();
  db.insert(oneTimeTokens)
    .values({ userId, purpose, tokenHash: hashSecret(secret), expiresAt: now + ttlMs, createdAt: now, accountId: scope.accountId ?? null, resellerId: scope.resellerId ?? null })
    .run();
  return secret;
}

/**
 * Marks the token used and returns what it was for, or null when it is unknown, expired, already
 * used, or meant for another purpose. One UPDATE decides, so two racing requests cannot both win.
 */
export function consumeOneTimeToken(db: Db, purpose: TokenPurpose, secret: string, now: number): TokenClaim | null {
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
    .returning({ userId: oneTimeTokens.userId, accountId: oneTimeTokens.accountId, resellerId: oneTimeTokens.resellerId })
    .get();
  return row ?? null;
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
