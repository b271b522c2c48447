import { call } from '../api/client.ts';
import type { QueuePage, TicketDetail, TicketPage, TicketService, TicketStatus, TicketSubscriber } from '../api/types.ts';
import type { Resource } from './account-store.ts';

/**
 * Tickets: every ticket write (components/tickets/ticket-api.ts) answers with the ticket's new
 * state, which the store keeps as that ticket, and changes the lists, the queue and the counts.
 * Opening a ticket is a write too: the server marks it read, so the unread marks and counts change.
 */

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
