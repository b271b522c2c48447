import { eq } from 'drizzle-orm';
import type { ClientMeta } from '../../auth/service.ts';
import type { PortalSessionGrant } from '../../auth/portal-sessions.ts';
import type { SessionUser } from '../../auth/sessions.ts';
import type { Db } from '../../db/client.ts';
import { accounts, users, type Reseller } from '../../db/schema.ts';
import { findReachableAccount } from '../accounts.ts';
import { audit } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import { resellerIdOfAccount } from './resellers.ts';

/**
 * Whom a reseller may sign in: a customer (never staff) who reaches the account — a user of it
 * or of its head office — on an account the reseller sells to (its own or a sub-account of one).
 * Every refusal is the same 404 as for an account that does not exist, so a key learns nothing
 * of other accounts or of who uses them; the audit log says which it was.
 */
export function portalSessionGrant(db: Db, reseller: Reseller, accountNumber: string, email: string, meta: ClientMeta, now: Date): PortalSessionGrant {
  const account = db.select().from(accounts).where(eq(accounts.number, accountNumber.toUpperCase())).get();
  const sold = account !== undefined && resellerIdOfAccount(db, account.id) === reseller.id;
  const user = sold ? db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get() : undefined;
  const reaches = account !== undefined && user?.role === 'customer' && reachesAccount(db, user, account.number);
  if (!account || !user || !reaches) {
    const reason = !account ? 'no such account' : !sold ? 'not sold by this reseller' : 'not a user of the account';
    audit(db, { action: 'portal_session.denied', accountId: account?.id ?? null, ip: meta.ip, detail: { resellerId: reseller.id, account: accountNumber, email, reason } }, now);
    throw new NotFoundError('The account');
  }
  return { userId: user.id, accountId: account.id, resellerId: reseller.id };
}

/** Whether a user of an account, or of its head office, reaches it (the account routes' own check). */
function reachesAccount(db: Db, user: SessionUser, number: string): boolean {
  try {
    findReachableAccount(db, user, number);
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}
