import { msg, str } from '@lit/localize';
import type { ReportData, ReportName } from '../api/types.ts';

/** The guide's six reports, in its order, with their names and what each shows. */
export const REPORTS: { name: ReportName; readonly title: string; readonly summary: string; chart: boolean }[] = [
  { name: 'usage', get title() { return msg('Usage', { id: 'report-usage' }); }, get summary() { return msg('Minutes per voice plan and usage category, month by month: used, included, over, and what they cost.'); }, chart: true },
  { name: 'subscribers', get title() { return msg('Subscribers'); }, get summary() { return msg('Every line with its plans and add-ons, monthly fixed charge, and its calls, minutes and usage charges.'); }, chart: false },
  { name: 'usage-details', get title() { return msg('Usage Details'); }, get summary() { return msg('The call records: date and time, line, from, to, category, duration, billed minutes and charge.'); }, chart: false },
  { name: 'ytd-all-in', get title() { return msg('YTD All In Spend'); }, get summary() { return msg('Everything invoiced, month by month, fixed and usage, beside the same months last year.'); }, chart: true },
  { name: 'ytd-fixed', get title() { return msg('YTD Fixed Spend'); }, get summary() { return msg('The fixed monthly charges invoiced, month by month, beside last year.'); }, chart: true },
  { name: 'ytd-usage', get title() { return msg('YTD Usage'); }, get summary() { return msg('The usage charges invoiced, month by month, beside last year.'); }, chart: true },
];

export const reportMeta = (name: ReportName) => REPORTS.find((r) => r.name === name)!;
export const isYtd = (name: ReportName) => name.startsWith('ytd');

/**
 * The title of a report's chart (the canvas's accessible name), or null when the report has no
 * chart or no month to show. The report renders the canvas with it; what the chart draws
 * (chart-spec.ts) and the library that draws it load only then, with report-chart.ts.
 */
export function chartTitle(report: ReportData, title: string): string | null {
  if (report.report === 'usage') return report.rows.length ? msg(str`${title}: minutes by month`) : null;
  if (report.report !== 'ytd-all-in' && report.report !== 'ytd-fixed' && report.report !== 'ytd-usage') return null;
  return report.rows.length + report.soFar.length ? msg(str`${title}: this year and last year by month`) : null;
}
