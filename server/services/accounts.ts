import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { alias } from 'drizzle-orm/sqlite-core';
import type { SessionUser } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { prepared } from '../db/prepared.ts';
import { readCache } from '../db/read-cache.ts';
import { InputError, NotFoundError } from './errors.ts';
import { accounts, accountUsers, type Account } from '../db/schema.ts';

export interface AccountSummary {
  number: string;
  name: string;
  parentNumber: string | null;
  isHeadOffice: boolean;
}

/** Whose accounts a statement looks at: staff reach every account, anyone else `reachableIds`. */
type Scope = 'all' | 'reach';
const scopeOf = (user: SessionUser): Scope => (user.role === 'staff' ? 'all' : 'reach');

/**
 * The one rule of who sees what: staff reach every account; anyone else reaches the accounts
 * they belong to and everything below them (a head office's sub-accounts, at any depth). As SQL,
 * the ids a customer (the `user` placeholder) reaches, for the statements below.
 */
const reachableIds = sql`with recursive reach(id) as (
    select ${accountUsers.accountId} from ${accountUsers} where ${accountUsers.userId} = ${sql.placeholder('user')}
    union
    select child.id from ${accounts} child join reach on child.parent_id = reach.id
  ) select id from reach`;
const inScope = (scope: Scope) => (scope === 'all' ? undefined : sql`${accounts.id} in (${reachableIds})`);

/**
 * Who reaches what, kept while the database is unchanged (read-cache.ts): a new sub-account, a
 * membership or an account's details changed by the CLI are seen on the next request. Every
 * request to an account's resources asks (a recursive statement), and GET /me on each page load.
 */
const reachable = readCache<Account>({ maxEntries: 10_000 });
const ownListings = readCache<{ number: string; name: string; parentNumber: string | null; isHeadOffice: unknown }[]>({ maxEntries: 10_000 });

/** The account with this number if the user may reach it; otherwise 404, exactly as if it did not exist. */
export function findReachableAccount(db: Db, user: SessionUser, number: string): Account {
  const scope = scopeOf(user);
  const upper = number.toUpperCase();
  // Prepared once per database and scope: this runs on every request to an account's resources.
  const byNumber = prepared(db, `accounts.reachableByNumber.${scope}`, () =>
    db
      .select()
      .from(accounts)
      .where(and(eq(accounts.number, sql.placeholder('number')), inScope(scope)))
      .prepare(),
  );
  const account = reachable(db, `${scope} ${user.id} ${upper}`, () => byNumber.get({ number: upper, user: user.id }));
  if (!account) throw new NotFoundError('The account');
  return account;
}

const parent = alias(accounts, 'parent');
const hasChildren = sql<number>`exists (select 1 from accounts child where child.parent_id = ${accounts.id})`;

/**
 * The listing of a scope's accounts, head offices before their locations; with `search`, filtered
 * by the `pattern` placeholder (null: no filter) and cut at the `limit` one.
 */
function accountListing(db: Db, scope: Scope, search: boolean) {
  return prepared(db, `accounts.list.${scope}.${search ? 'search' : 'all'}`, () => {
    const pattern = sql.placeholder('pattern');
    const byTerm = sql`(${pattern} is null or ${accounts.number} like ${pattern} escape '\\' or ${accounts.name} like ${pattern} escape '\\')`;
    const listing = db
      .select({ number: accounts.number, name: accounts.name, parentNumber: parent.number, isHeadOffice: hasChildren })
      .from(accounts)
      .leftJoin(parent, eq(parent.id, accounts.parentId))
      .where(and(inScope(scope), search ? byTerm : undefined))
      .orderBy(sql`coalesce(${parent.number}, ${accounts.number})`, sql`${accounts.parentId} is not null`, asc(accounts.number));
    return search ? listing.limit(sql.placeholder('limit')).prepare() : listing.prepare();
  });
}

/** Summaries of reachable accounts, optionally filtered by number or name, head offices before their locations. */
export function listAccounts(db: Db, user: SessionUser, options: { query?: string | undefined; limit: number }): AccountSummary[] {
  const scope = scopeOf(user);
  const term = options.query?.trim();
  // A customer's own list (GET /me, on every page load) is read whole, a few rows, and cut here:
  // SQLite compiles a statement again on every run when a LIMIT or LIKE value is bound (7 µs became 38).
  const rows =
    scope === 'reach' && !term
      ? ownListings(db, user.id, () => accountListing(db, scope, false).all({ user: user.id })).slice(0, options.limit)
      : accountListing(db, scope, true).all({ user: user.id, pattern: term ? `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null, limit: options.limit });
  return rows.map((r) => ({ ...r, isHeadOffice: Boolean(r.isHeadOffice) }));
}

/** The guide's Account Information, plus the head office and sub-accounts around it. */
export function accountDetails(db: Db, account: Account) {
  // Prepared once per database: the summary on every visit of My Account reads them.
  const byId = prepared(db, 'accounts.headOffice', () =>
    db.select({ number: accounts.number, name: accounts.name }).from(accounts).where(eq(accounts.id, sql.placeholder('id'))).prepare(),
  );
  const below = prepared(db, 'accounts.subAccounts', () =>
    db
      .select({ number: accounts.number, name: accounts.name, city: accounts.city, region: accounts.region })
      .from(accounts)
      .where(eq(accounts.parentId, sql.placeholder('id')))
      .orderBy(asc(accounts.number))
      .prepare(),
  );
  const headOffice = account.parentId ? byId.get({ id: account.parentId }) ?? null : null;
  const subAccounts = below.all({ id: account.id });
  return {
    number: account.number,
    name: account.name,
    billingAddress: {
      line1: account.addressLine1,
      line2: account.addressLine2,
      city: account.city,
      region: account.region,
      postalCode: account.postalCode,
      country: account.country,
    },
    representative: account.representative,
    currency: account.currency,
    headOffice,
    subAccounts,
  };
}

/** Text that must be present, trimmed, with a length cap. */
export const requiredText = (max: number) => z.string({ error: 'is required' }).trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

export const accountNumberSchema = z
  .string({ error: 'is required' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9-]{2,31}$/, 'must be a letter then 2 to 31 letters, digits or dashes, like C123456');

/** What it takes to open an account (the CLI and, later, imports). */
export const newAccountSchema = z.object({
  number: accountNumberSchema,
  name: requiredText(200),
  addressLine1: requiredText(200),
  addressLine2: z.string().trim().max(200).optional(),
  city: requiredText(100),
  region: requiredText(100),
  postalCode: requiredText(20),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as US').default('US'),
  representative: z.string().trim().max(200).optional(),
  /** Default: the head office's currency for a sub-account, else US dollars. */
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as USD').optional(),
  parentNumber: accountNumberSchema.optional(),
});

export type NewAccountInput = z.input<typeof newAccountSchema>;

/**
 * Opens an account; throws InputError (nothing written) when the number is taken, the head office
 * unknown, or the currency not the head office's: a head office's sub-accounts are rolled up into
 * its reports and sums, which only add up in one currency.
 */
export function createAccount(db: Db, input: NewAccountInput): Account {
  const data = newAccountSchema.parse(input);
  return db.transaction((tx) => {
    if (tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.number, data.number)).get()) {
      throw new InputError(`Account ${data.number} already exists.`);
    }
    const parentRow = data.parentNumber
      ? tx.select({ id: accounts.id, currency: accounts.currency }).from(accounts).where(eq(accounts.number, data.parentNumber)).get()
      : undefined;
    if (data.parentNumber && !parentRow) throw new InputError(`Head office account ${data.parentNumber} does not exist.`);
    if (parentRow && data.currency && data.currency !== parentRow.currency) {
      throw new InputError(`A sub-account bills in its head office's currency: head office ${data.parentNumber} bills in ${parentRow.currency}, not ${data.currency}.`, [
        { path: 'currency', message: `Must be ${parentRow.currency}, the head office's currency.` },
      ]);
    }
    const { parentNumber: _ignored, ...columns } = data;
    const currency = data.currency ?? parentRow?.currency ?? 'USD';
    return tx.insert(accounts).values({ ...columns, currency, parentId: parentRow?.id ?? null }).returning().get();
  });
}
