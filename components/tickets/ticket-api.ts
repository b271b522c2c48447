import { call, send, type ApiClient } from '../api/client.ts';
import { saveBlob } from '../api/downloads.ts';
import type { TicketAttachment, TicketDetail, TicketLimits, TicketService, TicketStatus } from '../api/types.ts';
import { slotOf, type AccountStore, type StoreReader } from '../data/account-store.ts';
import { staffTicket, ticket } from '../data/ticket-resources.ts';

/**
 * The body of a write that takes JSON or multipart/form-data (the ticket writes): Hono's typed
 * client asks for both bodies a route declares and sends the one given; this sends the form,
 * files and all.
 */
export const asForm = <F>(form: F) => ({ form, json: undefined as never });

const limitsByClient = new WeakMap<ApiClient, Promise<TicketLimits>>();

/** The server's limits of ticket input, asked once per client (they change only with a new server version). */
export function ticketLimits(client: ApiClient): Promise<TicketLimits> {
  let limits = limitsByClient.get(client);
  if (!limits) {
    limits = call(client.api.v1['ticket-limits'].$get());
    // A failed request is asked again next time.
    limits.catch(() => limitsByClient.delete(client));
    limitsByClient.set(client, limits);
  }
  return limits;
}

/** Where a ticket lives for its viewer: the account's routes, or (staff) the queue's. */
export interface TicketRef {
  accountNumber: string;
  ticketNumber: number;
  staff: boolean;
}

/** What the ticket writes go through: the session's client, and its store, which shows their effects everywhere. */
export interface TicketSession {
  client: ApiClient;
  store: AccountStore;
}

/** Reads a ticket as its viewer sees it (opening it: the store counts that as a ticket write). */
export const readTicket = (store: StoreReader, ref: TicketRef, signal?: AbortSignal): Promise<TicketDetail> =>
  ref.staff ? store.read(staffTicket, '', { ticketNumber: ref.ticketNumber }, signal) : store.read(ticket, ref.accountNumber, { ticketNumber: ref.ticketNumber }, signal);

/** Where the store keeps a ticket as this viewer reads it: a write's reply is its new state. */
const slotFor = (staff: boolean) => (t: TicketDetail) =>
  staff ? slotOf(staffTicket, '', { ticketNumber: t.number }) : slotOf(ticket, t.accountNumber, { ticketNumber: t.number });

/** A write on a ticket through the store: the lists, the queue and the counts show it, and the ticket is its reply. */
const writeTicket = ({ store }: TicketSession, ref: TicketRef, request: () => Promise<TicketDetail>) =>
  store.write('ticket', ref.accountNumber, request, slotFor(ref.staff));

export interface NewTicket {
  subject: string;
  service: TicketService;
  message: string;
  files: File[];
  subscriptionId?: string;
  invoiceId?: string;
  invoiceLine?: string;
}

/** Opens a ticket on the account, with its first message and files. */
export const createTicket = (session: TicketSession, number: string, fields: NewTicket) =>
  writeTicket(session, { accountNumber: number, ticketNumber: 0, staff: false }, () =>
    call(session.client.api.v1.accounts[':number'].tickets.$post({ param: { number }, ...asForm(fields) })),
  );

/** A reply (or, staff, an internal note) with files. */
export function replyToTicket(session: TicketSession, ref: TicketRef, reply: { message: string; files: File[]; internal?: boolean }) {
  const { client } = session;
  const ticketNumber = String(ref.ticketNumber);
  return writeTicket(session, ref, () =>
    call(
      ref.staff
        ? client.api.v1.tickets[':ticketNumber'].messages.$post({ param: { ticketNumber }, ...asForm({ message: reply.message, files: reply.files, internal: String(reply.internal ?? false) }) })
        : client.api.v1.accounts[':number'].tickets[':ticketNumber'].messages.$post({ param: { number: ref.accountNumber, ticketNumber }, ...asForm({ message: reply.message, files: reply.files }) }),
    ),
  );
}

/** Customers close (`closed`) or reopen (anything else); staff set any status. */
export function setTicketStatus(session: TicketSession, ref: TicketRef, status: TicketStatus) {
  const { client } = session;
  const ticketNumber = String(ref.ticketNumber);
  return writeTicket(session, ref, () =>
    call(
      ref.staff
        ? client.api.v1.tickets[':ticketNumber'].$patch({ param: { ticketNumber }, json: { status } })
        : client.api.v1.accounts[':number'].tickets[':ticketNumber'].$patch({ param: { number: ref.accountNumber, ticketNumber }, json: { status: status === 'closed' ? 'closed' : 'open' } }),
    ),
  );
}

/** Staff: assigns the ticket to oneself (`me`) or to nobody. */
export const assignTicket = (session: TicketSession, ref: TicketRef, assignee: 'me' | null) =>
  writeTicket(session, ref, () => call(session.client.api.v1.tickets[':ticketNumber'].$patch({ param: { ticketNumber: String(ref.ticketNumber) }, json: { assignee } })));

/** Saves an attachment of a ticket as a file, through the same check as the ticket. */
export async function downloadAttachment(client: ApiClient, ref: TicketRef, file: TicketAttachment, into: Node): Promise<void> {
  const param = { ticketNumber: String(ref.ticketNumber), attachmentId: String(file.id) };
  const response = await send(
    ref.staff
      ? client.api.v1.tickets[':ticketNumber'].attachments[':attachmentId'].$get({ param })
      : client.api.v1.accounts[':number'].tickets[':ticketNumber'].attachments[':attachmentId'].$get({ param: { ...param, number: ref.accountNumber } }),
  );
  saveBlob(await response.blob(), file.fileName, into);
}
