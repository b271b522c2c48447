import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users, type User } from '../db/schema.ts';
import { audit } from '../services/audit.ts';
import { DomainError } from '../services/errors.ts';
import { consumeOneTimeToken, issueOneTimeToken } from './one-time-tokens.ts';
import type { ClientMeta, SignedIn } from './service.ts';

/** A portal session's token is good for this long, once: the reseller's page uses it as it loads. */
export const PORTAL_SESSION_TTL_MS = 2 * 60_000;

export const PORTAL_SESSION_REFUSED = 'This sign-in has expired or was already used. Reload the page to sign in again.';

/** Who a reseller signs in, to which account, on whose key. */
export interface PortalSessionGrant {
  userId: string;
  accountId: number;
  resellerId: number;
}

export interface PortalSessionDeps {
  db: Db;
  now: () => number;
  /** Starts a session for the user (the auth service's, as for a password sign-in). */
  signIn: (user: User, meta: ClientMeta) => Promise<SignedIn>;
}

/**
 * Reseller sign-in: the reseller's server is given a single-use token for its customer (stored
 * hashed, like mailed links), its page hands it to the element, and the element exchanges it for
 * an ordinary session bearer token held in memory — no cookie, so no third-party cookie either.
 */
export function createPortalSessions({ db, now, signIn }: PortalSessionDeps) {
  const at = () => new Date(now());
  return {
    issue(grant: PortalSessionGrant, meta: ClientMeta): { token: string; expiresAt: Date } {
      const token = issueOneTimeToken(db, grant.userId, 'portal_session', PORTAL_SESSION_TTL_MS, now(), { accountId: grant.accountId, resellerId: grant.resellerId });
      audit(db, { action: 'portal_session.issued', actorUserId: grant.userId, accountId: grant.accountId, ip: meta.ip, detail: { resellerId: grant.resellerId } }, at());
      return { token, expiresAt: new Date(now() + PORTAL_SESSION_TTL_MS) };
    },

    /** The session for a token, once; a token used before, expired or unknown is a 401. */
    async exchange(token: string, meta: ClientMeta): Promise<SignedIn & { accountId: number | null; resellerId: number | null }> {
      const claim = consumeOneTimeToken(db, 'portal_session', token, now());
      const user = claim ? db.select().from(users).where(eq(users.id, claim.userId)).get() : undefined;
      if (!claim || !user) {
        audit(db, { action: 'portal_session.refused', ip: meta.ip }, at());
        throw new DomainError('UNAUTHENTICATED', PORTAL_SESSION_REFUSED);
      }
      const signedIn = await signIn(user, meta);
      audit(db, { action: 'portal_session.exchanged', actorUserId: user.id, accountId: claim.accountId, ip: meta.ip, detail: { resellerId: claim.resellerId } }, at());
      return { ...signedIn, accountId: claim.accountId ?? null, resellerId: claim.resellerId ?? null };
    },
  };
}

export type PortalSessions = ReturnType<typeof createPortalSessions>;
