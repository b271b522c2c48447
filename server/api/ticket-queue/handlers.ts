import type { MiddlewareHandler } from 'hono';
import { requireSession } from '../../auth/middleware.ts';
import { createRouter, type AppEnv } from '../../http/context.ts';
import { fileDownload } from '../../http/downloads.ts';
import { isMultipart } from '../../http/request-body.ts';
import type { TicketScope } from '../../services/tickets/ticket-detail.ts';
import { errorBody } from '../common.ts';
import { incomingFiles, withFiles } from '../tickets/handlers.ts';
import { staffAttachment, staffReply, staffTicket, staffUpdate, ticketQueue } from './routes.ts';

/** 401 when signed out; to anyone but staff, the same 404 as a route that does not exist. */
const staffOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { user } = requireSession(c);
  if (user.role !== 'staff') return c.json(errorBody('NOT_FOUND', 'There is no such API route.'), 404);
  await next();
};

const forStaff = <R extends object & { middleware?: MiddlewareHandler[] }>(route: R) => ({ ...route, middleware: [staffOnly, ...(route.middleware ?? [])] });

const staffView: TicketScope = { account: null, staffView: true };
const staff = (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => requireSession(c).user;

/** The staff's ticket queue over every account, and what they do with a ticket. */
export const ticketQueueHandlers = createRouter()
  .openapi(forStaff(ticketQueue), (c) => c.json(c.var.deps.tickets.queue(staff(c), c.req.valid('query')), 200))
  .openapi(forStaff(staffTicket), (c) => c.json(c.var.deps.tickets.detail(staffView, c.req.valid('param').ticketNumber, staff(c)), 200))
  .openapi(forStaff(withFiles(staffReply)), async (c) => {
    const fields = isMultipart(c.req.header('content-type')) ? c.req.valid('form') : c.req.valid('json');
    const { ticketNumber } = c.req.valid('param');
    const updated = await c.var.deps.tickets.reply(staffView, ticketNumber, staff(c), { body: fields.message, internal: fields.internal }, await incomingFiles(fields));
    return c.json(updated, 201);
  })
  .openapi(forStaff(staffUpdate), (c) => {
    const { ticketNumber } = c.req.valid('param');
    const { status, assignee } = c.req.valid('json');
    const { tickets } = c.var.deps;
    let updated = status !== undefined ? tickets.setStatus(staffView, ticketNumber, staff(c), status) : undefined;
    if (assignee !== undefined) updated = tickets.assign(ticketNumber, staff(c), assignee);
    return c.json(updated!, 200);
  })
  .openapi(forStaff(staffAttachment), async (c) => {
    const { ticketNumber, attachmentId } = c.req.valid('param');
    return fileDownload(c, await c.var.deps.tickets.attachment(staffView, ticketNumber, attachmentId));
  });
