import { call } from '../api/client.ts';
import type { SubAccountsData } from '../api/types.ts';
import type { Resource } from './account-store.ts';

/**
 * A head office's Sub Accounts, each with its balance and what is past due: a payment on a
 * location changes them (a write reaches the head office of the account paid for). A payment of
 * the head office itself reads them again too, though it pays only the head office's invoices.
 */
export const subAccounts: Resource<SubAccountsData> = {
  name: 'sub-accounts',
  invalidatedBy: ['payment'],
  load: (client, number, _query, signal) => call(client.api.v1.accounts[':number']['sub-accounts'].$get({ param: { number } }, { init: { signal } })),
};
