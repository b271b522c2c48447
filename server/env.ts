import { dirname, join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_IMPORT_SETTINGS, type ImportSettings } from './services/imports/settings.ts';

/** Every setting the server reads, checked once at start. */
export interface Config {
  port: number;
  host: string;
  databasePath: string;
  publicUrl: string;
  allowedOrigins: string[];
  smtpUrl: string | undefined;
  mailFrom: string;
  outboxDir: string;
  providerName: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  activationTtlHours: number;
  resetTtlMinutes: number;
  trustProxy: boolean;
  demoData: boolean;
  /** Key for the provider API (/api/v1/provider/...); the API is closed when unset. */
  providerApiKey: string | undefined;
  /** The provider's postal address, printed on invoices. */
  providerAddress: string;
  /** Days from an invoice's issue date to its due date. */
  paymentTermsDays: number;
  /** Late fee on the amount past due when a month is billed: a percentage, with a floor in cents; 0% turns it off. */
  lateFeePercent: number;
  lateFeeMinimumCents: number;
  /** Authorize.Net credentials; without them the local fake gateway is used. */
  anet: { apiLoginId: string; transactionKey: string; clientKey: string; environment: 'sandbox' | 'production' } | null;
  /** How long a gateway call may take before its outcome counts as unknown. */
  gatewayTimeoutMs: number;
  /** The largest card payment accepted, in cents. */
  paymentMaxCents: number;
  /** The currencies the merchant account takes cards in: an account billing in another one cannot pay by card. */
  gatewayCurrencies: string[];
  /** The first wait before the gateway is asked about a payment it did not answer (then 2, 4 and 8 times as long). */
  paymentSettleDelayMs: number;
  /** A process that has not renewed its lease for this long is gone: another settles the payments it left waiting. */
  paymentLeaseSeconds: number;
  /** The Signature Key Authorize.Net signs webhook notifications with; without it (and the fake) no webhooks are taken. */
  anetSignatureKey: string | null;
  /** When the server runs autopay each day, `HH:MM` in UTC; null: only `npm run portal -- autopay` runs it. */
  autopaySchedule: string | null;
  /** A backup each day at `schedule` (UTC) into `dir`, the last `keep` kept (BACKUP_DIR); null: none. */
  backups: { dir: string; schedule: string; keep: number } | null;
  /** CSV imports: the abandonment age of a usage import, and the longest field and line. */
  imports: ImportSettings;
  /** The largest import body, in bytes; other requests are limited to a few KB. */
  importMaxBytes: number;
  /** Where mail about customers' tickets goes (new tickets and customer replies). */
  supportEmail: string;
  /** The folder of ticket attachments; default `attachments/` beside the database. */
  attachmentsDir: string;
  /** Port of the sample reseller site (`npm start`, with the demo data); null: not served. */
  resellerDemoPort: number | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** 1 GiB: a month of calls of a large provider is a few hundred MB. */
const DEFAULT_IMPORT_MAX_BYTES = 1024 ** 3;

const positiveInt = (fallback: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n > 0, 'must be greater than zero')
    .optional()
    .transform((n) => n ?? fallback);

/** A time of day in UTC for a daily job (AUTOPAY_SCHEDULE, BACKUP_SCHEDULE). */
const timeOfDay = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day in UTC such as 06:00');

/** An origin as a site's pages send it (scheme, host and port): ALLOWED_ORIGINS and resellers' sites. */
export const originSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, '');
    } catch {
      return false;
    }
  }, 'each entry must be an origin such as https://shop.example.com (scheme, host and port only)')
  .transform((value) => new URL(value).origin);

const flag = (fallback: boolean) =>
  z
    .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], { message: 'must be true or false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : ['1', 'true', 'yes', 'on'].includes(v)));

const envSchema = z.object({
  PORT: positiveInt(8787).refine((n) => n < 65536, 'must be a port number below 65536'),
  HOST: z.string().trim().min(1).optional(),
  DATABASE_PATH: z.string().trim().min(1).optional(),
  PUBLIC_URL: z.url({ message: 'must be an absolute http(s) URL' }).optional(),
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(originSchema)),
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().trim().min(3).optional(),
  OUTBOX_DIR: z.string().trim().min(1).optional(),
  PROVIDER_NAME: z.string().trim().min(1).optional(),
  SESSION_IDLE_MINUTES: positiveInt(30),
  SESSION_MAX_HOURS: positiveInt(12),
  ACTIVATION_TTL_HOURS: positiveInt(72),
  RESET_TTL_MINUTES: positiveInt(60),
  TRUST_PROXY: flag(false),
  DEMO_DATA: flag(true),
  PROVIDER_API_KEY: z.string().trim().min(24, 'must be at least 24 characters (use a long random string)').optional(),
  PROVIDER_ADDRESS: z.string().trim().min(1).optional(),
  PAYMENT_TERMS_DAYS: positiveInt(30),
  LATE_FEE_PERCENT: z
    .string()
    .trim()
    .regex(/^\d+(\.\d{1,3})?$/, 'must be a percentage such as 1.5')
    .transform(Number)
    .refine((n) => n <= 25, 'must be at most 25')
    .optional()
    .transform((n) => n ?? 1.5),
  LATE_FEE_MINIMUM_CENTS: z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number of cents')
    .transform(Number)
    .optional()
    .transform((n) => n ?? 500),
  ANET_API_LOGIN_ID: z.string().trim().min(1).optional(),
  ANET_TRANSACTION_KEY: z.string().trim().min(1).optional(),
  ANET_CLIENT_KEY: z.string().trim().min(1).optional(),
  ANET_ENV: z.enum(['sandbox', 'production'], { message: 'must be sandbox or production' }).optional(),
  GATEWAY_TIMEOUT_MS: positiveInt(20_000),
  GATEWAY_CURRENCIES: z
    .string()
    .optional()
    .transform((v) => (v ?? 'USD').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[A-Z]{3}$/, 'must be three-letter currency codes separated by commas, such as USD,CAD')).min(1)),
  PAYMENT_MAX_CENTS: positiveInt(2_500_000),
  PAYMENT_SETTLE_DELAY_MS: positiveInt(5_000),
  PAYMENT_LEASE_SECONDS: positiveInt(30),
  ANET_SIGNATURE_KEY: z.string().trim().min(32, 'must be the Signature Key from the Merchant Interface').optional(),
  AUTOPAY_SCHEDULE: timeOfDay.optional(),
  BACKUP_DIR: z.string().trim().min(1).optional(),
  BACKUP_SCHEDULE: timeOfDay.optional(),
  BACKUP_KEEP: positiveInt(14),
  IMPORT_ABANDONED_SECONDS: positiveInt(DEFAULT_IMPORT_SETTINGS.abandonedAfterSeconds),
  IMPORT_MAX_BYTES: positiveInt(DEFAULT_IMPORT_MAX_BYTES),
  IMPORT_MAX_FIELD_CHARS: positiveInt(DEFAULT_IMPORT_SETTINGS.maxFieldChars),
  IMPORT_MAX_LINE_CHARS: positiveInt(DEFAULT_IMPORT_SETTINGS.maxLineChars),
  SUPPORT_EMAIL: z.email({ message: 'must be an email address' }).optional(),
  ATTACHMENTS_DIR: z.string().trim().min(1).optional(),
  RESELLER_DEMO_PORT: z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a port number, or 0 for none')
    .transform(Number)
    .refine((n) => n < 65536, 'must be a port number below 65536')
    .optional(),
});

/** Reads the configuration from environment variables; throws ConfigError naming each bad one. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "not set", as in most shells' `VAR= command`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${String(issue.path[0])}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const anetKeys = [e.ANET_API_LOGIN_ID, e.ANET_TRANSACTION_KEY, e.ANET_CLIENT_KEY];
  if (anetKeys.some(Boolean) && !anetKeys.every(Boolean)) {
    throw new ConfigError('Invalid configuration:\n  ANET_API_LOGIN_ID, ANET_TRANSACTION_KEY and ANET_CLIENT_KEY: set all three, or none for the local fake gateway');
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const providerName = e.PROVIDER_NAME ?? 'Harbourline Communications';
  const databasePath = e.DATABASE_PATH ?? 'data/portal.db';
  return {
    port: e.PORT,
    host: e.HOST ?? '127.0.0.1',
    databasePath,
    publicUrl,
    allowedOrigins: e.ALLOWED_ORIGINS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? `${providerName} <billing@harbourline.example>`,
    outboxDir: e.OUTBOX_DIR ?? 'data/outbox',
    providerName,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    activationTtlHours: e.ACTIVATION_TTL_HOURS,
    resetTtlMinutes: e.RESET_TTL_MINUTES,
    trustProxy: e.TRUST_PROXY,
    demoData: e.DEMO_DATA,
    providerApiKey: e.PROVIDER_API_KEY,
    providerAddress: e.PROVIDER_ADDRESS ?? '500 Harbour Way, Suite 200, Oakland, CA 94607',
    paymentTermsDays: e.PAYMENT_TERMS_DAYS,
    lateFeePercent: e.LATE_FEE_PERCENT,
    lateFeeMinimumCents: e.LATE_FEE_MINIMUM_CENTS,
    anet: e.ANET_API_LOGIN_ID
      ? { apiLoginId: e.ANET_API_LOGIN_ID, transactionKey: e.ANET_TRANSACTION_KEY!, clientKey: e.ANET_CLIENT_KEY!, environment: e.ANET_ENV ?? 'sandbox' }
      : null,
    gatewayTimeoutMs: e.GATEWAY_TIMEOUT_MS,
    paymentMaxCents: e.PAYMENT_MAX_CENTS,
    gatewayCurrencies: e.GATEWAY_CURRENCIES,
    paymentSettleDelayMs: e.PAYMENT_SETTLE_DELAY_MS,
    paymentLeaseSeconds: e.PAYMENT_LEASE_SECONDS,
    anetSignatureKey: e.ANET_SIGNATURE_KEY ?? null,
    autopaySchedule: e.AUTOPAY_SCHEDULE ?? null,
    backups: e.BACKUP_DIR ? { dir: e.BACKUP_DIR, schedule: e.BACKUP_SCHEDULE ?? '03:00', keep: e.BACKUP_KEEP } : null,
    imports: { abandonedAfterSeconds: e.IMPORT_ABANDONED_SECONDS, maxFieldChars: e.IMPORT_MAX_FIELD_CHARS, maxLineChars: e.IMPORT_MAX_LINE_CHARS },
    importMaxBytes: e.IMPORT_MAX_BYTES,
    supportEmail: e.SUPPORT_EMAIL ?? 'support@harbourline.example',
    attachmentsDir: e.ATTACHMENTS_DIR ?? join(dirname(databasePath), 'attachments'),
    resellerDemoPort: e.RESELLER_DEMO_PORT === undefined ? (e.PORT < 65535 ? e.PORT + 1 : null) : e.RESELLER_DEMO_PORT || null,
  };
}
