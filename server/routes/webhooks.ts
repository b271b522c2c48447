import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/context.ts';
import { ApiError, errorResponse } from '../http/errors.ts';
import { webhookSignatureValid } from '../gateway/webhook-signature.ts';
import { applyGatewayNotification } from '../services/gateway-notifications.ts';

const NotificationSchema = z.object({
  notificationId: z.string().min(1).max(100),
  eventType: z.string().min(1).max(200),
  payload: z.looseObject({ entityName: z.string().optional(), id: z.union([z.string(), z.number()]).optional() }),
});

const receive = createRoute({
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
    200: { content: { 'application/json': { schema: z.object({ applied: z.boolean(), result: z.string() }) } }, description: 'Received (and applied, unless it was received before).' },
    400: errorResponse('Not a notification.'),
    401: errorResponse('Missing or wrong signature: nothing was applied.'),
    404: errorResponse('Webhooks are not set up (no signature key).'),
  },
});

/** Notifications from the card gateway. Trusted only with a valid signature. */
export const webhookRoutes = createRouter().openapi(receive, async (c) => {
  const deps = c.get('deps');
  const key = deps.webhookSignatureKey;
  if (!key) throw new ApiError(404, 'NOT_FOUND', 'Gateway notifications are not set up here: set ANET_SIGNATURE_KEY.');
  // The signature is over the body exactly as sent: read it as text before parsing.
  const body = await c.req.text();
  if (!webhookSignatureValid(body, c.req.header('x-anet-signature'), key)) {
    throw new ApiError(401, 'SIGNATURE_INVALID', 'The X-ANET-Signature header does not match this notification: it was not applied.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ApiError(400, 'VALIDATION', 'The notification is not JSON.');
  }
  const notification = NotificationSchema.safeParse(parsed);
  if (!notification.success) throw new ApiError(400, 'VALIDATION', 'The notification lacks notificationId, eventType or payload.');
  return c.json(await applyGatewayNotification(deps, notification.data), 200);
});
