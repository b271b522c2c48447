import { randomBytes } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { LANGUAGES, USER_ROLES, type Language, type UserRole } from '../db/enums.ts';
import { InputError } from './errors.ts';
import { languageOrEnglish } from '../i18n/messages.ts';
import { accountUsers, accounts, oneTimeTokens, sessions, users } from '../db/schema.ts';
import { accountNumberSchema, requiredText } from './accounts.ts';

export const inviteSchema = z
  .object({
    email: z.string({ error: 'is required' }).trim().toLowerCase().pipe(z.email('must be an email address')),
    name: requiredText(200),
    role: z.enum(USER_ROLES).default('customer'),
    account: accountNumberSchema.optional(),
    /** Of the invitation and, until they choose another, of their portal and mails; none: English (and their browser's at first sign-in). */
    language: z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` }).optional(),
  })
  .refine((v) => v.role === 'staff' || v.account, { message: 'is required for a customer user', path: ['account'] });

export type InviteInput = z.input<typeof inviteSchema>;

export interface InviteResult {
  userId: string;
  /** The user's name as stored (an existing user keeps theirs). */
  name: string;
  /** True when the user has no password yet and needs the activation mail. */
  needsActivation: boolean;
  created: boolean;
  accountName: string | null;
  /** The account they were added to (its reseller signs the mail). */
  accountId: number | null;
  /** What they read: their own language (an existing user keeps theirs), else the invitation's, else English. */
  language: Language;
}

/**
 * Gives someone a sign-in for an account: creates the user (without a password) or adds an
 * existing user to one more account. All rows or none; sending mail is the caller's part.
 */
export function inviteUser(db: Db, input: InviteInput): InviteResult {
  const data = inviteSchema.parse(input);
  return db.transaction((tx) => {
    const account = data.account ? tx.select().from(accounts).where(eq(accounts.number, data.account)).get() : undefined;
    if (data.account && !account) throw new InputError(`Account ${data.account} does not exist.`);
    let user = tx.select().from(users).where(eq(users.email, data.email)).get();
    const created = !user;
    if (user?.disabledAt) {
      // Invited again after their access was taken away: a new start, with a new password.
      user = tx.update(users).set({ disabledAt: null, role: data.role, passwordHash: null }).where(eq(users.id, user.id)).returning().get()!;
    } else if (!user) {
      user = tx
        .insert(users)
        .values({ id: `usr_${randomBytes(10).toString('hex')}`, email: data.email, name: data.name, role: data.role, language: data.language ?? null })
        .returning()
        .get();
    } else if (!account) {
      throw new InputError(`${data.email} already has a sign-in.`);
    }
    if (account) {
      const member = tx
        .select({ n: sql`1` })
        .from(accountUsers)
        .where(and(eq(accountUsers.accountId, account.id), eq(accountUsers.userId, user.id)))
        .get();
      if (member) throw new InputError(`${data.email} is already a user of ${account.number}.`);
      tx.insert(accountUsers).values({ accountId: account.id, userId: user.id }).run();
    }
    return {
      userId: user.id,
      name: user.name,
      needsActivation: !user.passwordHash,
      created,
      accountName: account?.name ?? null,
      accountId: account?.id ?? null,
      language: languageOrEnglish(user.language ?? data.language),
    };
  });
}

export interface UserListing {
  email: string;
  name: string;
  role: UserRole;
  status: 'active' | 'invited' | 'revoked';
  accounts: string[];
}

/** Every user (or the users of one account), with the accounts they belong to. */
export function listUsers(db: Db, accountNumber?: string): UserListing[] {
  const rows = db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: sql<number>`${users.passwordHash} is not null`,
      disabled: sql<number>`${users.disabledAt} is not null`,
      accounts: sql<string | null>`(select group_concat(a.number, ' ') from account_users au join accounts a on a.id = au.account_id where au.user_id = users.id)`,
    })
    .from(users)
    .where(
      accountNumber
        ? sql`exists (select 1 from account_users au join accounts a on a.id = au.account_id where au.user_id = users.id and a.number = ${accountNumber})`
        : undefined,
    )
    .orderBy(asc(users.email))
    .all();
  return rows.map((r) => ({
    email: r.email,
    name: r.name,
    role: r.role,
    status: r.disabled ? 'revoked' : r.active ? 'active' : 'invited',
    accounts: r.accounts ? r.accounts.split(' ').sort() : [],
  }));
}

export interface RevokeResult {
  /** The accounts the user lost (all of theirs without `account`). */
  accounts: string[];
  /** Whether the user can no longer sign in at all. */
  disabled: boolean;
  /** Sessions ended. */
  sessions: number;
}

/**
 * Takes access away (someone left the customer's company, or the provider's): from one account,
 * or, without `account`, all of it. Then the user has no account links, no password, no pending
 * activation or reset link and no session, and is marked revoked, so neither a reset nor a
 * reseller's portal session signs them in again; inviting them again starts afresh. A user left
 * with other accounts keeps their sign-in and sessions: each request checks the account it names.
 * All in one transaction; the server sees it on the next request (another process's commit).
 */
export function revokeAccess(db: Db, input: { email: string; account?: string | undefined }, now: number): RevokeResult {
  const email = input.email.trim().toLowerCase();
  return db.transaction((tx) => {
    const user = tx.select().from(users).where(eq(users.email, email)).get();
    if (!user) throw new InputError(`No user ${email}.`);
    const held = tx
      .select({ id: accounts.id, number: accounts.number })
      .from(accountUsers)
      .innerJoin(accounts, eq(accounts.id, accountUsers.accountId))
      .where(eq(accountUsers.userId, user.id))
      .all();
    if (input.account) {
      const number = input.account.trim().toUpperCase();
      const link = held.find((a) => a.number === number);
      if (!link) throw new InputError(`${email} is not a user of ${number}.`);
      tx.delete(accountUsers).where(and(eq(accountUsers.userId, user.id), eq(accountUsers.accountId, link.id))).run();
      return { accounts: [number], disabled: false, sessions: 0 };
    }
    tx.delete(accountUsers).where(eq(accountUsers.userId, user.id)).run();
    tx.update(users).set({ disabledAt: new Date(now).toISOString(), passwordHash: null }).where(eq(users.id, user.id)).run();
    tx.delete(oneTimeTokens).where(eq(oneTimeTokens.userId, user.id)).run();
    const ended = tx.delete(sessions).where(eq(sessions.userId, user.id)).run().changes;
    return { accounts: held.map((a) => a.number).sort(), disabled: true, sessions: ended };
  });
}
