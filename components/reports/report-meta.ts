import type { ReportName } from '../api/types.ts';

/** The guide's six reports, in its order, with their names and what each shows. */
export const REPORTS: { name: ReportName; title: string; summary: string; chart: boolean }[] = [
  { name: 'usage', title: 'Usage', summary: 'Minutes per voice plan and usage category, month by month: used, included, over, and what they cost.', chart: true },
  { name: 'subscribers', title: 'Subscribers', summary: 'Every line with its plans and add-ons, monthly fixed charge, and its calls, minutes and usage charges.', chart: false },
  { name: 'usage-details', title: 'Usage Details', summary: 'The call records: date and time, line, from, to, category, duration, billed minutes and charge.', chart: false },
  { name: 'ytd-all-in', title: 'YTD All In Spend', summary: 'Everything invoiced, month by month, fixed and usage, beside the same months last year.', chart: true },
  { name: 'ytd-fixed', title: 'YTD Fixed Spend', summary: 'The fixed monthly charges invoiced, month by month, beside last year.', chart: true },
  { name: 'ytd-usage', title: 'YTD Usage', summary: 'The usage charges invoiced, month by month, beside last year.', chart: true },
];

export const reportMeta = (name: ReportName) => REPORTS.find((r) => r.name === name)!;
export const isYtd = (name: ReportName) => name.startsWith('ytd');
