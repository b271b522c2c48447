import { createRoute, z } from '@hono/zod-openapi';
import { errorResponse, jsonBody, jsonReply } from '../common.ts';
import {
  attachmentReply,
  jsonOrFiles,
  messageField,
  QueueListingSchema,
  ticketAttachmentParams,
  ticketNumberParams,
  TicketSchema,
  TicketServiceSchema,
  TicketStatusSchema,
  writeErrors,
} from '../tickets/routes.ts';

/*
 * The provider's staff and the tickets of every account: the queue, a ticket with its internal
 * notes, replies and notes, status and assignment. Anyone but staff gets 404, as for a route
 * that does not exist.
 */

const access = {
  400: errorResponse('Malformed path, query or body; `issues` names each field.'),
  401: errorResponse('Not signed in.'),
  404: errorResponse('No such ticket; or the user is not staff.'),
};

/** A form sends true and false as text. */
const flag = z.preprocess((v) => (v === 'true' ? true : v === 'false' || v === '' ? false : v), z.boolean({ error: 'Use true or false.' }).default(false));

export const ticketQueue = createRoute({
  method: 'get',
  path: '/tickets',
  tags: ['Ticket queue'],
  summary: 'Staff: the tickets of every account, longest waiting first',
  request: {
    query: z.object({
      status: TicketStatusSchema.optional(),
      service: TicketServiceSchema.optional(),
      account: z.string().regex(/^[A-Za-z0-9-]{1,32}$/, 'An account number has letters, digits and dashes only.').optional(),
      assignee: z.enum(['me', 'none'], { error: 'Use me or none.' }).optional().openapi({ description: '`me`: assigned to the caller; `none`: to nobody.' }),
      sort: z.enum(['waiting', 'activity'], { error: 'Use waiting or activity.' }).default('waiting').openapi({
        description: '`waiting`: the customers waiting longest for an answer first, then the newest activity; `activity`: the newest activity first.',
      }),
      page: z.coerce.number().int('Use a page number.').min(1, 'Pages start at 1.').default(1),
      pageSize: z.coerce.number().int('Use a whole number.').min(1).max(100, 'At most 100 per page.').default(25),
    }),
  },
  responses: {
    200: jsonReply(
      z.object({
        tickets: z.array(QueueListingSchema),
        page: z.number().int(),
        pageSize: z.number().int(),
        total: z.number().int(),
        waiting: z.number().int().openapi({ description: 'Tickets of every account waiting for an answer (whatever the filters).' }),
      }),
      'One page of the queue.',
    ),
    ...access,
  },
});

export const staffTicket = createRoute({
  method: 'get',
  path: '/tickets/{ticketNumber}',
  tags: ['Ticket queue'],
  summary: 'Staff: a ticket with its whole conversation, internal notes included',
  request: { params: ticketNumberParams },
  responses: { 200: jsonReply(TicketSchema, 'The ticket.'), ...access },
});

export const staffReply = createRoute({
  method: 'post',
  path: '/tickets/{ticketNumber}/messages',
  tags: ['Ticket queue'],
  summary: 'Staff: reply to the customer (mailed to the account’s users) or add an internal note',
  request: { params: ticketNumberParams, body: jsonOrFiles(z.object({ message: messageField, internal: flag.openapi({ description: 'An internal note: never shown to the customer.' }) })) },
  responses: { 201: jsonReply(TicketSchema, 'The ticket with the new message.'), ...access, ...writeErrors },
});

export const staffUpdate = createRoute({
  method: 'patch',
  path: '/tickets/{ticketNumber}',
  tags: ['Ticket queue'],
  summary: 'Staff: set the status, assign to oneself or to nobody',
  request: {
    params: ticketNumberParams,
    body: jsonBody(
      z
        .object({
          status: TicketStatusSchema.optional(),
          assignee: z.enum(['me'], { error: 'Use "me", or null for nobody.' }).nullable().optional(),
        })
        .refine((v) => v.status !== undefined || v.assignee !== undefined, { message: 'Send a status, an assignee or both.' }),
    ),
  },
  responses: { 200: jsonReply(TicketSchema, 'The ticket.'), ...access },
});

export const staffAttachment = createRoute({
  method: 'get',
  path: '/tickets/{ticketNumber}/attachments/{attachmentId}',
  tags: ['Ticket queue'],
  summary: 'Staff: download a file of the ticket (of a note too)',
  request: { params: ticketAttachmentParams },
  responses: { ...attachmentReply, ...access },
});
