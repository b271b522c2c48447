import { call } from '../api/client.ts';
import type { AccountDetails, AccountSummaryData, InvoiceDetail, InvoicePage, PaymentList } from '../api/types.ts';
import type { Resource } from './account-store.ts';

/**
 * The account data the widgets show, one resource each: a name, what loads it, and which
 * writes change it. To add one (reports, services, tickets): copy one below, name the writes
 * that change it (add a new kind to `Write` for a new write), read it in the widget with
 * `store.read(resource, number, query, signal)`, and send the write through `store.write(kind, …)`.
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

export interface InvoiceQuery {
  status?: 'open' | 'paid' | 'past_due' | undefined;
  year?: string | undefined;
  page: number;
  pageSize: number;
}

/** A page of the invoice list: a payment changes balances and statuses. */
export const invoices: Resource<InvoicePage, InvoiceQuery> = {
  name: 'invoices',
  invalidatedBy: ['payment'],
  queryKey: (q) => `${q.status ?? ''}|${q.year ?? ''}|${q.page}|${q.pageSize}`,
  load: (client, number, q, signal) => {
    const query: Record<string, string> = { page: String(q.page), pageSize: String(q.pageSize) };
    if (q.status) query.status = q.status;
    if (q.year) query.year = q.year;
    return call(client.api.v1.accounts[':number'].invoices.$get({ param: { number }, query }, { init: { signal } }));
  },
};

/** One invoice's lines, totals and the payments applied to it. */
export const invoice: Resource<InvoiceDetail, { id: number }> = {
  name: 'invoice',
  invalidatedBy: ['payment'],
  queryKey: (q) => String(q.id),
  load: (client, number, q, signal) => call(client.api.v1.accounts[':number'].invoices[':id'].$get({ param: { number, id: String(q.id) } }, { init: { signal } })),
};

/** Payment History: every payment attempt, declined ones too. */
export const payments: Resource<PaymentList> = {
  name: 'payments',
  invalidatedBy: ['payment'],
  load: (client, number, _query, signal) => call(client.api.v1.accounts[':number'].payments.$get({ param: { number } }, { init: { signal } })),
};
