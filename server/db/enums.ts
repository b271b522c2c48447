/**
 * The enumerations of the data model, each defined once: the schema stores them, the services
 * compute with them, the API contracts (`server/api/*\/routes.ts`) publish them. Plain constants
 * with no imports, because the contracts also run in the browser (the fake API of stories).
 */

export const USER_ROLES = ['customer', 'staff'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The languages of the portal, its PDFs and its mails (English first: the default). */
export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const PRODUCT_TYPES = ['plan', 'addon'] as const;

/** What an invoice line bills; the PDF groups its lines by these. */
export const INVOICE_LINE_KINDS = ['recurring', 'usage', 'tax', 'adjustment', 'late_fee'] as const;
export type InvoiceLineKind = (typeof INVOICE_LINE_KINDS)[number];

/** Stored: an invoice is issued, or void. */
export const INVOICE_STATES = ['issued', 'void'] as const;

/** Derived from an issued invoice's balance and due date (never stored); the invoice list filters by these. */
export const INVOICE_STATUSES = ['open', 'paid', 'past_due'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number] | 'void';

/**
 * A payment's outcome. `pending`: written before the gateway is called; `held`: taken, under
 * review by the processor; `unknown`: the gateway did not answer in time and is asked again.
 */
export const PAYMENT_STATUSES = ['pending', 'approved', 'declined', 'held', 'error', 'unknown', 'voided'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** The kinds of CSV file the provider imports, in the order they are loaded (each refers to the ones before). */
export const IMPORT_KIND_NAMES = ['accounts', 'locations', 'products', 'usage-rates', 'subscriptions', 'usage'] as const;

/**
 * Where a ticket stands. `pending_customer`: the provider waits for the customer's answer;
 * `resolved`: the provider considers it done (a customer reply reopens it); `closed`: done.
 */
export const TICKET_STATUSES = ['open', 'pending_customer', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** What a ticket is about (the guide's Service column). */
export const TICKET_SERVICES = ['billing', 'trouble', 'account-change', 'hardware', 'other'] as const;
export type TicketService = (typeof TICKET_SERVICES)[number];

/** Who wrote a ticket message: the account's side or the provider's. */
export const TICKET_SIDES = ['customer', 'staff'] as const;
export type TicketSide = (typeof TICKET_SIDES)[number];
