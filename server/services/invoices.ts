import type { Db } from '../db/client.ts';
import type { Account } from '../db/schema.ts';
import { INVOICE_STATUSES, type InvoiceLineKind, type InvoiceStatus } from '../db/enums.ts';
import { INVOICE_BALANCE_SQL } from './ledger.ts';

/**
 * An account's invoices as its customers see them. Balance and status are derived, never
 * stored: balance = total − payments allocated to the invoice; status = paid when nothing is
 * left, past due once the due date has passed, open before.
 */

export interface InvoiceSummary {
  id: number;
  number: string;
  period: string;
  date: string;
  dueDate: string;
  accountNumber: string;
  accountName: string;
  total: number;
  balance: number;
  status: InvoiceStatus;
}

export interface InvoicePage {
  invoices: InvoiceSummary[];
  page: number;
  pageSize: number;
  /** Invoices matching the filters, over all pages. */
  total: number;
  /** Years that have invoices (newest first), for a year filter. */
  years: number[];
  /** The account's currency: amounts are in its minor units. */
  currency: string;
}

// `@today`: an unpaid invoice is past due the day after its due date.
const statusSql = `case when i.state = 'void' then 'void' when (${INVOICE_BALANCE_SQL}) <= 0 then 'paid' when i.due_date < @today then 'past_due' else 'open' end`;

const summaryColumns = `i.id, i.number, i.period, i.issue_date as date, i.due_date as dueDate, a.number as accountNumber, a.name as accountName,
  i.total_cents as total, ${INVOICE_BALANCE_SQL} as balance, ${statusSql} as status`;

export interface InvoiceFilter {
  status?: (typeof INVOICE_STATUSES)[number] | undefined;
  year?: number | undefined;
  page: number;
  pageSize: number;
}

/** One page of the account's invoices, newest first. */
export function listInvoices(db: Db, account: Account, filter: InvoiceFilter, today: string): InvoicePage {
  const sqlite = db.$client;
  let query = `select ${summaryColumns} from invoices i join accounts a on a.id = i.account_id where i.account_id = @account`;
  if (filter.year !== undefined) query += ' and i.issue_date >= @from and i.issue_date < @until';
  query = `select * from (${query})${filter.status ? ' where status = @status' : ''}`;
  const params = { today, account: account.id, status: filter.status ?? null, from: `${filter.year}-01-01`, until: `${(filter.year ?? 0) + 1}-01-01` };
  const total = sqlite.prepare(`select count(*) from (${query})`).pluck().get(params) as number;
  const invoices = sqlite
    .prepare(`${query} order by date desc, id desc limit @limit offset @offset`)
    .all({ ...params, limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize }) as InvoiceSummary[];
  const years = sqlite
    .prepare("select distinct cast(substr(issue_date, 1, 4) as integer) from invoices where account_id = ? order by 1 desc")
    .pluck()
    .all(account.id) as number[];
  return { invoices, page: filter.page, pageSize: filter.pageSize, total, years, currency: account.currency };
}

export interface InvoiceLocation {
  id: number;
  name: string;
  address: string;
}

export interface InvoiceLine {
  position: number;
  kind: InvoiceLineKind;
  description: string;
  quantity: number;
  /** Price of one unit in millicents (1/1000 cent), exact for per-minute rates. */
  unitPriceMillicents: number;
  amount: number;
  location: InvoiceLocation | null;
  subscriptionId: number | null;
}

export interface InvoiceDetail extends InvoiceSummary {
  termsDays: number;
  subtotal: number;
  tax: number;
  paid: number;
  currency: string;
  billingAddress: { line1: string; line2: string | null; city: string; region: string; postalCode: string; country: string };
  lines: InvoiceLine[];
  payments: { date: string; amount: number; method: string }[];
}

/** One invoice of the account with its lines, or null when the account has no such invoice. */
export function findInvoice(db: Db, account: Account, invoiceId: number, today: string): InvoiceDetail | null {
  const sqlite = db.$client;
  const summary = sqlite
    .prepare(`select ${summaryColumns}, i.terms_days as termsDays, i.subtotal_cents as subtotal, i.tax_cents as tax
              from invoices i join accounts a on a.id = i.account_id where i.id = @invoice and i.account_id = @account`)
    .get({ today, invoice: invoiceId, account: account.id }) as (InvoiceSummary & { termsDays: number; subtotal: number; tax: number }) | undefined;
  if (!summary) return null;
  const lines = (
    sqlite
      .prepare(
        `select l.position, l.kind, l.description, l.quantity, l.unit_price_millicents as unitPriceMillicents, l.amount_cents as amount,
                l.subscription_id as subscriptionId, loc.id as locationId, loc.name as locationName,
                loc.address_line1 || ', ' || loc.city || ', ' || loc.region || ' ' || loc.postal_code as locationAddress
         from invoice_lines l left join locations loc on loc.id = l.location_id where l.invoice_id = ? order by l.position`,
      )
      .all(invoiceId) as (Omit<InvoiceLine, 'location'> & { locationId: number | null; locationName: string | null; locationAddress: string | null })[]
  ).map(({ locationId, locationName, locationAddress, ...line }) => ({
    ...line,
    location: locationId === null ? null : { id: locationId, name: locationName!, address: locationAddress! },
  }));
  const payments = sqlite
    .prepare(
      `select p.received_at as date, sum(pa.amount_cents) as amount, p.method from payment_allocations pa join payments p on p.id = pa.payment_id
       where pa.invoice_id = ? group by p.id having amount > 0 order by p.received_at, p.id`,
    )
    .all(invoiceId) as { date: string; amount: number; method: string }[];
  return {
    ...summary,
    paid: summary.total - summary.balance,
    currency: account.currency,
    billingAddress: { line1: account.addressLine1, line2: account.addressLine2, city: account.city, region: account.region, postalCode: account.postalCode, country: account.country },
    lines,
    payments,
  };
}
