import { createRoute, z } from '@hono/zod-openapi';
import { AutopayMethodSchema, BillToSchema, OpaqueDataSchema } from '../cards.ts';
import { accountErrors, accountParams, errorResponse, jsonBody, jsonReply } from '../common.ts';

const AutopayReply = z.object({ autopay: AutopayMethodSchema.nullable() }).openapi('Autopay');

export const enrollAutopay = createRoute({
  method: 'put',
  path: '/accounts/{number}/autopay',
  tags: ['Payments'],
  summary: 'Sign-up for automatic payment, or change the card: a one-time token from the card frame',
  description:
    'The card is checked with its issuer and saved at the gateway; the portal keeps only its brand, last four and expiry. ' +
    'Each month, on the due date, the balance due is charged to it. A card it replaces is deleted.',
  request: { params: accountParams, body: jsonBody(z.object({ opaqueData: OpaqueDataSchema, billTo: BillToSchema.optional() })) },
  responses: {
    200: jsonReply(AutopayReply, 'The card now used for automatic payment.'),
    ...accountErrors,
    400: errorResponse('Missing or malformed field.'),
    402: errorResponse('The card was declined or could not be saved: `message` says why.'),
    504: errorResponse('The card processor did not answer; nothing changed. Try again.'),
  },
});

export const cancelAutopay = createRoute({
  method: 'delete',
  path: '/accounts/{number}/autopay',
  tags: ['Payments'],
  summary: 'Cancel automatic payment: back to manual payment, the saved card deleted',
  request: { params: accountParams },
  responses: {
    200: jsonReply(AutopayReply, 'The account now pays by hand (`autopay` is null). Also when it already did.'),
    ...accountErrors,
  },
});
