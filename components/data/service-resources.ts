import { call } from '../api/client.ts';
import type { ServicesData } from '../api/types.ts';
import type { Resource } from './account-store.ts';

/** Services per (ended subscriptions too, with the sub-accounts): no write of the portal changes subscriptions. */
export const services: Resource<ServicesData, { ended: boolean; rollup: boolean }> = {
  name: 'services',
  invalidatedBy: [],
  queryKey: (q) => `${q.ended}|${q.rollup}`,
  load: (client, number, q, signal) => {
    const query = { ...(q.ended ? { ended: 'true' as const } : {}), ...(q.rollup ? { rollup: 'true' as const } : {}) };
    return call(client.api.v1.accounts[':number'].services.$get({ param: { number }, query }, { init: { signal } }));
  },
};
