import { createRoute, z } from '@hono/zod-openapi';
import { clientMeta, requireSession, signedIn } from '../auth/middleware.ts';
import { createRouter } from '../http/context.ts';
import { errorResponse } from '../http/errors.ts';
import { findReachableAccount } from '../services/accounts.ts';
import { audit } from '../services/audit.ts';
import { accountNumberParam } from './accounts.ts';
import { AutopayMethodSchema } from './autopay-schema.ts';
import { BillToSchema, OpaqueDataSchema } from './payments.ts';

const params = z.object({ number: accountNumberParam });
const AutopayReply = z.object({ autopay: AutopayMethodSchema.nullable() }).openapi('Autopay');

const enroll = createRoute({
  method: 'put',
  path: '/accounts/{number}/autopay',
  middleware: [signedIn] as const,
  tags: ['Payments'],
  summary: 'Sign-up for automatic payment, or change the card: a one-time token from the card frame',
  description:
    'The card is checked with its issuer and saved at the gateway; the portal keeps only its brand, last four and expiry. ' +
    'Each month, on the due date, the balance due is charged to it. A card it replaces is deleted.',
  request: { params, body: { required: true, content: { 'application/json': { schema: z.object({ opaqueData: OpaqueDataSchema, billTo: BillToSchema.optional() }) } } } },
  responses: {
    200: { content: { 'application/json': { schema: AutopayReply } }, description: 'The card now used for automatic payment.' },
    400: errorResponse('Missing or malformed field.'),
    401: errorResponse('Not signed in.'),
    402: errorResponse('The card was declined or could not be saved: `message` says why.'),
    404: errorResponse('No such account, or not one this user can reach.'),
    504: errorResponse('The card processor did not answer; nothing changed. Try again.'),
  },
});

const cancel = createRoute({
  method: 'delete',
  path: '/accounts/{number}/autopay',
  middleware: [signedIn] as const,
  tags: ['Payments'],
  summary: 'Cancel automatic payment: back to manual payment, the saved card deleted',
  request: { params },
  responses: {
    200: { content: { 'application/json': { schema: AutopayReply } }, description: 'The account now pays by hand (`autopay` is null). Also when it already did.' },
    401: errorResponse('Not signed in.'),
    404: errorResponse('No such account, or not one this user can reach.'),
  },
});

/** Customer API: the card for automatic payment. */
export const autopayRoutes = createRouter()
  .openapi(enroll, async (c) => {
    const { user } = requireSession(c);
    const { db, autopay } = c.get('deps');
    const account = findReachableAccount(db, user, c.req.valid('param').number);
    const { opaqueData, billTo } = c.req.valid('json');
    const method = await autopay.enroll({ account, userId: user.id, email: user.email, opaqueData, ...(billTo ? { billTo } : {}) });
    audit(db, { action: 'autopay.enrolled', actorUserId: user.id, accountId: account.id, ip: clientMeta(c).ip, detail: { brand: method.brand, last4: method.last4 } });
    return c.json({ autopay: method }, 200);
  })
  .openapi(cancel, async (c) => {
    const { user } = requireSession(c);
    const { db, autopay } = c.get('deps');
    const account = findReachableAccount(db, user, c.req.valid('param').number);
    if (await autopay.cancel(account)) audit(db, { action: 'autopay.cancelled', actorUserId: user.id, accountId: account.id, ip: clientMeta(c).ip });
    return c.json({ autopay: null }, 200);
  });
