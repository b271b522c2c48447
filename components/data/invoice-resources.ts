import { call } from '../api/client.ts';
import type { InvoiceDetail, InvoicePage } from '../api/types.ts';
import type { Resource } from './account-store.ts';

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
