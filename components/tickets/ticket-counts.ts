import { call } from '../api/client.ts';
import type { PortalContext } from '../context/portal-context.ts';

/**
 * The counts the portal's navigation shows: the current account's tickets with an unread reply,
 * and for staff the tickets of every account waiting for an answer. A count that cannot be loaded
 * is left out (the sections themselves say what failed).
 */
export async function loadTicketCounts(portal: PortalContext): Promise<{ unread?: number; waiting?: number }> {
  const { client, currentAccount, user } = portal;
  const [unread, waiting] = await Promise.all([
    currentAccount
      ? call(client.api.v1.accounts[':number'].tickets.$get({ param: { number: currentAccount }, query: { pageSize: '1' } })).then((p) => p.unreadCount, () => undefined)
      : undefined,
    user?.role === 'staff' ? call(client.api.v1.tickets.$get({ query: { pageSize: '1' } })).then((q) => q.waiting, () => undefined) : undefined,
  ]);
  return { ...(unread !== undefined ? { unread } : {}), ...(waiting !== undefined ? { waiting } : {}) };
}
