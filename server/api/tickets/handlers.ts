import type { RouteConfig } from '@hono/zod-openapi';
import { fileDownload } from '../../http/downloads.ts';
import { isMultipart, jsonOrMultipart } from '../../http/request-body.ts';
import type { IncomingFile } from '../../services/tickets/incoming-files.ts';
import { MAX_FILE_BYTES, MAX_FILES_PER_MESSAGE, MAX_MESSAGE_CHARS, MAX_SUBJECT_CHARS, MAX_TICKET_REQUEST_BYTES, TICKET_REQUEST_TOO_LARGE } from '../../services/tickets/limits.ts';
import type { TicketScope } from '../../services/tickets/ticket-detail.ts';
import type { Account } from '../../db/schema.ts';
import { createAccountResource } from '../account-router.ts';
import { createTicket, listTickets, replyToTicket, ticket, ticketAttachment, ticketLimits, ticketSubscribers, updateTicket } from './routes.ts';
import { createRouter, whenSignedIn } from '../../http/context.ts';
import { ACCEPTED_TYPES } from '../../services/tickets/file-types.ts';

const readBody = jsonOrMultipart(MAX_TICKET_REQUEST_BYTES, TICKET_REQUEST_TOO_LARGE);

/** The route, its JSON or multipart body read (and size-checked) before its validators. */
export const withFiles = <R extends RouteConfig>(route: R) => ({ ...route, middleware: [readBody] as [typeof readBody] });

/** The files of a request's fields (a JSON body has none), as the service takes them. */
export const incomingFiles = (fields: object): Promise<IncomingFile[]> =>
  Promise.all(('files' in fields ? (fields.files as File[]) : []).map(async (f) => ({ name: f.name, type: f.type, bytes: new Uint8Array(await f.arrayBuffer()) })));

const customerView = (account: Account): TicketScope => ({ account, staffView: false });

/** An account's tickets, as its users see them: every route here leaves internal notes out. */
export const ticketHandlers = createAccountResource()
  .openapi(listTickets, (c) => c.json(c.var.deps.tickets.list(c.var.account, c.var.user, c.req.valid('query')), 200))
  .openapi(ticketSubscribers, (c) => c.json({ subscribers: c.var.deps.tickets.subscribers(c.var.account) }, 200))
  .openapi(withFiles(createTicket), async (c) => {
    const fields = isMultipart(c.req.header('content-type')) ? c.req.valid('form') : c.req.valid('json');
    const created = await c.var.deps.tickets.create(c.var.account, c.var.user, fields, await incomingFiles(fields));
    return c.json(created, 201);
  })
  .openapi(ticket, (c) => c.json(c.var.deps.tickets.detail(customerView(c.var.account), c.req.valid('param').ticketNumber, c.var.user), 200))
  .openapi(withFiles(replyToTicket), async (c) => {
    const fields = isMultipart(c.req.header('content-type')) ? c.req.valid('form') : c.req.valid('json');
    const { ticketNumber } = c.req.valid('param');
    const updated = await c.var.deps.tickets.reply(customerView(c.var.account), ticketNumber, c.var.user, { body: fields.message, internal: false }, await incomingFiles(fields));
    return c.json(updated, 201);
  })
  .openapi(updateTicket, (c) =>
    c.json(c.var.deps.tickets.setStatus(customerView(c.var.account), c.req.valid('param').ticketNumber, c.var.user, c.req.valid('json').status), 200),
  )
  .openapi(ticketAttachment, async (c) => {
    const { ticketNumber, attachmentId } = c.req.valid('param');
    return fileDownload(c, await c.var.deps.tickets.attachment(customerView(c.var.account), ticketNumber, attachmentId));
  });

/** The limits of ticket input, so forms can say what is wrong before anything is sent. */
export const ticketLimitHandlers = createRouter().openapi(whenSignedIn(ticketLimits), (c) =>
  c.json(
    { maxSubjectChars: MAX_SUBJECT_CHARS, maxMessageChars: MAX_MESSAGE_CHARS, maxFilesPerMessage: MAX_FILES_PER_MESSAGE, maxFileBytes: MAX_FILE_BYTES, accept: ACCEPTED_TYPES },
    200,
  ),
);
