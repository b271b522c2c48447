import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { webhookNotifications } from '../db/schema.ts';
import { GatewayRecordNotFound } from '../gateway/authorize-net.ts';
import type { AutopayService } from './autopay.ts';
import type { PaymentsService } from './payments.ts';

/** An Authorize.Net webhook notification, as posted (the fields we read). */
export interface GatewayNotification {
  notificationId: string;
  eventType: string;
  payload: { entityName?: string; id?: string | number; [field: string]: unknown };
}

export type NotificationResult = { applied: true; result: string } | { applied: false; result: 'already received' };

/**
 * Applies a gateway notification once. It is claimed before it is applied, so a second delivery
 * (Authorize.Net retries until it gets a 200) is only acknowledged; if applying fails for a
 * reason that may pass (the gateway not answering) the claim is dropped and the next delivery
 * tries again. The notification only says where to look: what changed is read from the gateway
 * itself, and what the gateway has no record of is acknowledged, logged and left alone.
 */
export async function applyGatewayNotification(
  deps: { db: Db; payments: PaymentsService; autopay: AutopayService; now: () => number; log?: (line: string) => void },
  n: GatewayNotification,
): Promise<NotificationResult> {
  const { db } = deps;
  const claimed = db
    .insert(webhookNotifications)
    .values({ notificationId: n.notificationId, eventType: n.eventType, receivedAt: new Date(deps.now()).toISOString() })
    .onConflictDoNothing()
    .returning()
    .get();
  if (!claimed) return { applied: false, result: 'already received' };
  try {
    const result = await apply(deps, n).catch((err: unknown) => {
      if (!(err instanceof GatewayRecordNotFound)) throw err;
      const what = `${n.payload.entityName ?? 'record'} ${String(n.payload.id)}: the gateway has no such ${n.payload.entityName ?? 'record'}`;
      (deps.log ?? console.warn)(`[webhook] ${n.eventType} ${n.notificationId} for ${what}; acknowledged, nothing changed`);
      return what;
    });
    db.update(webhookNotifications).set({ result }).where(eq(webhookNotifications.notificationId, n.notificationId)).run();
    return { applied: true, result };
  } catch (err) {
    db.delete(webhookNotifications).where(eq(webhookNotifications.notificationId, n.notificationId)).run();
    throw err;
  }
}

async function apply(deps: { payments: PaymentsService; autopay: AutopayService }, n: GatewayNotification): Promise<string> {
  const id = n.payload.id === undefined ? '' : String(n.payload.id);
  if (n.eventType.startsWith('net.authorize.payment.') && n.payload.entityName === 'transaction' && id) return deps.payments.applyGatewayTransaction(id);
  if (n.eventType === 'net.authorize.customer.paymentProfile.deleted' && id) return deps.autopay.cardDeletedAtGateway(id);
  return 'ignored';
}
