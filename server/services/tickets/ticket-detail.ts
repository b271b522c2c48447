import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { SessionUser } from '../../auth/sessions.ts';
import type { Db } from '../../db/client.ts';
import type { TicketService, TicketSide, TicketStatus } from '../../db/enums.ts';
import { accounts, invoiceLines, invoices, products, subscriptions, ticketAttachments, ticketMessages, ticketReads, tickets, users, type Account } from '../../db/schema.ts';
import { NotFoundError } from '../errors.ts';

/**
 * Which tickets a caller reaches and what of them they see. The account routes see one account's
 * tickets as its customers do (never an internal note, even when staff call them); the staff
 * routes see every ticket, notes included.
 */
export type TicketScope = { account: Account; staffView: false } | { account: null; staffView: true };

/** Anything that runs queries: the database or a transaction. */
export type Queryable = Pick<Db, 'select' | 'insert' | 'update'>;

/** The side a user writes for: staff answer for the provider, everyone else for their account. */
export const sideOf = (user: Pick<SessionUser, 'role'>): TicketSide => (user.role === 'staff' ? 'staff' : 'customer');

/** The ticket with this number if the scope reaches it; otherwise 404, exactly as if it did not exist. */
export function findTicket(db: Queryable, scope: TicketScope, number: number) {
  const row = db
    .select()
    .from(tickets)
    .where(and(eq(tickets.id, number), scope.account ? eq(tickets.accountId, scope.account.id) : undefined))
    .get();
  if (!row) throw new NotFoundError('The ticket');
  return row;
}

export type TicketRow = ReturnType<typeof findTicket>;

/** Records that `userId` has read the ticket up to `messageId` (never moving back). */
export function markRead(db: Queryable, ticketId: number, userId: string, messageId: number): void {
  db.insert(ticketReads)
    .values({ ticketId, userId, lastReadMessageId: messageId })
    .onConflictDoUpdate({
      target: [ticketReads.ticketId, ticketReads.userId],
      set: { lastReadMessageId: sql`max(${ticketReads.lastReadMessageId}, excluded.last_read_message_id)` },
    })
    .run();
}

export interface TicketAttachmentView {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
}

export interface TicketMessageView {
  id: number;
  author: { name: string; side: TicketSide };
  internal: boolean;
  body: string;
  createdAt: string;
  attachments: TicketAttachmentView[];
}

export interface TicketDetail {
  number: number;
  accountNumber: string;
  accountName: string;
  status: TicketStatus;
  service: TicketService;
  subject: string;
  subscription: { id: number; subscriberNumber: string | null; subscriberName: string | null; product: string } | null;
  invoice: { id: number; number: string; currency: string; line: { position: number; description: string; amount: number } | null } | null;
  assignee: { id: string; name: string } | null;
  createdAt: string;
  lastActivityAt: string;
  waitingSince: string | null;
  messages: TicketMessageView[];
}

const assignee = alias(users, 'assignee');

/**
 * A ticket with its conversation, as the scope sees it (internal notes for staff only), marked
 * read for the viewer when `markAsRead`.
 */
export function ticketDetail(db: Db, scope: TicketScope, number: number, viewer: SessionUser, markAsRead = true): TicketDetail {
  const ticket = findTicket(db, scope, number);
  const row = db
    .select({
      accountNumber: accounts.number,
      accountName: accounts.name,
      currency: accounts.currency,
      subscriberNumber: subscriptions.subscriberNumber,
      subscriberName: subscriptions.subscriberName,
      product: products.name,
      invoiceNumber: invoices.number,
      lineDescription: invoiceLines.description,
      lineAmount: invoiceLines.amountCents,
      assigneeName: assignee.name,
    })
    .from(tickets)
    .innerJoin(accounts, eq(accounts.id, tickets.accountId))
    .leftJoin(subscriptions, eq(subscriptions.id, tickets.subscriptionId))
    .leftJoin(products, eq(products.id, subscriptions.productId))
    .leftJoin(invoices, eq(invoices.id, tickets.invoiceId))
    .leftJoin(invoiceLines, and(eq(invoiceLines.invoiceId, tickets.invoiceId), eq(invoiceLines.position, tickets.invoiceLinePosition)))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .where(eq(tickets.id, ticket.id))
    .get()!;

  const messages = db
    .select()
    .from(ticketMessages)
    .where(and(eq(ticketMessages.ticketId, ticket.id), scope.staffView ? undefined : eq(ticketMessages.internal, false)))
    .orderBy(asc(ticketMessages.id))
    .all();
  const files = messages.length
    ? db
        .select()
        .from(ticketAttachments)
        .where(inArray(ticketAttachments.messageId, messages.map((m) => m.id)))
        .orderBy(asc(ticketAttachments.id))
        .all()
    : [];

  if (markAsRead && messages.length) markRead(db, ticket.id, viewer.id, messages[messages.length - 1]!.id);

  return {
    number: ticket.id,
    accountNumber: row.accountNumber,
    accountName: row.accountName,
    status: ticket.status,
    service: ticket.service,
    subject: ticket.subject,
    subscription:
      ticket.subscriptionId !== null
        ? { id: ticket.subscriptionId, subscriberNumber: row.subscriberNumber, subscriberName: row.subscriberName, product: row.product ?? '' }
        : null,
    invoice:
      ticket.invoiceId !== null && row.invoiceNumber !== null
        ? {
            id: ticket.invoiceId,
            number: row.invoiceNumber,
            currency: row.currency,
            line:
              ticket.invoiceLinePosition !== null && row.lineDescription !== null
                ? { position: ticket.invoiceLinePosition, description: row.lineDescription, amount: row.lineAmount ?? 0 }
                : null,
          }
        : null,
    assignee: ticket.assigneeId && row.assigneeName !== null ? { id: ticket.assigneeId, name: row.assigneeName } : null,
    createdAt: ticket.createdAt,
    lastActivityAt: ticket.lastActivityAt,
    waitingSince: ticket.waitingSince,
    messages: messages.map((m) => ({
      id: m.id,
      author: { name: m.authorName, side: m.side },
      internal: m.internal,
      body: m.body,
      createdAt: m.createdAt,
      attachments: files.filter((f) => f.messageId === m.id).map((f) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, size: f.sizeBytes })),
    })),
  };
}

/** An attachment of a ticket the scope reaches, on a message it may see; otherwise 404. */
export function findAttachment(db: Db, scope: TicketScope, number: number, attachmentId: number) {
  const row = db
    .select({ fileName: ticketAttachments.fileName, contentType: ticketAttachments.contentType, size: ticketAttachments.sizeBytes, storedName: ticketAttachments.storedName })
    .from(ticketAttachments)
    .innerJoin(ticketMessages, eq(ticketMessages.id, ticketAttachments.messageId))
    .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
    .where(
      and(
        eq(ticketAttachments.id, attachmentId),
        eq(tickets.id, number),
        scope.account ? eq(tickets.accountId, scope.account.id) : undefined,
        scope.staffView ? undefined : eq(ticketMessages.internal, false),
      ),
    )
    .get();
  if (!row) throw new NotFoundError('The attachment');
  return row;
}
