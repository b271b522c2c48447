import { call } from '../api/client.ts';
import type { PaymentList } from '../api/types.ts';
import type { Resource } from './account-store.ts';

/** Payment History: every payment attempt, declined ones too. */
export const payments: Resource<PaymentList> = {
  name: 'payments',
  invalidatedBy: ['payment'],
  load: (client, number, _query, signal) => call(client.api.v1.accounts[':number'].payments.$get({ param: { number } }, { init: { signal } })),
};
