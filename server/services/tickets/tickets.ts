import { and, asc, eq, gte, isNull, or, sql } from 'drizzle-orm';
import type { SessionUser } from '../../auth/sessions.ts';
import type { Db } from '../../db/client.ts';
import type { TicketService, TicketSide, TicketStatus } from '../../db/enums.ts';
import { invoiceLines, invoices, products, subscriptions, ticketAttachments, ticketMessages, tickets, type Account } from '../../db/schema.ts';
import { DomainError, InputError } from '../errors.ts';
import type { AttachmentStore, StagedFile } from './attachment-store.ts';
import { checkIncomingFiles, type CheckedFile, type IncomingFile } from './incoming-files.ts';
import type { TicketNotifier } from './notifications.ts';
import { findAttachment, findTicket, markRead, sideOf, ticketDetail, type Queryable, type TicketRow, type TicketScope } from './ticket-detail.ts';
import { listTickets, ticketQueue, type QueueFilter, type TicketFilter } from './ticket-lists.ts';

export interface NewTicketInput {
  subject: string;
  service: TicketService;
  message: string;
  /** The subscription (line, seat, number) it is about. */
  subscriptionId?: number | undefined;
  /** "Question about this charge": the invoice, and the position of the line on it. */
  invoiceId?: number | undefined;
  invoiceLine?: number | undefined;
}

/** The statuses a customer sets: Close, and Reopen. The rest are staff's. */
const CUSTOMER_STATUSES: readonly TicketStatus[] = ['open', 'closed'];

export interface TicketServiceDeps {
  db: Db;
  store: AttachmentStore;
  notify: TicketNotifier;
  now: () => number;
  /**
   * Awaited between writing a message's files and committing it (`staged`), and between the
   * commit and the rename (`committed`). Tests stop the process there to show that a crash at
   * either point leaves no message pointing at a missing file.
   */
  pauseAt?: (point: 'staged' | 'committed') => Promise<void>;
}

/** How a ticket changes when a message is added: the rules of waiting, unread and reopening. */
function afterMessage(ticket: TicketRow, side: TicketSide, internal: boolean, messageId: number, at: string): Partial<TicketRow> {
  // Customers never see a note, so it changes nothing they see (not even the ticket's activity).
  if (internal) return {};
  if (side === 'staff') return { lastActivityAt: at, lastStaffMessageId: messageId, waitingSince: null };
  return {
    lastActivityAt: at,
    lastCustomerMessageId: messageId,
    waitingSince: ticket.waitingSince ?? at,
    // The customer answered, or is not satisfied after all: it is the provider's turn again.
    status: ticket.status === 'resolved' || ticket.status === 'pending_customer' ? 'open' : ticket.status,
  };
}

/** A message's files as rows point at them: the checked name and type, and the file they were written to. */
type StoredFile = Omit<CheckedFile, 'bytes'> & StagedFile & { size: number };

function insertMessage(tx: Queryable, ticket: TicketRow, author: SessionUser, body: string, internal: boolean, files: StoredFile[], at: string): number {
  const side = sideOf(author);
  const { id } = tx
    .insert(ticketMessages)
    .values({ ticketId: ticket.id, authorId: author.id, authorName: author.name, side, internal, body, createdAt: at })
    .returning({ id: ticketMessages.id })
    .get();
  if (files.length) {
    tx.insert(ticketAttachments)
      .values(files.map((f) => ({ messageId: id, fileName: f.fileName, contentType: f.contentType, sizeBytes: f.size, storedName: f.storedName })))
      .run();
  }
  const changes = afterMessage(ticket, side, internal, id, at);
  if (Object.keys(changes).length) tx.update(tickets).set(changes).where(eq(tickets.id, ticket.id)).run();
  markRead(tx, ticket.id, author.id, id);
  return id;
}

/** Checks that the subscription and the invoice line a new ticket names are the account's. */
function checkSubjects(tx: Queryable, account: Account, input: NewTicketInput): void {
  if (input.subscriptionId !== undefined) {
    const found = tx
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(and(eq(subscriptions.id, input.subscriptionId), eq(subscriptions.accountId, account.id)))
      .get();
    if (!found) throw new InputError('The subscription is not one of this account’s.', [{ path: 'subscriptionId', message: `Subscription ${input.subscriptionId} is not one of account ${account.number}’s.` }]);
  }
  if (input.invoiceLine !== undefined && input.invoiceId === undefined) {
    throw new InputError('An invoice line needs its invoice.', [{ path: 'invoiceId', message: 'Give the invoice the line is on.' }]);
  }
  if (input.invoiceId !== undefined) {
    const invoice = tx.select({ id: invoices.id }).from(invoices).where(and(eq(invoices.id, input.invoiceId), eq(invoices.accountId, account.id))).get();
    if (!invoice) throw new InputError('The invoice is not one of this account’s.', [{ path: 'invoiceId', message: `Invoice ${input.invoiceId} is not one of account ${account.number}’s.` }]);
    if (input.invoiceLine !== undefined) {
      const line = tx
        .select({ id: invoiceLines.id })
        .from(invoiceLines)
        .where(and(eq(invoiceLines.invoiceId, invoice.id), eq(invoiceLines.position, input.invoiceLine)))
        .get();
      if (!line) throw new InputError('The invoice has no such line.', [{ path: 'invoiceLine', message: `Invoice ${input.invoiceId} has no line ${input.invoiceLine}.` }]);
    }
  }
}

/**
 * Tickets: an account's conversations with the provider. Every write checks all its input
 * before anything is stored, writes files first under temporary names, commits the rows in one
 * transaction and only then gives the files their names (see attachment-store.ts); mail goes
 * out after the commit.
 */
export function createTicketService(deps: TicketServiceDeps) {
  const { db, store } = deps;
  const iso = () => new Date(deps.now()).toISOString();

  /** Writes the files, runs `write` (one transaction), and keeps the files only if it committed. */
  async function withFiles<T>(files: CheckedFile[], write: (stored: StoredFile[]) => T): Promise<T> {
    const staged: StagedFile[] = [];
    let result: T;
    try {
      for (const file of files) staged.push(await store.stage(file.bytes));
      await deps.pauseAt?.('staged');
      result = write(files.map((f, i) => ({ fileName: f.fileName, contentType: f.contentType, size: f.bytes.byteLength, storedName: staged[i]!.storedName })));
    } catch (err) {
      await store.discard(staged);
      throw err;
    }
    await deps.pauseAt?.('committed');
    await store.promote(staged);
    return result;
  }

  return {
    /** At start: finishes or removes the files of messages a crash interrupted. */
    recover() {
      const committed = db.$client.prepare('select 1 from ticket_attachments where stored_name = ?').pluck();
      return store.recover((storedName) => committed.get(storedName) !== undefined);
    },

    /** Opens a ticket on the account with its first message; status Open, the next number. */
    async create(account: Account, author: SessionUser, input: NewTicketInput, files: IncomingFile[]) {
      const checked = checkIncomingFiles(files);
      const at = iso();
      const side = sideOf(author);
      const { ticketId, messageId } = await withFiles(checked, (stored) =>
        db.transaction((tx) => {
          checkSubjects(tx, account, input);
          const ticket = tx
            .insert(tickets)
            .values({
              accountId: account.id,
              subject: input.subject,
              service: input.service,
              subscriptionId: input.subscriptionId ?? null,
              invoiceId: input.invoiceId ?? null,
              invoiceLinePosition: input.invoiceId !== undefined ? (input.invoiceLine ?? null) : null,
              status: 'open',
              createdBy: author.id,
              createdAt: at,
              lastActivityAt: at,
              waitingSince: side === 'customer' ? at : null,
            })
            .returning()
            .get();
          return { ticketId: ticket.id, messageId: insertMessage(tx, ticket, author, input.message, false, stored, at) };
        }),
      );
      deps.notify({ ticketId, messageId, opened: true });
      return ticketDetail(db, { account, staffView: false }, ticketId, author);
    },

    /**
     * Adds a message (or, for staff, an internal note). A closed ticket takes notes but no
     * replies: it is reopened first.
     */
    async reply(scope: TicketScope, number: number, author: SessionUser, message: { body: string; internal: boolean }, files: IncomingFile[]) {
      if (message.internal && !(scope.staffView && author.role === 'staff')) throw new InputError('Only staff write internal notes.');
      findTicket(db, scope, number); // 404 before the files are even looked at
      const checked = checkIncomingFiles(files);
      const at = iso();
      const messageId = await withFiles(checked, (stored) =>
        db.transaction((tx) => {
          const ticket = findTicket(tx, scope, number);
          if (ticket.status === 'closed' && !message.internal) {
            throw new DomainError('CONFLICT', `Ticket ${ticket.id} is closed: reopen it to reply.`);
          }
          return insertMessage(tx, ticket, author, message.body, message.internal, stored, at);
        }),
      );
      deps.notify({ ticketId: number, messageId, opened: false });
      return ticketDetail(db, scope, number, author);
    },

    /** Sets the status. Customers close and reopen; staff also set Pending customer and Resolved. */
    setStatus(scope: TicketScope, number: number, actor: SessionUser, status: TicketStatus) {
      if (!scope.staffView && !CUSTOMER_STATUSES.includes(status)) {
        throw new InputError('Customers may close or reopen a ticket.', [{ path: 'status', message: 'Use open or closed.' }]);
      }
      const at = iso();
      db.transaction((tx) => {
        const ticket = findTicket(tx, scope, number);
        if (ticket.status === status) return;
        // Reopened by the customer: it waits for the provider again. Any other status waits on nobody.
        const waitingSince = status !== 'open' ? null : sideOf(actor) === 'customer' ? (ticket.waitingSince ?? at) : ticket.waitingSince;
        tx.update(tickets).set({ status, waitingSince, lastActivityAt: at }).where(eq(tickets.id, ticket.id)).run();
      });
      return ticketDetail(db, scope, number, actor, false);
    },

    /** Staff: assigns the ticket to themselves (`me`) or to nobody (null). */
    assign(number: number, staff: SessionUser, assignee: 'me' | null) {
      const scope: TicketScope = { account: null, staffView: true };
      db.transaction((tx) => {
        const ticket = findTicket(tx, scope, number);
        tx.update(tickets).set({ assigneeId: assignee === 'me' ? staff.id : null }).where(eq(tickets.id, ticket.id)).run();
      });
      return ticketDetail(db, scope, number, staff, false);
    },

    detail: (scope: TicketScope, number: number, viewer: SessionUser) => ticketDetail(db, scope, number, viewer),
    list: (account: Account, viewer: SessionUser, filter: TicketFilter) => listTickets(db, account, viewer, filter),
    queue: (viewer: SessionUser, filter: QueueFilter) => ticketQueue(db, viewer, filter),

    /** An attachment's bytes and how to serve them, through the same check as its ticket. */
    async attachment(scope: TicketScope, number: number, attachmentId: number) {
      const found = findAttachment(db, scope, number, attachmentId);
      return { fileName: found.fileName, contentType: found.contentType, bytes: await store.read(found.storedName) };
    },

    /** The account's subscriptions a ticket may be about: those not ended before today. */
    subscribers(account: Account) {
      const today = iso().slice(0, 10);
      return db
        .select({
          subscriptionId: subscriptions.id,
          subscriberNumber: subscriptions.subscriberNumber,
          subscriberName: subscriptions.subscriberName,
          product: products.name,
        })
        .from(subscriptions)
        .innerJoin(products, eq(products.id, subscriptions.productId))
        .where(and(eq(subscriptions.accountId, account.id), or(isNull(subscriptions.endDate), gte(subscriptions.endDate, today))))
        .orderBy(sql`${subscriptions.subscriberNumber} is null`, asc(subscriptions.subscriberNumber), asc(products.name), asc(subscriptions.id))
        .all();
    },
  };
}

export type TicketsService = ReturnType<typeof createTicketService>;
