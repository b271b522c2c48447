import type { Db } from '../../db/client.ts';
import { rateOpenMonth } from './open-month.ts';
import type { ReportOf } from './report-types.ts';
import { monthsBefore, type ReportPeriod, type ReportScope } from './scope.ts';

export type YtdName = 'ytd-all-in' | 'ytd-fixed' | 'ytd-usage';

interface MonthSpend {
  total: number;
  fixed: number;
  usage: number;
}

/** Percent change, one decimal; null when there is nothing to compare with. */
export const percentChange = (amount: number, before: number) => (before === 0 ? null : Math.round(((amount - before) / Math.abs(before)) * 1000) / 10);

/**
 * What the invoices of each month (by their `period`) billed the accounts: all in (the invoice
 * totals), fixed (recurring lines) and usage (usage lines). Reads the invoices and their lines,
 * never the calls: a dozen rows per account and year.
 */
function spendByMonth(db: Db, scope: ReportScope, from: string, to: string): Map<string, MonthSpend> {
  const sqlite = db.$client;
  const byMonth = new Map<string, MonthSpend>();
  const spend = (month: string) => byMonth.get(month) ?? (byMonth.set(month, { total: 0, fixed: 0, usage: 0 }), byMonth.get(month)!);
  const totals = sqlite
    .prepare(`select period, sum(total_cents) from invoices where account_id in (${scope.idList}) and period between ? and ? and state = 'issued' group by period`)
    .raw()
    .all(from, to) as [string, number][];
  for (const [month, total] of totals) spend(month).total = total;
  const lines = sqlite
    .prepare(
      `select i.period, l.kind, sum(l.amount_cents) from invoices i join invoice_lines l on l.invoice_id = i.id
       where i.account_id in (${scope.idList}) and i.period between ? and ? and i.state = 'issued' and l.kind in ('recurring', 'usage')
       group by 1, 2`,
    )
    .raw()
    .all(from, to) as [string, 'recurring' | 'usage', number][];
  for (const [month, kind, amount] of lines) spend(month)[kind === 'recurring' ? 'fixed' : 'usage'] = amount;
  return byMonth;
}

const pick = (name: YtdName, s: MonthSpend) => (name === 'ytd-all-in' ? s.total : name === 'ytd-fixed' ? s.fixed : s.usage);

/**
 * YTD All In Spend, YTD Fixed Spend and YTD Usage: each invoiced month of the period beside the
 * same month a year before, and, apart, the months not invoiced yet so far.
 */
export function ytdReport(db: Db, name: YtdName, scope: ReportScope, period: ReportPeriod) {
  const spend = spendByMonth(db, scope, monthsBefore(period.from, 12), period.to);
  const none: MonthSpend = { total: 0, fixed: 0, usage: 0 };
  const open = new Set(period.uninvoicedMonths);
  const months = period.months.filter((m) => m <= period.currentMonth && !open.has(m));
  const rows = months.map((month) => {
    const now = spend.get(month) ?? none;
    const amount = pick(name, now);
    const lastYear = pick(name, spend.get(monthsBefore(month, 12)) ?? none);
    const row = { month, amount, lastYear, change: percentChange(amount, lastYear) };
    return name === 'ytd-all-in' ? { ...row, fixed: now.fixed, usage: now.usage, other: now.total - now.fixed - now.usage } : row;
  });
  const amount = rows.reduce((sum, r) => sum + r.amount, 0);
  const lastYear = rows.reduce((sum, r) => sum + r.lastYear, 0);
  const soFar = period.uninvoicedMonths.map((month) => {
    const parts = scope.accounts.map((a) => rateOpenMonth(db, a.id, month));
    const fixed = parts.reduce((sum, p) => sum + p.fixed, 0);
    const usage = parts.reduce((sum, p) => sum + p.usage, 0);
    return { month, amount: name === 'ytd-all-in' ? fixed + usage : name === 'ytd-fixed' ? fixed : usage, fixed, usage };
  });
  return { rows, totals: { amount, lastYear, change: percentChange(amount, lastYear) }, soFar } as Pick<ReportOf<YtdName>, 'rows' | 'totals' | 'soFar'>;
}
