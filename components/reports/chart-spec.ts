import { msg, str } from '@lit/localize';
import type { ReportData } from '../api/types.ts';
import { monthLabel } from './period.ts';
import { chartTitle } from './report-meta.ts';

/**
 * What a report's chart shows: bars by month, in stacks, with a legend label each. Colours are
 * slots 1–5 of the theme's chart tokens. Loaded with the chart library (report-chart.ts), only
 * when a chart is drawn.
 */
export interface ChartSeries {
  label: string;
  values: (number | null)[];
  /** Which of the theme's series colours (1–5). */
  color: number;
  /** Bars of one stack sit on each other; stacks sit side by side. */
  stack: string;
}

export interface ChartSpec {
  /** What the chart shows, for its accessible name. */
  title: string;
  labels: string[];
  series: ChartSeries[];
  /** Money (cents) or minutes: how the axis and tooltips write values. */
  unit: 'money' | 'minutes';
}

export function chartSpec(report: ReportData, reportTitle: string): ChartSpec | null {
  const title = chartTitle(report, reportTitle);
  if (title === null) return null;
  if (report.report === 'usage') {
    const months = [...new Set(report.rows.map((r) => r.month))].sort();
    const invoiced = new Set(report.rows.filter((r) => r.invoiced).map((r) => r.month));
    const kinds = [...new Set(report.rows.map((r) => r.plan ?? r.category))];
    return {
      title,
      unit: 'minutes',
      labels: months.map((m) => (invoiced.has(m) ? monthLabel(m) : msg(str`${monthLabel(m)} (so far)`))),
      series: kinds.slice(0, 5).map((kind, i) => ({
        label: kind,
        color: i + 1,
        stack: 'minutes',
        values: months.map((m) => report.rows.filter((r) => r.month === m && (r.plan ?? r.category) === kind).reduce((s, r) => s + r.usedMinutes, 0)),
      })),
    };
  }
  if (report.report !== 'ytd-all-in' && report.report !== 'ytd-fixed' && report.report !== 'ytd-usage') return null;
  const soFar = report.soFar.filter((s) => !report.rows.some((r) => r.month === s.month));
  const months = [...report.rows.map((r) => r.month), ...soFar.map((s) => s.month)];
  const pad = (values: number[]) => [...values, ...soFar.map(() => null)];
  const thisYear: ChartSeries[] =
    report.report === 'ytd-all-in'
      ? [
          { label: msg('Fixed'), color: 1, stack: 'this', values: pad(report.rows.map((r) => r.fixed)) },
          { label: msg('Usage', { id: 'usage-charges' }), color: 2, stack: 'this', values: pad(report.rows.map((r) => r.usage)) },
          { label: msg('Taxes and fees'), color: 3, stack: 'this', values: pad(report.rows.map((r) => r.other)) },
        ]
      : [{ label: msg('This year'), color: 1, stack: 'this', values: pad(report.rows.map((r) => r.amount)) }];
  return {
    title,
    unit: 'money',
    labels: months.map((m) => monthLabel(m)),
    series: [
      ...thisYear,
      ...(soFar.length ? [{ label: msg('This month so far (not invoiced)'), color: 5, stack: 'this', values: [...report.rows.map(() => null), ...soFar.map((s) => s.amount)] }] : []),
      { label: msg('Last year'), color: 4, stack: 'last', values: [...report.rows.map((r) => r.lastYear), ...soFar.map(() => null)] },
    ],
  };
}
