import { msg } from '@lit/localize';
import { call } from '../api/client.ts';
import type {
  AccountDetails,
  AccountSummaryData,
  InvoiceDetail,
  InvoicePage,
  PaymentList,
  QueuePage,
  ReportData,
  ReportName,
  ServicesData,
  SubAccountsData,
  TicketDetail,
  TicketPage,
  TicketService,
  TicketStatus,
  TicketSubscriber,
} from '../api/types.ts';
import type { Resource } from './account-store.ts';

/**
 * The account data the widgets show, one resource each: a name, what loads it, and which
 * writes change it. To add one: copy one below, name the writes
 * that change it (add a new kind to `Write` for a new write), read it in the widget with
 * `store.read(resource, number, query, signal)`, and send the write through `store.write(kind, …)`.
 *
 * The account's autopay card has no resource of its own: it is the summary's `paymentMethod`,
 * so the summary is what an autopay change invalidates.
 *
 * Tickets: every ticket write (components/tickets/ticket-api.ts) answers with the ticket's new
 * state, which the store keeps as that ticket, and changes the lists, the queue and the counts.
 * Opening a ticket is a write too: the server marks it read, so the unread marks and counts change.
 */

/** Account Information and the list of sub-accounts: no write of the portal changes them. */
export const account: Resource<AccountDetails> = {
  name: 'account',
  invalidatedBy: [],
  load: (client, number, _query, signal) => call(client.api.v1.accounts[':number'].$get({ param: { number } }, { init: { signal } })),
};

/** My Account: balance, amounts due, the payment method (autopay), usage. */
export const summary: Resource<AccountSummaryData> = {
  name: 'summary',
  invalidatedBy: ['payment', 'autopay'],
  load: (client, number, _query, signal) => call(client.api.v1.accounts[':number'].summary.$get({ param: { number } }, { init: { signal } })),
};

export interface InvoiceQuery {
  status?: 'open' | 'paid' | 'past_due' | undefined;
  year?: string | undefined;
  page: number;
  pageSize: number;
}

/** A page of the invoice list: a payment changes balances and statuses. */
export const invoices: Resource<InvoicePage, InvoiceQuery> = {
  name: 'invoices',
  invalidatedBy: ['payment'],
  queryKey: (q) => `${q.status ?? ''}|${q.year ?? ''}|${q.page}|${q.pageSize}`,
  load: (client, number, q, signal) => {
    const query: Record<string, string> = { page: String(q.page), pageSize: String(q.pageSize) };
    if (q.status) query.status = q.status;
    if (q.year) query.year = q.year;
    return call(client.api.v1.accounts[':number'].invoices.$get({ param: { number }, query }, { init: { signal } }));
  },
};

/** One invoice's lines, totals and the payments applied to it. */
export const invoice: Resource<InvoiceDetail, { id: number }> = {
  name: 'invoice',
  invalidatedBy: ['payment'],
  queryKey: (q) => String(q.id),
  load: (client, number, q, signal) => call(client.api.v1.accounts[':number'].invoices[':id'].$get({ param: { number, id: String(q.id) } }, { init: { signal } })),
};

/** Payment History: every payment attempt, declined ones too. */
export const payments: Resource<PaymentList> = {
  name: 'payments',
  invalidatedBy: ['payment'],
  load: (client, number, _query, signal) => call(client.api.v1.accounts[':number'].payments.$get({ param: { number } }, { init: { signal } })),
};

/**
 * Which report and what of it: the period, with the sub-accounts or not; Usage Details also a
 * page (where the page before ended) and its filters.
 */
export interface ReportQuery {
  report: ReportName;
  from: string;
  to: string;
  rollup: boolean;
  limit?: number | undefined;
  cursor?: string | undefined;
  subscriber?: string | undefined;
  category?: string | undefined;
  q?: string | undefined;
}

/** The report's query as the API takes it (a download adds `format=csv`). */
export function reportParams(q: Omit<ReportQuery, 'report'>): Record<string, string> {
  const params: Record<string, string> = { from: q.from, to: q.to };
  if (q.rollup) params.rollup = 'true';
  if (q.limit !== undefined) params.limit = String(q.limit);
  for (const key of ['cursor', 'subscriber', 'category', 'q'] as const) if (q[key]) params[key] = q[key];
  return params;
}

/**
 * A report, per name, period, rollup, page and filters. No write of the portal changes one: its
 * figures are what the invoices billed and the calls, and a payment changes what is owed on the
 * invoices, never their totals or lines. New calls and a month's billing come from the provider:
 * `refresh()` reads them.
 */
export const report: Resource<ReportData, ReportQuery> = {
  name: 'report',
  invalidatedBy: [],
  queryKey: (q) => JSON.stringify([q.report, q.from, q.to, q.rollup, q.limit, q.cursor, q.subscriber, q.category, q.q]),
  load: async (client, number, { report: name, ...q }, signal) => {
    const body = await call(client.api.v1.accounts[':number'].reports[':report'].$get({ param: { number, report: name }, query: reportParams(q) }, { init: { signal } }));
    // The route also answers CSV; asked without `format`, it answers JSON.
    if (typeof body !== 'object' || body === null || !('report' in body)) throw new Error(msg('The report came back in a form this page cannot show. Please try again.'));
    return body as ReportData;
  },
};

/** Services per (ended subscriptions too, with the sub-accounts): no write of the portal changes subscriptions. */
export const services: Resource<ServicesData, { ended: boolean; rollup: boolean }> = {
  name: 'services',
  invalidatedBy: [],
  queryKey: (q) => `${q.ended}|${q.rollup}`,
  load: (client, number, q, signal) => {
    const query = { ...(q.ended ? { ended: 'true' as const } : {}), ...(q.rollup ? { rollup: 'true' as const } : {}) };
    return call(client.api.v1.accounts[':number'].services.$get({ param: { number }, query }, { init: { signal } }));
  },
};

/**
 * A head office's Sub Accounts, each with its balance and what is past due: a payment on a
 * location changes them (a write reaches the head office of the account paid for). A payment of
 * the head office itself reads them again too, though it pays only the head office's invoices.
 */
export const subAccounts: Resource<SubAccountsData> = {
  name: 'sub-accounts',
  invalidatedBy: ['payment'],
  load: (client, number, _query, signal) => call(client.api.v1.accounts[':number']['sub-accounts'].$get({ param: { number } }, { init: { signal } })),
};

/** Filters and page of an account's ticket list. */
export interface TicketQuery {
  status?: TicketStatus | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** A page of the account's tickets: any ticket write changes their order, statuses and unread marks. */
export const tickets: Resource<TicketPage, TicketQuery> = {
  name: 'tickets',
  invalidatedBy: ['ticket'],
  queryKey: (q) => `${q.status ?? ''}|${q.q ?? ''}|${q.page}|${q.pageSize}`,
  load: (client, number, q, signal) => {
    const query: Record<string, string> = { page: String(q.page), pageSize: String(q.pageSize) };
    if (q.status) query.status = q.status;
    if (q.q) query.q = q.q;
    return call(client.api.v1.accounts[':number'].tickets.$get({ param: { number }, query }, { init: { signal } }));
  },
};

/** The navigation's count: the account's tickets with a reply the user has not read. */
export const unreadTickets: Resource<number> = {
  name: 'unread-tickets',
  invalidatedBy: ['ticket'],
  load: async (client, number, _query, signal) =>
    (await call(client.api.v1.accounts[':number'].tickets.$get({ param: { number }, query: { pageSize: '1' } }, { init: { signal } }))).unreadCount,
};

export interface TicketNumber {
  ticketNumber: number;
}

/**
 * One ticket with its conversation, as the account's users see it. Loading it marks it read, so
 * it is a ticket write; no write makes it be read again, as each answers with its new state.
 */
export const ticket: Resource<TicketDetail, TicketNumber> = {
  name: 'ticket',
  invalidatedBy: [],
  loadWrites: 'ticket',
  queryKey: (q) => String(q.ticketNumber),
  load: (client, number, q, signal) =>
    call(client.api.v1.accounts[':number'].tickets[':ticketNumber'].$get({ param: { number, ticketNumber: String(q.ticketNumber) } }, { init: { signal } })),
};

/** A ticket as the staff see it (internal notes too), by its number alone (read with the number `''`). */
export const staffTicket: Resource<TicketDetail, TicketNumber> = {
  name: 'staff-ticket',
  acrossAccounts: true,
  invalidatedBy: [],
  loadWrites: 'ticket',
  queryKey: (q) => String(q.ticketNumber),
  load: (client, _number, q, signal) => call(client.api.v1.tickets[':ticketNumber'].$get({ param: { ticketNumber: String(q.ticketNumber) } }, { init: { signal } })),
};

/** What a new ticket may be about: no write of the portal changes the account's subscriptions. */
export const ticketSubscribers: Resource<TicketSubscriber[]> = {
  name: 'ticket-subscribers',
  invalidatedBy: [],
  load: async (client, number, _query, signal) =>
    (await call(client.api.v1.accounts[':number']['ticket-subscribers'].$get({ param: { number } }, { init: { signal } }))).subscribers,
};

/** Filters, sort and page of the staff's queue. */
export interface QueueQuery {
  status?: TicketStatus | undefined;
  service?: TicketService | undefined;
  account?: string | undefined;
  assignee?: 'me' | 'none' | undefined;
  sort: 'waiting' | 'activity';
  page: number;
  pageSize: number;
}

/** Staff: a page of every account's tickets (read with the number `''`). */
export const ticketQueue: Resource<QueuePage, QueueQuery> = {
  name: 'ticket-queue',
  acrossAccounts: true,
  invalidatedBy: ['ticket'],
  queryKey: (q) => [q.status, q.service, q.account, q.assignee, q.sort, q.page, q.pageSize].map((v) => v ?? '').join('|'),
  load: (client, _number, q, signal) => {
    const query: Record<string, string> = { page: String(q.page), pageSize: String(q.pageSize), sort: q.sort };
    if (q.status) query.status = q.status;
    if (q.service) query.service = q.service;
    if (q.account) query.account = q.account;
    if (q.assignee) query.assignee = q.assignee;
    return call(client.api.v1.tickets.$get({ query }, { init: { signal } }));
  },
};

/** Staff: the navigation's count of tickets of every account waiting for an answer (read with the number `''`). */
export const waitingTickets: Resource<number> = {
  name: 'waiting-tickets',
  acrossAccounts: true,
  invalidatedBy: ['ticket'],
  load: async (client, _number, _query, signal) => (await call(client.api.v1.tickets.$get({ query: { pageSize: '1' } }, { init: { signal } }))).waiting,
};
