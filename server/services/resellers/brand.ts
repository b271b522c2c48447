import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { prepared } from '../../db/prepared.ts';
import { resellerOrigins, resellers, type Reseller } from '../../db/schema.ts';
import type { Config } from '../../env.ts';
import type { InvoiceIssuer } from '../invoice-pdf.ts';
import { resellerIdOfAccount, resellerIdOfUser } from './resellers.ts';

/**
 * White label: what a reseller's customers see instead of the provider — in the portal (the
 * `/me` reply, the portal-session exchange, `GET /brands/{reseller}`), on invoice PDFs and in
 * mails. Accounts of no reseller get the provider's look (null here).
 */
export interface Brand {
  reseller: string;
  name: string;
  /** An address the browser can load (the reseller's own, or the image the portal serves). */
  logoUrl: string | null;
  support: { email: string | null; phone: string | null; url: string | null };
  colors: { primary: string | null; header: string | null };
  /** Printed on invoices (null: the provider's address). */
  address: string | null;
  /** The reseller's first site, where its customers pay (links in mails and PDFs). */
  siteUrl: string | null;
}

/** Where the portal serves a stored logo; `v` changes with the record, so it can be cached. */
const logoPath = (r: Reseller, portalUrl: string) => `${portalUrl}/api/v1/brands/${r.slug}/logo?v=${Date.parse(r.updatedAt) || 0}`;

function brandOf(db: Db, row: Reseller, portalUrl: string): Brand {
  const site = prepared(db, 'resellers.firstOrigin', () =>
    db
      .select({ origin: resellerOrigins.origin })
      .from(resellerOrigins)
      .where(eq(resellerOrigins.resellerId, sql.placeholder('id')))
      .orderBy(asc(resellerOrigins.position))
      .limit(1)
      .prepare(),
  ).get({ id: row.id });
  return {
    reseller: row.slug,
    name: row.brandName ?? row.name,
    logoUrl: row.logoUrl ?? (row.logoImage ? logoPath(row, portalUrl) : null),
    support: { email: row.supportEmail, phone: row.supportPhone, url: row.supportUrl },
    colors: { primary: row.colorPrimary, header: row.colorHeader },
    address: row.address,
    siteUrl: site?.origin ?? null,
  };
}

const byId = (db: Db) => prepared(db, 'resellers.brandById', () => db.select().from(resellers).where(eq(resellers.id, sql.placeholder('id'))).prepare());

export function brandById(db: Db, resellerId: number | null, portalUrl: string): Brand | null {
  const row = resellerId === null ? undefined : byId(db).get({ id: resellerId });
  return row ? brandOf(db, row, portalUrl) : null;
}

/** The brand of the reseller an account belongs to (directly or through its head office). */
export const brandForAccount = (db: Db, accountId: number, portalUrl: string) => brandById(db, resellerIdOfAccount(db, accountId), portalUrl);

/** The brand of the reseller of a user's accounts. */
export const brandForUser = (db: Db, userId: string, portalUrl: string) => brandById(db, resellerIdOfUser(db, userId), portalUrl);

export function brandBySlug(db: Db, slug: string, portalUrl: string): Brand | null {
  const row = db.select().from(resellers).where(eq(resellers.slug, slug.toLowerCase())).get();
  return row ? brandOf(db, row, portalUrl) : null;
}

/** The logo image a reseller stored, to serve. */
export function storedLogo(db: Db, slug: string): { image: Buffer; type: string } | null {
  const row = db.select({ image: resellers.logoImage, type: resellers.logoType }).from(resellers).where(eq(resellers.slug, slug.toLowerCase())).get();
  return row?.image && row.type ? { image: row.image, type: row.type } : null;
}

/** The support contact on one line: `help@acme.example · +1 415 555 0100 · https://acme.example/help`. */
export const supportLine = (brand: Pick<Brand, 'support'> | null): string | null => {
  const parts = brand ? [brand.support.email, brand.support.phone, brand.support.url].filter((p): p is string => Boolean(p)) : [];
  return parts.length ? parts.join(' · ') : null;
};

/** What the API shows of a brand: not the postal address or site, which only documents carry. */
export const publicBrand = (brand: Brand | null) => (brand ? { reseller: brand.reseller, name: brand.name, logoUrl: brand.logoUrl, support: brand.support, colors: brand.colors } : null);

/** The provider, as documents name it when the account has no reseller. */
export interface ProviderIdentity {
  name: string;
  /** The portal's address (PUBLIC_URL). */
  portalUrl: string;
}

/** Who a document (a mail, an invoice) of an account comes from: its reseller's brand, else the provider. */
export interface Sender {
  name: string;
  /** Where the customer signs in to pay: the reseller's site, or the portal. */
  portalUrl: string;
  /** The support contact on one line, or null. */
  support: string | null;
  supportEmail: string | null;
  /** `#rrggbb`, or null for the provider's. */
  accent: string | null;
}

/** The accent of a reseller that chose no colour: a neutral one, never the provider's. */
const NEUTRAL_ACCENT = '#3a4350';

export function senderOf(brand: Brand | null, provider: ProviderIdentity): Sender {
  if (!brand) return { name: provider.name, portalUrl: provider.portalUrl, support: null, supportEmail: null, accent: null };
  return {
    name: brand.name,
    portalUrl: brand.siteUrl ?? provider.portalUrl,
    support: supportLine(brand),
    supportEmail: brand.support.email,
    accent: brand.colors.primary ?? brand.colors.header ?? NEUTRAL_ACCENT,
  };
}

/** Who an account's mail and invoices come from. */
export const senderOfAccount = (db: Db, accountId: number, provider: ProviderIdentity) => senderOf(brandForAccount(db, accountId, provider.portalUrl), provider);

/** Who an account's invoices come from: its reseller (its address, or the provider's), else the provider. */
export function invoiceIssuer(db: Db, accountId: number, config: Pick<Config, 'providerName' | 'providerAddress' | 'publicUrl'>): InvoiceIssuer {
  const brand = brandForAccount(db, accountId, config.publicUrl);
  const sender = senderOf(brand, { name: config.providerName, portalUrl: config.publicUrl });
  return { name: sender.name, address: brand?.address ?? config.providerAddress, portalUrl: sender.portalUrl, support: sender.support, accent: sender.accent };
}
