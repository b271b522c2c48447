import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { newResellerKey } from '../../auth/reseller-key.ts';
import type { Db } from '../../db/client.ts';
import { prepared } from '../../db/prepared.ts';
import { accounts, resellerAccounts, resellerOrigins, resellers, type Reseller } from '../../db/schema.ts';
import { originSchema } from '../../env.ts';
import { accountNumberSchema } from '../accounts.ts';
import { InputError, NotFoundError } from '../errors.ts';
import { noteResellersChanged } from './changes.ts';

/**
 * Reseller records: who they are, the sites they embed the widgets in (origins), the accounts
 * they sell to, their brand, and their API key (shown once, stored hashed).
 */

/** The largest logo stored in the database; a larger one belongs on the reseller's own site, as a URL. */
export const MAX_LOGO_BYTES = 64 * 1024;

const LOGO_TYPES: { type: string; test: (b: Buffer) => boolean }[] = [
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  { type: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { type: 'image/svg+xml', test: (b) => /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/.test(b.subarray(0, 1024).toString('utf8')) },
];

/** The image type of a logo file, by its first bytes (never by its name), or null when it is not one we serve. */
export const logoTypeOf = (bytes: Buffer): string | null => LOGO_TYPES.find((t) => t.test(bytes))?.type ?? null;

/** `#8a3b12` (or `#a31`): safe to write into a style sheet or a PDF as it is. */
const colour = z
  .string()
  .trim()
  .regex(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i, 'must be a colour such as #8a3b12')
  .transform((c) => (c.length === 4 ? `#${[...c.slice(1)].map((d) => d + d).join('')}` : c).toLowerCase());

const webUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), 'must be an http(s) address');

/** A brand field: '' (or null) clears it, absent leaves it as it is. */
const clearable = <T extends z.ZodType<string>>(schema: T) => z.preprocess((v) => (v === '' ? null : v), schema.nullable()).optional();

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'must be 1 to 40 lower-case letters, digits and dashes, such as acme');

/** `Acme Telecom` → `acme-telecom`. */
export const slugFrom = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');

/** A logo: an address the browser loads it from, or an image stored here and served by the portal. */
export type LogoInput = { url: string } | { image: Buffer };

const logoSchema = z
  .union([
    z.object({ url: webUrl }),
    z.object({ image: z.instanceof(Buffer) }).superRefine(({ image }, ctx) => {
      if (image.length > MAX_LOGO_BYTES) ctx.addIssue({ code: 'custom', message: `must be at most ${MAX_LOGO_BYTES / 1024} KB (put a larger one on your site and give its URL)` });
      else if (!logoTypeOf(image)) ctx.addIssue({ code: 'custom', message: 'must be a PNG, JPEG, GIF, WebP or SVG image, or an http(s) URL' });
    }),
  ])
  .nullable()
  .optional();

/** The brand a reseller's customers see; every field optional (the provider's look fills the gaps). */
const brandSchema = z.object({
  brandName: clearable(z.string().trim().min(1).max(100)),
  logo: logoSchema,
  supportEmail: clearable(z.string().trim().max(254).pipe(z.email('must be an email address'))),
  supportPhone: clearable(z.string().trim().regex(/^[+()\d][\d\s().+-]{2,30}$/, 'must be a phone number such as +1 415 555 0100')),
  supportUrl: clearable(webUrl),
  address: clearable(z.string().trim().min(1).max(200)),
  colorPrimary: clearable(colour),
  colorHeader: clearable(colour),
});

const accountList = z.array(accountNumberSchema).max(10_000);
const originList = z.array(originSchema).max(50);

export const newResellerSchema = brandSchema.extend({
  name: z.string({ error: 'is required' }).trim().min(1, 'is required').max(100),
  slug: slugSchema.optional(),
  origins: originList.min(1, 'is required: the site (origin) the widgets are embedded in, such as https://portal.acme.example'),
  accounts: accountList.default([]),
});

export const resellerChangesSchema = brandSchema.extend({
  name: z.string().trim().min(1).max(100).optional(),
  /** Replace the origins, or the accounts, with these. */
  origins: originList.min(1, 'must name at least one origin').optional(),
  accounts: accountList.optional(),
});

export type NewResellerInput = z.input<typeof newResellerSchema>;
export type ResellerChanges = z.input<typeof resellerChangesSchema>;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The brand columns of a change: only what was given; a cleared logo clears both its URL and its image. */
function brandColumns(input: z.output<typeof brandSchema>) {
  const columns: Partial<Reseller> = {};
  for (const key of ['brandName', 'supportEmail', 'supportPhone', 'supportUrl', 'address', 'colorPrimary', 'colorHeader'] as const) {
    if (input[key] !== undefined) columns[key] = input[key];
  }
  if (input.logo !== undefined) {
    const logo = input.logo;
    columns.logoUrl = logo && 'url' in logo ? logo.url : null;
    columns.logoImage = logo && 'image' in logo ? logo.image : null;
    columns.logoType = logo && 'image' in logo ? logoTypeOf(logo.image) : null;
  }
  return columns;
}

function setOrigins(tx: Tx, resellerId: number, origins: string[]) {
  tx.delete(resellerOrigins).where(eq(resellerOrigins.resellerId, resellerId)).run();
  const unique = [...new Set(origins)];
  if (unique.length) tx.insert(resellerOrigins).values(unique.map((origin, position) => ({ resellerId, origin, position }))).run();
}

/** Gives the reseller exactly these accounts; refuses one that does not exist or belongs to another reseller. */
function setAccounts(tx: Tx, resellerId: number, numbers: string[]) {
  const wanted = [...new Set(numbers)];
  const found = wanted.length ? tx.select({ id: accounts.id, number: accounts.number }).from(accounts).where(inArray(accounts.number, wanted)).all() : [];
  const missing = wanted.filter((n) => !found.some((f) => f.number === n));
  if (missing.length) throw new InputError(`No such account: ${missing.join(', ')}.`);
  const ids = found.map((f) => f.id);
  const taken = ids.length
    ? tx
        .select({ number: accounts.number, reseller: resellers.slug })
        .from(resellerAccounts)
        .innerJoin(accounts, eq(accounts.id, resellerAccounts.accountId))
        .innerJoin(resellers, eq(resellers.id, resellerAccounts.resellerId))
        .where(and(inArray(resellerAccounts.accountId, ids), sql`${resellerAccounts.resellerId} <> ${resellerId}`))
        .all()
    : [];
  if (taken.length) throw new InputError(`Already sold by another reseller: ${taken.map((t) => `${t.number} (${t.reseller})`).join(', ')}.`);
  tx.delete(resellerAccounts).where(eq(resellerAccounts.resellerId, resellerId)).run();
  if (ids.length) tx.insert(resellerAccounts).values(ids.map((accountId) => ({ accountId, resellerId }))).run();
}

/** Records a reseller; returns it with its API key, which is never shown again. Nothing is written when any part is refused. */
export function createReseller(db: Db, input: NewResellerInput, now: Date = new Date()): { reseller: Reseller; key: string } {
  const data = newResellerSchema.parse(input);
  const slug = data.slug ?? slugFrom(data.name);
  if (!slugSchema.safeParse(slug).success) throw new InputError(`Give the reseller a short name with --slug (letters, digits and dashes): "${data.name}" makes none.`);
  const result = db.transaction((tx) => {
    if (tx.select({ id: resellers.id }).from(resellers).where(eq(resellers.slug, slug)).get()) throw new InputError(`A reseller "${slug}" already exists.`);
    const at = now.toISOString();
    const row = tx
      .insert(resellers)
      .values({ slug, name: data.name, keyHash: 'pending', keyCreatedAt: at, updatedAt: at, ...brandColumns(data) })
      .returning()
      .get();
    // The key names the row, so it is made once the row has its id.
    const { key, keyHash } = newResellerKey(row.id);
    tx.update(resellers).set({ keyHash }).where(eq(resellers.id, row.id)).run();
    setOrigins(tx, row.id, data.origins);
    setAccounts(tx, row.id, data.accounts);
    return { reseller: { ...row, keyHash }, key };
  });
  noteResellersChanged();
  return result;
}

export function findReseller(db: Pick<Db, 'select'>, slug: string): Reseller {
  const row = db.select().from(resellers).where(eq(resellers.slug, slug.trim().toLowerCase())).get();
  if (!row) throw new NotFoundError(`Reseller "${slug}"`);
  return row;
}

/** Changes a reseller's name, brand, origins or accounts (lists given replace the old ones). */
export function updateReseller(db: Db, slug: string, changes: ResellerChanges, now: Date = new Date()): Reseller {
  const data = resellerChangesSchema.parse(changes);
  const row = db.transaction((tx) => {
    const found = findReseller(tx, slug);
    const updated = tx
      .update(resellers)
      .set({ ...(data.name ? { name: data.name } : {}), ...brandColumns(data), updatedAt: now.toISOString() })
      .where(eq(resellers.id, found.id))
      .returning()
      .get();
    if (data.origins) setOrigins(tx, found.id, data.origins);
    if (data.accounts) setAccounts(tx, found.id, data.accounts);
    return updated;
  });
  noteResellersChanged();
  return row;
}

/** A new API key for the reseller; the old one stops working at once. */
export function rotateResellerKey(db: Db, slug: string, now: Date = new Date()): { reseller: Reseller; key: string } {
  const found = findReseller(db, slug);
  const { key, keyHash } = newResellerKey(found.id);
  const reseller = db.update(resellers).set({ keyHash, keyCreatedAt: now.toISOString() }).where(eq(resellers.id, found.id)).returning().get();
  return { reseller, key };
}

/** Adds an origin to a reseller's sites if it is not there yet (the demo site's, at start). */
export function addResellerOrigin(db: Db, slug: string, origin: string): void {
  const found = findReseller(db, slug);
  const value = originSchema.parse(origin);
  const last = db.select({ n: sql<number>`coalesce(max(${resellerOrigins.position}), -1)` }).from(resellerOrigins).where(eq(resellerOrigins.resellerId, found.id)).get();
  const inserted = db.insert(resellerOrigins).values({ resellerId: found.id, origin: value, position: (last?.n ?? -1) + 1 }).onConflictDoNothing().run();
  if (inserted.changes) noteResellersChanged();
}

/** Every reseller with its origins and account numbers, for `list-resellers`. */
export function listResellers(db: Db) {
  const rows = db.select().from(resellers).orderBy(asc(resellers.slug)).all();
  const origins = db.select().from(resellerOrigins).orderBy(asc(resellerOrigins.position)).all();
  const owned = db
    .select({ resellerId: resellerAccounts.resellerId, number: accounts.number })
    .from(resellerAccounts)
    .innerJoin(accounts, eq(accounts.id, resellerAccounts.accountId))
    .orderBy(asc(accounts.number))
    .all();
  return rows.map((r) => ({
    reseller: r,
    origins: origins.filter((o) => o.resellerId === r.id).map((o) => o.origin),
    accounts: owned.filter((o) => o.resellerId === r.id).map((o) => o.number),
  }));
}

/** The origins of every reseller's sites (read by the allowed-origins cache, not per request). */
export function allResellerOrigins(db: Db): string[] {
  return prepared(db, 'resellers.origins', () => db.select({ origin: resellerOrigins.origin }).from(resellerOrigins).prepare())
    .all()
    .map((r) => r.origin);
}

/**
 * The reseller an account belongs to: the one that sells to it, or to its nearest head office
 * (a reseller owns the sub-accounts of the accounts it is given). Null: the provider's own.
 */
export function resellerIdOfAccount(db: Db, accountId: number): number | null {
  const nearest = prepared(db, 'resellers.ofAccount', () =>
    db.$client
      .prepare(
        `WITH RECURSIVE up(id, parent_id, depth) AS (
           SELECT id, parent_id, 0 FROM accounts WHERE id = ?
           UNION ALL
           SELECT a.id, a.parent_id, up.depth + 1 FROM accounts a JOIN up ON a.id = up.parent_id
         )
         SELECT ra.reseller_id FROM up JOIN reseller_accounts ra ON ra.account_id = up.id ORDER BY up.depth LIMIT 1`,
      )
      .pluck(),
  );
  return (nearest.get(accountId) as number | undefined) ?? null;
}

/** The reseller of a user's accounts (the first of them that has one), or null: the provider's customer, or staff. */
export function resellerIdOfUser(db: Db, userId: string): number | null {
  const nearest = prepared(db, 'resellers.ofUser', () =>
    db.$client
      .prepare(
        `WITH RECURSIVE up(id, parent_id, depth, start) AS (
           SELECT a.id, a.parent_id, 0, a.number FROM accounts a JOIN account_users au ON au.account_id = a.id WHERE au.user_id = ?
           UNION ALL
           SELECT a.id, a.parent_id, up.depth + 1, up.start FROM accounts a JOIN up ON a.id = up.parent_id
         )
         SELECT ra.reseller_id FROM up JOIN reseller_accounts ra ON ra.account_id = up.id ORDER BY up.start, up.depth LIMIT 1`,
      )
      .pluck(),
  );
  return (nearest.get(userId) as number | undefined) ?? null;
}
