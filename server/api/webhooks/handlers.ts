import { webhookSignatureValid } from '../../gateway/webhook-signature.ts';
import { createRouter } from '../../http/context.ts';
import { DomainError } from '../../services/errors.ts';
import { applyGatewayNotification } from '../../services/gateway-notifications.ts';
import { NotificationSchema, receiveNotification } from './routes.ts';

/** Notifications from the card gateway. Trusted only with a valid signature. */
export const webhookHandlers = createRouter().openapi(receiveNotification, async (c) => {
  const { deps } = c.var;
  const key = deps.webhookSignatureKey;
  if (!key) throw new DomainError('NOT_FOUND', 'Gateway notifications are not set up here: set ANET_SIGNATURE_KEY.');
  // The signature is over the body exactly as sent: read it as text before parsing.
  const body = await c.req.text();
  if (!webhookSignatureValid(body, c.req.header('x-anet-signature'), key)) {
    throw new DomainError('SIGNATURE_INVALID', 'The X-ANET-Signature header does not match this notification: it was not applied.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new DomainError('MALFORMED', 'The notification is not JSON.');
  }
  const notification = NotificationSchema.safeParse(parsed);
  if (!notification.success) throw new DomainError('MALFORMED', 'The notification lacks notificationId, eventType or payload.');
  return c.json(await applyGatewayNotification(deps, notification.data), 200);
});
