import { createRoute, z } from '@hono/zod-openapi';
import { errorResponse, jsonReply } from '../common.ts';

/** What a notification must hold; it is parsed by the handler, after its signature is checked over the raw body. */
export const NotificationSchema = z.object({
  notificationId: z.string().min(1).max(100),
  eventType: z.string().min(1).max(200),
  payload: z.looseObject({ entityName: z.string().optional(), id: z.union([z.string(), z.number()]).optional() }),
});

export const receiveNotification = createRoute({
  method: 'post',
  path: '/webhooks/authorize-net',
  tags: ['Webhooks'],
  summary: 'Authorize.Net event notifications (signed with X-ANET-Signature)',
  description:
    'Configure this URL in the Authorize.Net Merchant Interface and set ANET_SIGNATURE_KEY. Each notification is applied once; ' +
    'payment events make the portal ask the gateway for the transaction (a held payment approved or declined on review, an unanswered one found, ' +
    'a payment voided, a refund made or voided); what the gateway has no record of is acknowledged and changes nothing.',
  request: { headers: z.object({ 'x-anet-signature': z.string().optional() }) },
  responses: {
    200: jsonReply(z.object({ applied: z.boolean(), result: z.string() }), 'Received (and applied, unless it was received before).'),
    400: errorResponse('Not a notification.'),
    401: errorResponse('Missing or wrong signature: nothing was applied.'),
    404: errorResponse('Webhooks are not set up (no signature key).'),
  },
});
