import { createRoute, z } from '@hono/zod-openapi';
import { TICKET_SERVICES, TICKET_SIDES, TICKET_STATUSES } from '../../db/enums.ts';
import { MAX_FILE_BYTES, MAX_FILES_PER_MESSAGE, MAX_MESSAGE_CHARS, MAX_SUBJECT_CHARS } from '../../services/tickets/limits.ts';
import { accountErrors, accountParams, errorResponse, jsonBody, jsonReply } from '../common.ts';

/*
 * The tickets of an account, as its users (and staff, through the same routes) see them: never
 * an internal note. `limits.ts` has no imports, so this contract still loads in the browser.
 */

export const TicketStatusSchema = z
  .enum(TICKET_STATUSES, { error: 'Use open, pending_customer, resolved or closed.' })
  .openapi({ description: '`pending_customer`: the provider waits for the customer; `resolved`: done, until the customer writes again.' });
export const TicketServiceSchema = z
  .enum(TICKET_SERVICES, { error: 'Use billing, trouble, account-change, hardware or other.' })
  .openapi({ description: 'What the ticket is about (Billing, Trouble, Account change, Hardware, Other).' });

const TicketListingSchema = z
  .object({
    number: z.number().int().openapi({ example: 282 }),
    status: TicketStatusSchema,
    service: TicketServiceSchema,
    subscriberNumber: z.string().nullable().openapi({ description: 'The subscription the ticket is about, if any.' }),
    subscriberName: z.string().nullable(),
    subject: z.string(),
    createdAt: z.string().openapi({ example: '2026-11-06T15:04:05.000Z' }),
    lastActivityAt: z.string(),
    unread: z.boolean().openapi({ description: 'The other side wrote since this user last opened the ticket.' }),
  })
  .openapi('TicketListing');

export const QueueListingSchema = TicketListingSchema.extend({
  accountNumber: z.string(),
  accountName: z.string(),
  waitingSince: z.string().nullable().openapi({ description: 'Since when the customer waits for an answer; null when the provider is not the one to answer.' }),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
}).openapi('QueueListing');

const AttachmentSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  contentType: z.string().openapi({ description: 'Found from the content: image/png, image/jpeg, image/gif, image/webp, application/pdf or text/plain.' }),
  size: z.number().int().openapi({ description: 'Bytes.' }),
});

export const TicketSchema = z
  .object({
    number: z.number().int(),
    accountNumber: z.string(),
    accountName: z.string(),
    status: TicketStatusSchema,
    service: TicketServiceSchema,
    subject: z.string(),
    subscription: z.object({ id: z.number().int(), subscriberNumber: z.string().nullable(), subscriberName: z.string().nullable(), product: z.string() }).nullable(),
    invoice: z
      .object({
        id: z.number().int(),
        number: z.string(),
        currency: z.string(),
        line: z.object({ position: z.number().int(), description: z.string(), amount: z.number().int().openapi({ description: 'Cents.' }) }).nullable(),
      })
      .nullable()
      .openapi({ description: '"Question about this charge": the invoice (and line) the ticket asks about.' }),
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    createdAt: z.string(),
    lastActivityAt: z.string(),
    waitingSince: z.string().nullable(),
    messages: z.array(
      z.object({
        id: z.number().int(),
        author: z.object({ name: z.string(), side: z.enum(TICKET_SIDES) }),
        internal: z.boolean().openapi({ description: 'An internal note of the staff: only the staff routes return these.' }),
        body: z.string().openapi({ description: 'Plain text: show it as text, never as markup.' }),
        createdAt: z.string(),
        attachments: z.array(AttachmentSchema),
      }),
    ),
  })
  .openapi('Ticket');

/** Text that must be there, trimmed, with plain line feeds (forms send CR LF). */
const text = (missing: string, max: number, tooLong: string) =>
  z
    .string({ error: missing })
    .overwrite((s) => s.replace(/\r\n?/g, '\n'))
    .trim()
    .min(1, missing)
    .max(max, tooLong);

export const messageField = text('Write a message.', MAX_MESSAGE_CHARS, `A message may have at most ${MAX_MESSAGE_CHARS.toLocaleString('en-US')} characters.`);

/** An optional id (or position, from 0); a form's empty field counts as not given. */
const optionalId = (message: string, min = 1) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number({ error: message }).int(message).min(min, message).optional());

const NewTicketSchema = z.object({
  subject: text('Give the ticket a subject.', MAX_SUBJECT_CHARS, `A subject may have at most ${MAX_SUBJECT_CHARS} characters.`).regex(
    /^[^\u0000-\u001F\u007F]*$/,
    'A subject is one line of text.',
  ),
  service: TicketServiceSchema,
  subscriptionId: optionalId('Use the id of one of the account’s subscriptions.').openapi({ description: 'The subscription (line, seat, number) it is about.' }),
  invoiceId: optionalId('Use an invoice id.').openapi({ description: '"Question about this charge": the invoice.' }),
  invoiceLine: optionalId('Use the position of a line of the invoice.', 0).openapi({ description: '…and the position of its line.' }),
  message: messageField,
});

const FileSchema = z.instanceof(File, { message: 'Send files as file parts.' }).openapi({ type: 'string', format: 'binary' });

/** `files` of a multipart body: one part per file, the same field name for each. */
export const filesField = z
  .union([FileSchema, z.array(FileSchema)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .openapi({
    description: `Images (PNG, JPEG, GIF, WebP), PDF or plain text, checked by content; at most ${MAX_FILES_PER_MESSAGE} files of ${MAX_FILE_BYTES / 1024 / 1024} MB each.`,
  });

/**
 * A body sent as JSON, or as multipart/form-data with the same fields and `files`. The body is
 * not `required` in the definition only because a required JSON body would refuse the
 * multipart one; the handlers' body reader refuses requests that are neither.
 */
export const jsonOrFiles = <S extends z.ZodRawShape>(fields: z.ZodObject<S>) => ({
  content: { 'application/json': { schema: fields }, 'multipart/form-data': { schema: fields.extend({ files: filesField }) } },
});

const ticketNumberParam = z.coerce
  .number({ error: 'Use a ticket number.' })
  .int('Use a ticket number.')
  .positive('Use a ticket number.')
  .openapi({ param: { name: 'ticketNumber', in: 'path' }, example: 282 });
const attachmentIdParam = z.coerce
  .number({ error: 'Use an attachment id.' })
  .int('Use an attachment id.')
  .positive('Use an attachment id.')
  .openapi({ param: { name: 'attachmentId', in: 'path' }, example: 7 });

/** A ticket by number, and one of its files: the staff routes use these without the account. */
export const ticketNumberParams = z.object({ ticketNumber: ticketNumberParam });
export const ticketAttachmentParams = ticketNumberParams.extend({ attachmentId: attachmentIdParam });

const ticketParams = accountParams.extend({ ticketNumber: ticketNumberParam });
const attachmentParams = ticketParams.extend({ attachmentId: attachmentIdParam });

const access = {
  ...accountErrors,
  400: errorResponse('Malformed path, query or body; `issues` names each field.'),
  404: errorResponse('No such account or ticket, or not one this user can reach.'),
};

/** What a write with files may also answer. */
export const writeErrors = {
  409: errorResponse('The ticket is closed: reopen it to reply.'),
  413: errorResponse('A file is over the size limit (`issues` names it), or the whole request is.'),
  415: errorResponse('Neither JSON nor multipart/form-data.'),
  422: errorResponse('Refused: too many files, a file whose content is not what its name and type say, an unknown subscription or invoice.'),
};

export const listTickets = createRoute({
  method: 'get',
  path: '/accounts/{number}/tickets',
  tags: ['Tickets'],
  summary: "An account's tickets, newest activity first, paged",
  request: {
    params: accountParams,
    query: z.object({
      status: TicketStatusSchema.optional(),
      q: z.string().max(100, 'Use at most 100 characters.').optional().openapi({ description: 'Words of the subject, or a ticket number.' }),
      page: z.coerce.number().int('Use a page number.').min(1, 'Pages start at 1.').default(1),
      pageSize: z.coerce.number().int('Use a whole number.').min(1).max(100, 'At most 100 per page.').default(25),
    }),
  },
  responses: {
    200: jsonReply(
      z.object({
        tickets: z.array(TicketListingSchema),
        page: z.number().int(),
        pageSize: z.number().int(),
        total: z.number().int().openapi({ description: 'Tickets matching the filters, over all pages.' }),
        unreadCount: z.number().int().openapi({ description: 'Tickets of the account with a reply this user has not read (whatever the filters).' }),
      }),
      'One page of tickets.',
    ),
    ...access,
  },
});

export const createTicket = createRoute({
  method: 'post',
  path: '/accounts/{number}/tickets',
  tags: ['Tickets'],
  summary: 'Open a ticket: subject, service, optionally the subscription or invoice line it is about, the first message and files',
  request: { params: accountParams, body: jsonOrFiles(NewTicketSchema) },
  responses: { 201: jsonReply(TicketSchema, 'The new ticket, status open.'), ...access, ...writeErrors },
});

export const ticket = createRoute({
  method: 'get',
  path: '/accounts/{number}/tickets/{ticketNumber}',
  tags: ['Tickets'],
  summary: 'A ticket with its conversation; marks it read for this user',
  request: { params: ticketParams },
  responses: { 200: jsonReply(TicketSchema, 'The ticket.'), ...access },
});

export const replyToTicket = createRoute({
  method: 'post',
  path: '/accounts/{number}/tickets/{ticketNumber}/messages',
  tags: ['Tickets'],
  summary: 'Reply, with files; a reply on a resolved (or pending) ticket reopens it',
  request: { params: ticketParams, body: jsonOrFiles(z.object({ message: messageField })) },
  responses: { 201: jsonReply(TicketSchema, 'The ticket with the new message.'), ...access, ...writeErrors },
});

export const updateTicket = createRoute({
  method: 'patch',
  path: '/accounts/{number}/tickets/{ticketNumber}',
  tags: ['Tickets'],
  summary: 'Close or reopen a ticket',
  request: { params: ticketParams, body: jsonBody(z.object({ status: z.enum(['open', 'closed'], { error: 'Use open (reopen) or closed.' }) })) },
  responses: { 200: jsonReply(TicketSchema, 'The ticket.'), ...access },
});

/** An attachment as a download, whatever its type. */
export const attachmentReply = {
  200: { content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'The file, as an attachment, with its stored type.' },
};

export const ticketAttachment = createRoute({
  method: 'get',
  path: '/accounts/{number}/tickets/{ticketNumber}/attachments/{attachmentId}',
  tags: ['Tickets'],
  summary: 'Download a file of the ticket',
  request: { params: attachmentParams },
  responses: { ...attachmentReply, ...access },
});

export const ticketSubscribers = createRoute({
  method: 'get',
  path: '/accounts/{number}/ticket-subscribers',
  tags: ['Tickets'],
  summary: "What a new ticket may be about: the account's current subscriptions",
  request: { params: accountParams },
  responses: {
    200: jsonReply(
      z.object({
        subscribers: z.array(z.object({ subscriptionId: z.number().int(), subscriberNumber: z.string().nullable(), subscriberName: z.string().nullable(), product: z.string() })),
      }),
      'The subscriptions.',
    ),
    ...accountErrors,
  },
});

export const ticketLimits = createRoute({
  method: 'get',
  path: '/ticket-limits',
  tags: ['Tickets'],
  summary: 'What a ticket message may carry, for forms to check before sending',
  responses: {
    200: jsonReply(
      z.object({
        maxSubjectChars: z.number().int(),
        maxMessageChars: z.number().int(),
        maxFilesPerMessage: z.number().int(),
        maxFileBytes: z.number().int(),
        accept: z.array(z.string()).openapi({ description: 'Types and extensions, for a file input’s `accept`.', example: ['image/png', '.png'] }),
      }),
      'The limits.',
    ),
    401: errorResponse('Not signed in.'),
  },
});
