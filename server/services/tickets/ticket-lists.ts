import type { SessionUser } from '../../auth/sessions.ts';
import type { Db } from '../../db/client.ts';
import type { TicketService, TicketStatus } from '../../db/enums.ts';
import type { Account } from '../../db/schema.ts';
import { prepared } from '../../db/prepared.ts';
import { sideOf } from './ticket-detail.ts';

/** The statement of this SQL, prepared once per database (the lists have a few shapes, each reused). */
const statement = (db: Db, sql: string) => prepared(db, `tickets:${sql}`, () => db.$client.prepare(sql));

/**
 * The ticket lists: an account's (newest activity first) and the staff queue over every account
 * (longest waiting first). Both are measured hot paths (`npm run bench -- tickets`), so they are
 * SQL written for their indexes (tickets_account_activity_idx, tickets_queue_idx,
 * tickets_status_queue_idx): the ORDER BY terms must stay exactly those of the index.
 */

export interface TicketListing {
  number: number;
  status: TicketStatus;
  service: TicketService;
  subscriberNumber: string | null;
  subscriberName: string | null;
  subject: string;
  createdAt: string;
  lastActivityAt: string;
  /** The other side wrote since this user last opened the ticket. */
  unread: boolean;
}

export interface QueueListing extends TicketListing {
  accountNumber: string;
  accountName: string;
  waitingSince: string | null;
  assignee: { id: string; name: string } | null;
}

interface Paging {
  page: number;
  pageSize: number;
}

/**
 * Unread for the viewer: the newest message of the other side is past what they have read. `r`
 * is the viewer's ticket_reads row; staff compare with the customer's messages, customers with
 * the staff's (not counting internal notes).
 */
const unreadSql = (viewer: SessionUser) =>
  `(t.${sideOf(viewer) === 'staff' ? 'last_customer_message_id' : 'last_staff_message_id'} > coalesce(r.last_read_message_id, 0))`;

const listingColumns = (viewer: SessionUser) => `t.id as number, t.status, t.service, s.subscriber_number as subscriberNumber, s.subscriber_name as subscriberName,
  t.subject, t.created_at as createdAt, t.last_activity_at as lastActivityAt, ${unreadSql(viewer)} as unread`;

const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export interface TicketFilter extends Paging {
  status?: TicketStatus | undefined;
  /** Words of the subject, or a ticket number. */
  q?: string | undefined;
}

/** One page of an account's tickets, newest activity first, and how many are unread. */
export function listTickets(db: Db, account: Account, viewer: SessionUser, filter: TicketFilter) {
  const term = filter.q?.trim() ?? '';
  const where = [
    't.account_id = @account',
    filter.status ? 't.status = @status' : '',
    term ? `(t.subject like @pattern escape '\\' or t.id = @number)` : '',
  ].filter(Boolean);
  const params = {
    account: account.id,
    user: viewer.id,
    status: filter.status ?? null,
    pattern: likePattern(term),
    number: /^\d{1,15}$/.test(term) ? Number(term) : -1,
  };
  const whereSql = `where ${where.join(' and ')}`;
  const total = statement(db, `select count(*) from tickets t ${whereSql}`).pluck().get(params) as number;
  const rows = statement(
      db,
      `select ${listingColumns(viewer)} from (select t.* from tickets t ${whereSql} order by t.last_activity_at desc, t.id desc limit @limit offset @offset) t
       left join subscriptions s on s.id = t.subscription_id
       left join ticket_reads r on r.ticket_id = t.id and r.user_id = @user
       order by t.last_activity_at desc, t.id desc`,
    ).all({ ...params, limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize }) as (Omit<TicketListing, 'unread'> & { unread: number })[];
  const unreadCount = statement(
    db,
    `select count(*) from tickets t left join ticket_reads r on r.ticket_id = t.id and r.user_id = @user where t.account_id = @account and ${unreadSql(viewer)}`,
  )
    .pluck()
    .get(params) as number;
  return {
    tickets: rows.map((r) => ({ ...r, unread: Boolean(r.unread) })),
    page: filter.page,
    pageSize: filter.pageSize,
    total,
    unreadCount,
  };
}

export interface QueueFilter extends Paging {
  status?: TicketStatus | undefined;
  service?: TicketService | undefined;
  /** An account number. */
  account?: string | undefined;
  /** `me`: assigned to the viewer; `none`: to nobody. */
  assignee?: 'me' | 'none' | undefined;
  /** `waiting`: longest waiting for an answer first, then newest activity; `activity`: newest activity first. */
  sort: 'waiting' | 'activity';
}

const QUEUE_ORDER = {
  waiting: '(t.waiting_since is null), t.waiting_since, t.last_activity_at desc, t.id desc',
  activity: 't.last_activity_at desc, t.id desc',
};

/** One page of the staff queue over every account, and how many tickets wait for an answer. */
export function ticketQueue(db: Db, viewer: SessionUser, filter: QueueFilter) {
  const where = [
    filter.status ? 't.status = @status' : '',
    filter.service ? 't.service = @service' : '',
    filter.account ? 't.account_id = (select id from accounts where number = @account)' : '',
    filter.assignee === 'me' ? 't.assignee_id = @user' : filter.assignee === 'none' ? 't.assignee_id is null' : '',
  ].filter(Boolean);
  const whereSql = where.length ? `where ${where.join(' and ')}` : '';
  const params = { status: filter.status ?? null, service: filter.service ?? null, account: filter.account?.toUpperCase() ?? null, user: viewer.id };
  const order = QUEUE_ORDER[filter.sort];
  const total = statement(db, `select count(*) from tickets t ${whereSql}`).pluck().get(params) as number;
  const rows = statement(
      db,
      `select ${listingColumns(viewer)}, a.number as accountNumber, a.name as accountName, t.waiting_since as waitingSince,
         u.id as assigneeId, u.name as assigneeName
       from (select t.* from tickets t ${whereSql} order by ${order} limit @limit offset @offset) t
       join accounts a on a.id = t.account_id
       left join subscriptions s on s.id = t.subscription_id
       left join users u on u.id = t.assignee_id
       left join ticket_reads r on r.ticket_id = t.id and r.user_id = @user
       order by ${order}`,
    ).all({ ...params, limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize }) as (Omit<QueueListing, 'unread' | 'assignee'> & {
    unread: number;
    assigneeId: string | null;
    assigneeName: string | null;
  })[];
  const waiting = statement(db, 'select count(*) from tickets t where (t.waiting_since is null) = 0').pluck().get() as number;
  return {
    tickets: rows.map(({ assigneeId, assigneeName, unread, ...r }) => ({
      ...r,
      unread: Boolean(unread),
      assignee: assigneeId ? { id: assigneeId, name: assigneeName ?? '' } : null,
    })),
    page: filter.page,
    pageSize: filter.pageSize,
    total,
    waiting,
  };
}
