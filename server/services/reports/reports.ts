import { YTD_REPORTS, type ReportQuery } from '../../api/reports/routes.ts';
import type { Db } from '../../db/client.ts';
import type { Account } from '../../db/schema.ts';
import { DomainError } from '../errors.ts';
import { parseCursor, type CallFilter } from './call-stream.ts';
import { centsText, csvText, type Cell } from './csv.ts';
import type { Report, ReportName, ReportOf } from './report-types.ts';
import { reportPeriod, reportScope, type ReportPeriod, type ReportScope } from './scope.ts';
import { subscriberRows, subscriberTotals } from './subscribers-report.ts';
import { usageDetailsCsv, usageDetailsPage } from './usage-details.ts';
import { usageRows, usageTotals } from './usage-report.ts';
import { ytdReport, type YtdName } from './ytd-reports.ts';

/**
 * The guide's six reports of an account (or a head office rolled up with its sub-accounts) for
 * a period: as the API's JSON, and as the CSV of the same numbers.
 */

const isYtd = (name: ReportName): name is YtdName => (YTD_REPORTS as readonly string[]).includes(name);
const DETAIL_PARAMETERS = ['cursor', 'limit', 'subscriber', 'category', 'q'] as const;
const DEFAULT_PAGE = 50;

interface Prepared {
  name: ReportName;
  scope: ReportScope;
  period: ReportPeriod;
  filter: CallFilter;
}

/** The parameters of Usage Details are refused elsewhere, each named, rather than silently ignored. */
function prepare(db: Db, account: Account, name: ReportName, query: ReportQuery, now: number): Prepared {
  if (name !== 'usage-details') {
    const stray = DETAIL_PARAMETERS.filter((p) => query[p] !== undefined);
    if (stray.length) {
      throw new DomainError('MALFORMED', `${stray.join(', ')} only apply to the usage-details report.`, {
        issues: stray.map((path) => ({ path, message: 'Only the usage-details report takes this.' })),
      });
    }
  }
  return {
    name,
    scope: reportScope(db, account, query.rollup === 'true'),
    period: reportPeriod(db, query, isYtd(name), now),
    filter: { subscriber: query.subscriber, category: query.category, q: query.q },
  };
}

function head(p: Prepared) {
  return {
    account: p.scope.account.number,
    rollup: p.scope.rollup,
    accounts: p.scope.accounts.map((a) => ({ number: a.number, name: a.name })),
    from: p.period.from,
    to: p.period.to,
    currency: p.scope.account.currency,
    uninvoicedMonths: p.period.uninvoicedMonths,
  };
}

function build(db: Db, p: Prepared, query: ReportQuery): Report {
  switch (p.name) {
    case 'usage': {
      const rows = usageRows(db, p.scope, p.period);
      return { report: 'usage', ...head(p), rows, totals: usageTotals(rows) };
    }
    case 'subscribers': {
      const rows = subscriberRows(db, p.scope, p.period);
      return { report: 'subscribers', ...head(p), rows, totals: subscriberTotals(rows) };
    }
    case 'usage-details': {
      const after = query.cursor ? parseCursor(query.cursor) : null;
      return { report: 'usage-details', ...head(p), ...usageDetailsPage(db, p.scope, p.period, p.filter, after, query.limit ?? DEFAULT_PAGE) };
    }
    default:
      return { report: p.name, ...head(p), ...ytdReport(db, p.name, p.scope, p.period) } as Report;
  }
}

/** A report as the API's JSON. Throws MALFORMED naming a parameter the report does not take. */
export function runReport(db: Db, account: Account, name: ReportName, query: ReportQuery, now: number): Report {
  return build(db, prepare(db, account, name, query, now), query);
}

/** The file name of a report's CSV: `C123456-usage-2026-01-to-2026-10.csv`. */
export const reportFileName = (account: Account, name: ReportName, report: { from: string; to: string }) => `${account.number}-${name}-${report.from}-to-${report.to}.csv`;

/**
 * A report as CSV: the same rows (and totals) as on screen, amounts as decimals. Usage Details
 * streams every call of the period, unpaged.
 */
export function reportCsv(db: Db, account: Account, name: ReportName, query: ReportQuery, now: number): { fileName: string; body: string | ReadableStream<Uint8Array> } {
  const p = prepare(db, account, name, query, now);
  const fileName = reportFileName(account, name, p.period);
  if (p.name === 'usage-details') return { fileName, body: usageDetailsCsv(db, p.scope, p.period, p.filter) };
  return { fileName, body: csvOf(build(db, p, query) as SmallReport) };
}

const yesNo = (invoiced: boolean) => (invoiced ? 'invoiced' : 'so far');

/** Usage's total rows, as on screen: invoiced and so far apart, each only when the period has such months. */
function totalRows(report: ReportOf<'usage'>): Cell[][] {
  const sum = (rows: ReportOf<'usage'>['rows']) => [rows.reduce((s, r) => s + r.usedMinutes, 0), rows.reduce((s, r) => s + (r.overageMinutes ?? 0), 0)];
  const invoiced = report.rows.filter((r) => r.invoiced);
  const soFar = report.rows.filter((r) => !r.invoiced);
  return [
    ...(invoiced.length ? [['Total invoiced', '', '', '', sum(invoiced)[0], '', sum(invoiced)[1], centsText(report.totals.charge), 'invoiced']] : []),
    ...(soFar.length ? [['Total so far', '', '', '', sum(soFar)[0], '', sum(soFar)[1], centsText(report.totals.chargeSoFar), 'so far']] : []),
  ];
}
const percent = (change: number | null) => (change === null ? '' : change.toFixed(1));

/** Every report but Usage Details, whose CSV streams. */
type SmallReport = Exclude<Report, { report: 'usage-details' }>;

function csvOf(report: SmallReport): string {
  switch (report.report) {
    case 'usage':
      return csvText(
        ['Month', 'Customer #', 'Plan', 'Category', 'Minutes used', 'Minutes included', 'Overage minutes', 'Charge', 'Status'],
        [
          ...report.rows.map((r): Cell[] => [r.month, r.account, r.plan, r.category, r.usedMinutes, r.includedMinutes, r.overageMinutes, centsText(r.charge), yesNo(r.invoiced)]),
          ...totalRows(report),
        ],
      );
    case 'subscribers':
      return csvText(
        ['Customer #', 'Subscriber #', 'Name', 'Location', 'Services', 'Quantity', 'Monthly fixed charge', 'Calls', 'Minutes', 'Usage charges'],
        [
          ...report.rows.map((r): Cell[] => [
            r.account,
            r.subscriberNumber,
            r.subscriberName,
            r.location,
            r.services.map((s) => (s.quantity > 1 ? `${s.product} × ${s.quantity}` : s.product)).join('; '),
            r.quantity,
            centsText(r.monthlyCharge),
            r.calls,
            r.minutes,
            centsText(r.charge),
          ]),
          ['Total', '', '', '', '', '', centsText(report.totals.monthlyCharge), report.totals.calls, report.totals.minutes, centsText(report.totals.charge)],
        ],
      );
    case 'ytd-all-in':
      return csvText(
        ['Month', 'Fixed', 'Usage', 'Other (taxes, fees)', 'All in', 'Last year', 'Change %'],
        [
          ...report.rows.map((r): Cell[] => [r.month, centsText(r.fixed), centsText(r.usage), centsText(r.other), centsText(r.amount), centsText(r.lastYear), percent(r.change)]),
          ['Total', '', '', '', centsText(report.totals.amount), centsText(report.totals.lastYear), percent(report.totals.change)],
          ...report.soFar.map((s): Cell[] => [`${s.month} so far (not invoiced)`, centsText(s.fixed), centsText(s.usage), '', centsText(s.amount), '', '']),
        ],
      );
    default:
      return csvText(
        ['Month', 'Amount', 'Last year', 'Change %'],
        [
          ...report.rows.map((r): Cell[] => [r.month, centsText(r.amount), centsText(r.lastYear), percent(r.change)]),
          ['Total', centsText(report.totals.amount), centsText(report.totals.lastYear), percent(report.totals.change)],
          ...report.soFar.map((s): Cell[] => [`${s.month} so far (not invoiced)`, centsText(s.amount), '', '']),
        ],
      );
  }
}

export type { ReportOf };
