import { sql } from 'drizzle-orm';
import { INVOICE_LINE_KINDS, INVOICE_STATES, PAYMENT_STATUSES, PRODUCT_TYPES, TICKET_SERVICES, TICKET_SIDES, TICKET_STATUSES, USER_ROLES, LANGUAGES } from './enums.ts';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/** A customer account of the provider; a head office is an account that other accounts name as parent. */
export const accounts = sqliteTable(
  'accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    name: text('name').notNull(),
    addressLine1: text('address_line1').notNull(),
    addressLine2: text('address_line2'),
    city: text('city').notNull(),
    region: text('region').notNull(),
    postalCode: text('postal_code').notNull(),
    country: text('country').notNull().default('US'),
    representative: text('representative'),
    currency: text('currency').notNull().default('USD'),
    /** Sales tax in parts per million (8.625% = 86250), unless a location sets its own. */
    taxRatePpm: integer('tax_rate_ppm').notNull().default(0),
    parentId: integer('parent_id').references((): AnySQLiteColumn => accounts.id),
    /** IANA time zone (e.g. "America/Los_Angeles") reports show call times in; null: UTC. */
    timeZone: text('time_zone'),
    createdAt: createdAt(),
  },
  (t) => [index('accounts_parent_idx').on(t.parentId)],
);

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    /** Always stored lower-cased: the unique index makes emails unique case-insensitively. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull().default('customer'),
    /** Null until the user activates their sign-in by choosing a password. */
    passwordHash: text('password_hash'),
    passwordChangedAt: text('password_changed_at'),
    /** The language of the user's portal, invoice PDFs and mails; null until chosen or learnt at sign-in (then English). */
    language: text('language', { enum: LANGUAGES }),
    /** When the provider took the user's access away (revoke-access): no sign-in, no reset, no session. */
    disabledAt: text('disabled_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

export const accountUsers = sqliteTable(
  'account_users',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.userId] }), index('account_users_user_idx').on(t.userId)],
);

/**
 * Sessions. `id` is the SHA-256 of the token the client holds, so a copy of this table
 * yields no usable session. `expiresAt` (seconds) is the idle deadline that lucia slides;
 * `createdAt` bounds the session's absolute lifetime.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at').notNull(),
    createdAt: integer('created_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Activation and password-reset links, and reseller portal sessions (a reseller's sign-in of its
 * customer, exchanged by the element for a session): stored hashed, single use, expiring.
 */
export const oneTimeTokens = sqliteTable(
  'one_time_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['activate', 'reset', 'portal_session'] }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    createdAt: integer('created_at').notNull(),
    /** Portal sessions: the account the reseller asked for, shown first. */
    accountId: integer('account_id').references((): AnySQLiteColumn => accounts.id),
    /** Portal sessions: the reseller whose key asked for it. */
    resellerId: integer('reseller_id').references((): AnySQLiteColumn => resellers.id),
  },
  (t) => [index('one_time_tokens_user_idx').on(t.userId)],
);

/** Failed sign-ins, keyed by `email:<address>` and `ip:<address>`, for throttling. */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at)],
);

/** Append-only record of security-relevant events. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorUserId: text('actor_user_id'),
    accountId: integer('account_id'),
    action: text('action').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
    ip: text('ip'),
  },
  (t) => [index('audit_log_actor_idx').on(t.actorUserId), index('audit_log_action_idx').on(t.action)],
);

/**
 * Resellers: companies that sell the provider's service under their own brand and embed the
 * widgets in their own sites. Each has an API key (only its SHA-256 is kept) for asking portal
 * sessions for its customers, the origins its sites run on, and its brand.
 */
export const resellers = sqliteTable('resellers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Short name in URLs and commands (`<bp-portal reseller="acme">`, `--reseller acme`). */
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull(),
  keyCreatedAt: text('key_created_at').notNull(),
  /** The brand: the name customers see (null: `name`), the logo (a URL, or an image stored here), support contact, postal address, colours. */
  brandName: text('brand_name'),
  logoUrl: text('logo_url'),
  logoImage: blob('logo_image', { mode: 'buffer' }),
  logoType: text('logo_type'),
  supportEmail: text('support_email'),
  supportPhone: text('support_phone'),
  supportUrl: text('support_url'),
  address: text('address'),
  /** `#rrggbb`: buttons and links; the header bar. */
  colorPrimary: text('color_primary'),
  colorHeader: text('color_header'),
  createdAt: createdAt(),
  updatedAt: text('updated_at').notNull(),
});

/** The sites of a reseller, as origins: they may call the API, load the kit and frame the card fields. */
export const resellerOrigins = sqliteTable(
  'reseller_origins',
  {
    resellerId: integer('reseller_id')
      .notNull()
      .references(() => resellers.id, { onDelete: 'cascade' }),
    origin: text('origin').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.resellerId, t.origin] })],
);

/**
 * The accounts a reseller sells to. The reseller of an account is that of the account itself or
 * of its nearest head office: it owns the sub-accounts too, and its brand is theirs.
 */
export const resellerAccounts = sqliteTable(
  'reseller_accounts',
  {
    accountId: integer('account_id')
      .primaryKey()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    resellerId: integer('reseller_id')
      .notNull()
      .references(() => resellers.id, { onDelete: 'cascade' }),
  },
  (t) => [index('reseller_accounts_reseller_idx').on(t.resellerId)],
);

export type Account = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;
export type User = typeof users.$inferSelect;
export type Reseller = typeof resellers.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Billing: locations, catalog, subscriptions, usage, invoices, payments and their allocation.
// Money is integer cents; per-minute rates are integer millicents (1/1000 cent) so that rates
// like $0.025/min are exact. Dates are ISO `YYYY-MM-DD` text; call start times are epoch seconds.
// ---------------------------------------------------------------------------------------------

/** A service address of an account (the guide's Services screen lists them). */
export const locations = sqliteTable(
  'locations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** The provider's own key for the location, unique within the account (imports refer to it). */
    code: text('code').notNull(),
    name: text('name').notNull(),
    addressLine1: text('address_line1').notNull(),
    city: text('city').notNull(),
    region: text('region').notNull(),
    postalCode: text('postal_code').notNull(),
    country: text('country').notNull().default('US'),
    /** Sales tax in parts per million (8.625% = 86250); null: the account's rate applies. */
    taxRatePpm: integer('tax_rate_ppm'),
  },
  (t) => [uniqueIndex('locations_account_code_unique').on(t.accountId, t.code)],
);

/** The catalog: plans (voice plans with included minutes) and fixed-price add-ons. */
export const products = sqliteTable('products', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  type: text('type', { enum: PRODUCT_TYPES }).notNull(),
  monthlyPriceCents: integer('monthly_price_cents').notNull(),
  /** Voice plans: minutes included per month, pooled across the account's subscriptions of the plan. */
  includedMinutes: integer('included_minutes'),
  /** Voice plans: the destination category their minutes cover, e.g. "CAN/US/PR/MEX/UK". */
  usageCategory: text('usage_category'),
  /** Voice plans: price of each minute beyond the included ones, in millicents. */
  overageMillicentsPerMinute: integer('overage_millicents_per_minute'),
});

/**
 * Per-minute prices of destination categories no plan includes (e.g. "INTL"): every minute
 * of such a call is charged at this rate.
 */
export const usageRates = sqliteTable('usage_rates', {
  category: text('category').primaryKey(),
  millicentsPerMinute: integer('millicents_per_minute').notNull(),
});

/** One billable thing at an account: a line, seat, number or rental, from start to end date. */
export const subscriptions = sqliteTable(
  'subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The provider's id of the subscription: importing the same row twice updates, never duplicates. */
    externalId: text('external_id').notNull().unique(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    locationId: integer('location_id').references(() => locations.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    quantity: integer('quantity').notNull().default(1),
    startDate: text('start_date').notNull(),
    /** Last day billed (inclusive); null while active. */
    endDate: text('end_date'),
    /** The line, DID or seat it bills, e.g. "4155550142". */
    subscriberNumber: text('subscriber_number'),
    subscriberName: text('subscriber_name'),
  },
  (t) => [index('subscriptions_account_idx').on(t.accountId), index('subscriptions_subscriber_idx').on(t.accountId, t.subscriberNumber)],
);

/** Call detail records. Rated (billed minutes, charge) when their month is billed. */
export const usageRecords = sqliteTable(
  'usage_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The switch's record id: the same record imported twice is stored once. */
    sourceId: text('source_id').notNull().unique(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    subscriberNumber: text('subscriber_number').notNull(),
    startedAt: integer('started_at').notNull(),
    durationSeconds: integer('duration_seconds').notNull(),
    fromNumber: text('from_number').notNull(),
    toNumber: text('to_number').notNull(),
    category: text('category').notNull(),
    /** The import that stored it: its rows are deleted if the import is rejected or dies. */
    importId: integer('import_id'),
    /** Set by the billing run. */
    invoiceId: integer('invoice_id'),
    billedMinutes: integer('billed_minutes'),
    chargeMillicents: integer('charge_millicents'),
    /**
     * `YYYY-MM` of the invoice that carries (or will carry) a call that arrived after its own
     * month was billed; null for every other call, which its start month bills.
     */
    billPeriod: text('bill_period'),
  },
  (t) => [
    // Calls not yet billed, by time (and account): the billing run reads just those, and reports
    // find an account's calls of the open month here. Calls arrive in time order, so an import
    // appends to it.
    index('usage_unbilled_started_idx').on(t.startedAt, t.accountId).where(sql`${t.invoiceId} is null`),
    // Billed calls by account and time, for the reports' cursor and CSV export. Partial, so the
    // import never touches it: an (account, time) index on every call cost the import more than
    // half its speed (10,000 accounts' calls interleave); the billing run fills this one account
    // by account, in order.
    index('usage_billed_account_idx').on(t.accountId, t.startedAt).where(sql`${t.invoiceId} is not null`),
    // The few calls billed on a later month's invoice, so reports find them by that month.
    index('usage_late_idx').on(t.accountId, t.billPeriod).where(sql`${t.billPeriod} is not null`),
  ],
);

/**
 * Usage imports. Rows go straight into usage_records tagged with the import's id while the file
 * streams in; a rejected (or abandoned) import deletes them. One runs at a time, and the billing
 * run waits for none: it refuses to start while one is running.
 */
export const usageImports = sqliteTable('usage_imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  state: text('state', { enum: ['running', 'committed'] }).notNull(),
  /** usage_records ids above this one may belong to the import (ids are never reused). */
  firstRecordAfter: integer('first_record_after').notNull(),
  startedAt: integer('started_at').notNull(),
  /** Refreshed with every batch; a running import silent for long is abandoned. */
  heartbeatAt: integer('heartbeat_at').notNull(),
  finishedAt: integer('finished_at'),
  rows: integer('rows').notNull().default(0),
  inserted: integer('inserted').notNull().default(0),
  duplicates: integer('duplicates').notNull().default(0),
});

/**
 * Minutes called per account, month, line and category: what the usage meter and the reports
 * show without reading the calls. The month is the one whose invoice bills the calls: a call
 * imported after its own month was billed counts in the next open month, as the billing run
 * will bill it. Added to when a usage import commits (duplicates are not counted twice); the
 * billing run rewrites a month's rows from the calls it rated, with their charges.
 */
export const usageTotals = sqliteTable(
  'usage_totals',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** `YYYY-MM`, UTC, of the calls' start. */
    period: text('period').notNull(),
    subscriberNumber: text('subscriber_number').notNull(),
    category: text('category').notNull(),
    /** Billed minutes: each call rounded up to the started minute. */
    minutes: integer('minutes').notNull(),
    calls: integer('calls').notNull(),
    /** The latest call's start (epoch seconds): how far into the month the figures reach. */
    lastCallAt: integer('last_call_at').notNull(),
    /** What the calls were charged, set when the month is billed; null before. */
    chargeMillicents: integer('charge_millicents'),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.period, t.subscriberNumber, t.category] })],
);

/** One invoice per account and billing period. Balances are derived from allocations, never stored. */
export const invoices = sqliteTable(
  'invoices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** Billing period, `YYYY-MM`. */
    period: text('period').notNull(),
    issueDate: text('issue_date').notNull(),
    dueDate: text('due_date').notNull(),
    termsDays: integer('terms_days').notNull(),
    subtotalCents: integer('subtotal_cents').notNull(),
    taxCents: integer('tax_cents').notNull(),
    totalCents: integer('total_cents').notNull(),
    /** `issued` or `void`; open / paid / past due are derived from the balance and the due date. */
    state: text('state', { enum: INVOICE_STATES }).notNull().default('issued'),
    /** When its users were mailed that it is out (services/invoice-notices.ts); null: not yet. */
    notifiedAt: text('notified_at'),
  },
  (t) => [
    uniqueIndex('invoices_account_period_unique').on(t.accountId, t.period),
    index('invoices_account_issue_idx').on(t.accountId, t.issueDate),
    // An account's issued invoices with what its balance and My Account read of them, from the index alone.
    index('invoices_account_state_idx').on(t.accountId, t.state, t.dueDate, t.totalCents),
    // The few invoices whose users have not been mailed yet, found without reading the others.
    index('invoices_to_notify_idx').on(t.id).where(sql`${t.notifiedAt} is null`),
  ],
);

export const invoiceLines = sqliteTable(
  'invoice_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: INVOICE_LINE_KINDS }).notNull(),
    description: text('description').notNull(),
    /** Units billed (lines, seats, minutes); a decimal for prorated months is in the description. */
    quantity: integer('quantity').notNull(),
    /** Price of one unit, in millicents (exact for per-minute rates). */
    unitPriceMillicents: integer('unit_price_millicents').notNull(),
    amountCents: integer('amount_cents').notNull(),
    locationId: integer('location_id').references(() => locations.id),
    subscriptionId: integer('subscription_id').references(() => subscriptions.id),
    /** Usage lines, for reports: the voice plan whose pool it bills (null: a category's usage rate)… */
    productId: integer('product_id').references(() => products.id),
    /** …the destination category, the minutes used, and the plan's included minutes. */
    usageCategory: text('usage_category'),
    usageMinutes: integer('usage_minutes'),
    includedMinutes: integer('included_minutes'),
  },
  (t) => [index('invoice_lines_invoice_idx').on(t.invoiceId, t.position)],
);

/** A closed billing period: running the billing again for it changes nothing. */
export const billingRuns = sqliteTable('billing_runs', {
  period: text('period').primaryKey(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  invoiceCount: integer('invoice_count').notNull().default(0),
  /** The invoices' minor units added up across currencies: a check figure of the run, not an amount (the report sums per currency). */
  totalCents: integer('total_cents').notNull().default(0),
});

/**
 * Money received: card payments through the gateway, and cheques or transfers recorded by the
 * provider. A card payment is written `pending` before the gateway is called and updated with
 * the outcome; `unknown` until a lookup at the gateway settles it; `voided` when the gateway
 * cancelled it before settlement (what it paid is open again). Only the card's brand and last
 * four digits are kept, never its number, expiry or code.
 */
export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    amountCents: integer('amount_cents').notNull(),
    receivedAt: text('received_at').notNull(),
    method: text('method').notNull(),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull(),
    /**
     * Whose key `idempotency_key` is: a client's Idempotency-Key, or the autopay run's own (the
     * due date of the bill it pays). The same key in the same scope on the same account is the
     * same payment; the scopes never meet, so no client key can pass for the run's.
     */
    keyScope: text('key_scope', { enum: ['client', 'autopay'] }).notNull().default('client'),
    idempotencyKey: text('idempotency_key'),
    /** What was asked, to tell a retry from a different request under the same key. */
    requestFingerprint: text('request_fingerprint'),
    /** Our reference sent to the gateway as the invoice number: how an unknown outcome is found. */
    gatewayReference: text('gateway_reference'),
    gatewayTransactionId: text('gateway_transaction_id'),
    cardBrand: text('card_brand'),
    cardLast4: text('card_last4'),
    resultCode: text('result_code'),
    resultMessage: text('result_message'),
    userId: text('user_id'),
    updatedAt: text('updated_at'),
    /**
     * The process (its lease in `process_leases`) charging or settling the payment while it is
     * pending or unknown: nobody else touches it while that process lives.
     */
    ownerId: text('owner_id'),
  },
  (t) => [
    // Newest first (payment history, the last autopay's outcome) without reading every payment.
    index('payments_account_received_idx').on(t.accountId, t.receivedAt),
    // The balance's sum of approved payments from the index alone.
    index('payments_account_status_idx').on(t.accountId, t.status, t.amountCents),
    uniqueIndex('payments_account_idempotency_unique').on(t.accountId, t.keyScope, t.idempotencyKey),
  ],
);

/**
 * The processes that charge cards (the server, a CLI autopay run), each renewing its lease while
 * it lives. Once a process is gone (its lease not renewed in time, or its pid dead on this host),
 * another takes over the payments it left waiting on the gateway.
 */
/**
 * Mail not yet handed to SMTP (or to the outbox folder): written in the transaction of what it
 * tells (a payment, an invoice), so a crash or an SMTP outage loses none. server/mail/mailer.ts
 * sends it, deletes it once sent, and tries again later when sending fails.
 */
export const mailQueue = sqliteTable(
  'mail_queue',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The message (server/mail/mailer.ts MailMessage) as JSON; only its address and subject once given up. */
    message: text('message').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Epoch milliseconds from which it is sent (again). */
    dueAt: integer('due_at').notNull(),
    /** Epoch milliseconds until which a process sending it holds it: others leave it alone. */
    claimedUntil: integer('claimed_until'),
    lastError: text('last_error'),
    /** Epoch milliseconds when it was given up, after the last attempt failed. */
    failedAt: integer('failed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('mail_queue_due_idx').on(t.dueAt).where(sql`${t.failedAt} is null`)],
);

export const processLeases = sqliteTable('process_leases', {
  id: text('id').primaryKey(),
  pid: integer('pid').notNull(),
  host: text('host').notNull(),
  startedAt: text('started_at').notNull(),
  /** Epoch milliseconds of the last renewal. */
  renewedAt: integer('renewed_at').notNull(),
});

/**
 * Money given back on a card payment (a refund made at the gateway, e.g. in its Merchant
 * Interface), as its own ledger entry: it takes back what the payment paid (negative
 * allocations), so those invoices are open again. A refund the gateway voided before settling
 * it gets `voided_at`, and the money it took back pays again.
 */
export const paymentRefunds = sqliteTable(
  'payment_refunds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    paymentId: integer('payment_id')
      .notNull()
      .references(() => payments.id),
    amountCents: integer('amount_cents').notNull(),
    refundedAt: text('refunded_at').notNull(),
    /** The refund's own transaction at the gateway: a refund is recorded once however often it is told of. */
    gatewayTransactionId: text('gateway_transaction_id').notNull().unique(),
    voidedAt: text('voided_at'),
  },
  (t) => [index('payment_refunds_payment_idx').on(t.paymentId)],
);

/**
 * How much of a payment went to which invoice. An invoice's balance is its total minus these.
 * Rows are only added: money taken back (by a refund, `refund_id`, or because the payment was
 * voided) is a negative row.
 */
export const paymentAllocations = sqliteTable(
  'payment_allocations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    paymentId: integer('payment_id')
      .notNull()
      .references(() => payments.id),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    amountCents: integer('amount_cents').notNull(),
    refundId: integer('refund_id').references(() => paymentRefunds.id),
  },
  // With the amount: an invoice's balance (INVOICE_BALANCE_SQL) is summed from the index alone.
  (t) => [index('payment_allocations_invoice_idx').on(t.invoiceId, t.amountCents), index('payment_allocations_payment_idx').on(t.paymentId)],
);

/** The account's customer profile at the card gateway (Authorize.Net CIM): its saved cards live there, not here. */
export const gatewayCustomers = sqliteTable('gateway_customers', {
  accountId: integer('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  customerProfileId: text('customer_profile_id').notNull(),
  createdAt: text('created_at').notNull(),
});

/**
 * The card an account pays by automatically: the gateway's payment profile id and what the
 * customer needs to recognise the card. Never the number, expiry day or security code.
 */
export const autopayMethods = sqliteTable('autopay_methods', {
  accountId: integer('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  paymentProfileId: text('payment_profile_id').notNull(),
  cardBrand: text('card_brand').notNull(),
  cardLast4: text('card_last4').notNull(),
  expMonth: integer('exp_month'),
  expYear: integer('exp_year'),
  /** The user who signed up: receipts and failure notices go to them. */
  enrolledBy: text('enrolled_by'),
  enrolledAt: text('enrolled_at').notNull(),
  /** The payment whose card was saved, when signed up while paying: a retried request saves it once. */
  sourcePaymentId: integer('source_payment_id'),
});

/** Gateway notifications received: each is applied once, however often it is delivered. */
export const webhookNotifications = sqliteTable('webhook_notifications', {
  notificationId: text('notification_id').primaryKey(),
  eventType: text('event_type').notNull(),
  receivedAt: text('received_at').notNull(),
  /** What applying it did, e.g. "payment 12 approved". */
  result: text('result'),
});

// ---------------------------------------------------------------------------------------------
// Tickets: conversations between an account's users and the provider's staff. Times are ISO
// 8601 text (they sort as text). Attachment files live in ATTACHMENTS_DIR, not in the database.
// ---------------------------------------------------------------------------------------------

/** A ticket; its id is the ticket number customers see. */
export const tickets = sqliteTable(
  'tickets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    service: text('service', { enum: TICKET_SERVICES }).notNull(),
    /** The line, seat or number the ticket is about (the guide's Subscriber # and name). */
    subscriptionId: integer('subscription_id').references(() => subscriptions.id, { onDelete: 'set null' }),
    /** "Question about this charge": the invoice and the position of its line. */
    invoiceId: integer('invoice_id').references(() => invoices.id, { onDelete: 'set null' }),
    invoiceLinePosition: integer('invoice_line_position'),
    status: text('status', { enum: TICKET_STATUSES }).notNull().default('open'),
    assigneeId: text('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull(),
    lastActivityAt: text('last_activity_at').notNull(),
    /** Since when the customer waits for the provider's answer; null when nobody waits on staff. */
    waitingSince: text('waiting_since'),
    /** The newest message of each side (staff: not counting internal notes): what "unread" compares with. */
    lastCustomerMessageId: integer('last_customer_message_id').notNull().default(0),
    lastStaffMessageId: integer('last_staff_message_id').notNull().default(0),
  },
  (t) => [
    // An account's list, newest activity first.
    index('tickets_account_activity_idx').on(t.accountId, t.lastActivityAt, t.id),
    // The staff queue, longest waiting first and then newest activity, over all tickets or one status.
    index('tickets_queue_idx').on(sql`(${t.waitingSince} is null)`, t.waitingSince, sql`${t.lastActivityAt} desc`, sql`${t.id} desc`),
    index('tickets_status_queue_idx').on(t.status, sql`(${t.waitingSince} is null)`, t.waitingSince, sql`${t.lastActivityAt} desc`, sql`${t.id} desc`),
    index('tickets_activity_idx').on(t.lastActivityAt, t.id),
    // An account's count of tickets with a staff reply a customer has not read.
    index('tickets_account_unread_idx').on(t.accountId, t.lastStaffMessageId),
  ],
);

/** A message of a ticket. Internal notes are staff's only: no customer route ever returns them. */
export const ticketMessages = sqliteTable(
  'ticket_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** The author's name when it was written (users may be renamed or removed). */
    authorName: text('author_name').notNull(),
    side: text('side', { enum: TICKET_SIDES }).notNull(),
    internal: integer('internal', { mode: 'boolean' }).notNull().default(false),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('ticket_messages_ticket_idx').on(t.ticketId, t.id)],
);

/**
 * A file attached to a message: `storedName` is its file in ATTACHMENTS_DIR. Written there under
 * `<storedName>.part` first and renamed once the message has committed.
 */
export const ticketAttachments = sqliteTable(
  'ticket_attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    messageId: integer('message_id')
      .notNull()
      .references(() => ticketMessages.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    /** The type its content was found to be (never the one the browser claimed). */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    storedName: text('stored_name').notNull().unique(),
  },
  (t) => [index('ticket_attachments_message_idx').on(t.messageId)],
);

/** How far each user has read each ticket: replies from the other side after it are unread. */
export const ticketReads = sqliteTable(
  'ticket_reads',
  {
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadMessageId: integer('last_read_message_id').notNull(),
  },
  // The second index covers the unread count: each of a user's tickets in one index lookup.
  (t) => [primaryKey({ columns: [t.ticketId, t.userId] }), index('ticket_reads_user_idx').on(t.userId, t.ticketId, t.lastReadMessageId)],
);
