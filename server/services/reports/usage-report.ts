import type { Db } from '../../db/client.ts';
import { rateOpenMonth } from './open-month.ts';
import type { ReportOf } from './report-types.ts';
import type { ReportPeriod, ReportScope } from './scope.ts';

type UsageRow = ReportOf<'usage'>['rows'][number];

/**
 * The Usage report: per month, each voice plan's pool (minutes used, included, over, and the
 * overage charge) and each category no plan includes (minutes and charge). Invoiced months are
 * read from their invoices' usage lines, so they agree with the invoices to the cent; months
 * not invoiced yet are rated so far at today's prices, marked `invoiced: false`.
 */
export function usageRows(db: Db, scope: ReportScope, period: ReportPeriod): UsageRow[] {
  const invoiced = db.$client
    .prepare(
      `select i.period as month, a.number as account, p.name as plan, coalesce(l.usage_category, l.description) as category,
              l.usage_minutes as usedMinutes, l.included_minutes as includedMinutes, l.quantity, l.amount_cents as charge
       from invoices i join accounts a on a.id = i.account_id join invoice_lines l on l.invoice_id = i.id left join products p on p.id = l.product_id
       where i.account_id in (${scope.idList}) and i.period between ? and ? and i.state = 'issued' and l.kind = 'usage'
       order by i.period, a.number, l.position`,
    )
    .all(period.from, period.to) as { month: string; account: string; plan: string | null; category: string; usedMinutes: number | null; includedMinutes: number | null; quantity: number; charge: number }[];
  const rows: UsageRow[] = invoiced.map((l) =>
    l.plan === null
      ? { month: l.month, account: l.account, plan: null, category: l.category, usedMinutes: l.usedMinutes ?? l.quantity, includedMinutes: null, overageMinutes: null, charge: l.charge, invoiced: true }
      : { month: l.month, account: l.account, plan: l.plan, category: l.category, usedMinutes: l.usedMinutes ?? 0, includedMinutes: l.includedMinutes, overageMinutes: l.quantity, charge: l.charge, invoiced: true },
  );
  for (const month of period.uninvoicedMonths) {
    for (const account of scope.accounts) {
      const open = rateOpenMonth(db, account.id, month);
      for (const p of open.pools) rows.push({ month, account: account.number, ...p, invoiced: false });
      for (const c of open.categories) {
        rows.push({ month, account: account.number, plan: null, category: c.category, usedMinutes: c.minutes, includedMinutes: null, overageMinutes: null, charge: c.charge, invoiced: false });
      }
    }
  }
  return rows.sort((a, b) => a.month.localeCompare(b.month) || a.account.localeCompare(b.account) || Number(a.plan === null) - Number(b.plan === null));
}

export function usageTotals(rows: UsageRow[]): ReportOf<'usage'>['totals'] {
  const totals = { usedMinutes: 0, overageMinutes: 0, charge: 0, chargeSoFar: 0 };
  for (const r of rows) {
    totals.usedMinutes += r.usedMinutes;
    totals.overageMinutes += r.overageMinutes ?? 0;
    if (r.invoiced) totals.charge += r.charge;
    else totals.chargeSoFar += r.charge;
  }
  return totals;
}
