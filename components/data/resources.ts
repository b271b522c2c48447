import { call } from '../api/client.ts';
import type { AccountDetails, AccountSummaryData } from '../api/types.ts';
import type { Resource } from './account-store.ts';

/**
 * The account data the widgets show, one resource each: a name, what loads it, and which
 * writes change it. To add one: copy one, name the writes
 * that change it (add a new kind to `Write` for a new write), read it in the widget with
 * `store.read(resource, number, query, signal)`, and send the write through `store.write(kind, …)`.
 *
 * They are in modules by family, as the API's resources are: here the account's own (Account
 * Information and the summary, which most widgets show); invoice-, payment-, report-, service-,
 * sub-account- and ticket-resources.ts beside. A widget imports what it shows, so the code a
 * page loads for one widget carries no other widget's loaders.
 *
 * The account's autopay card has no resource of its own: it is the summary's `paymentMethod`,
 * so the summary is what an autopay change invalidates.
 */

/** Account Information and the list of sub-accounts: no write of the portal changes them. */
export const account: Resource<AccountDetails> = {
  name: 'account',
  invalidatedBy: [],
  load: (client, number, _query, signal) => call(client.api.v1.accounts[':number'].$get({ param: { number } }, { init: { signal } })),
};

/** My Account: balance, amounts due, the payment method (autopay), usage. */
export const summary: Resource<AccountSummaryData> = {
  name: 'summary',
  invalidatedBy: ['payment', 'autopay'],
  load: (client, number, _query, signal) => call(client.api.v1.accounts[':number'].summary.$get({ param: { number } }, { init: { signal } })),
};
