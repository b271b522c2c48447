import { msg } from '@lit/localize';
import { call } from '../api/client.ts';
import type { ReportData, ReportName } from '../api/types.ts';
import type { Resource } from './account-store.ts';

/**
 * Which report and what of it: the period, with the sub-accounts or not; Usage Details also a
 * page (where the page before ended) and its filters.
 */
export interface ReportQuery {
  report: ReportName;
  from: string;
  to: string;
  rollup: boolean;
  limit?: number | undefined;
  cursor?: string | undefined;
  subscriber?: string | undefined;
  category?: string | undefined;
  q?: string | undefined;
}

/** The report's query as the API takes it (a download adds `format=csv`). */
export function reportParams(q: Omit<ReportQuery, 'report'>): Record<string, string> {
  const params: Record<string, string> = { from: q.from, to: q.to };
  if (q.rollup) params.rollup = 'true';
  if (q.limit !== undefined) params.limit = String(q.limit);
  for (const key of ['cursor', 'subscriber', 'category', 'q'] as const) if (q[key]) params[key] = q[key];
  return params;
}

/**
 * A report, per name, period, rollup, page and filters. No write of the portal changes one: its
 * figures are what the invoices billed and the calls, and a payment changes what is owed on the
 * invoices, never their totals or lines. New calls and a month's billing come from the provider:
 * `refresh()` reads them.
 */
export const report: Resource<ReportData, ReportQuery> = {
  name: 'report',
  invalidatedBy: [],
  queryKey: (q) => JSON.stringify([q.report, q.from, q.to, q.rollup, q.limit, q.cursor, q.subscriber, q.category, q.q]),
  load: async (client, number, { report: name, ...q }, signal) => {
    const body = await call(client.api.v1.accounts[':number'].reports[':report'].$get({ param: { number, report: name }, query: reportParams(q) }, { init: { signal } }));
    // The route also answers CSV; asked without `format`, it answers JSON.
    if (typeof body !== 'object' || body === null || !('report' in body)) throw new Error(msg('The report came back in a form this page cannot show. Please try again.'));
    return body as ReportData;
  },
};
