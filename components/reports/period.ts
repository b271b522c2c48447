/**
 * The period picker's choices as whole months (`YYYY-MM`, UTC like the billing): this month,
 * last month, this or last quarter, the year to date, or a custom range.
 */
import { msg } from '@lit/localize';
import { formatLocale } from '../i18n/localize.ts';

export type PeriodPreset = 'this-month' | 'last-month' | 'this-quarter' | 'last-quarter' | 'year-to-date' | 'custom';

export interface Period {
  preset: PeriodPreset;
  from: string;
  to: string;
}

export const PRESETS: PeriodPreset[] = ['this-month', 'last-month', 'this-quarter', 'last-quarter', 'year-to-date', 'custom'];

export const presetLabel = (preset: PeriodPreset): string =>
  ({
    'this-month': msg('This month'),
    'last-month': msg('Last month'),
    'this-quarter': msg('This quarter'),
    'last-quarter': msg('Last quarter'),
    'year-to-date': msg('Year to date'),
    custom: msg('Custom range'),
  })[preset];

const monthOf = (year: number, month: number) => new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 7);

/** The months a preset covers on `today` (a custom range keeps the months it has). */
export function periodOf(preset: PeriodPreset, today = new Date(), custom?: { from: string; to: string }): Period {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  const quarter = m - (m % 3);
  switch (preset) {
    case 'this-month':
      return { preset, from: monthOf(y, m), to: monthOf(y, m) };
    case 'last-month':
      return { preset, from: monthOf(y, m - 1), to: monthOf(y, m - 1) };
    case 'this-quarter':
      return { preset, from: monthOf(y, quarter), to: monthOf(y, m) };
    case 'last-quarter':
      return { preset, from: monthOf(y, quarter - 3), to: monthOf(y, quarter - 1) };
    case 'year-to-date':
      return { preset, from: monthOf(y, 0), to: monthOf(y, m) };
    case 'custom':
      return { preset, from: custom?.from ?? monthOf(y, m), to: custom?.to ?? monthOf(y, m) };
  }
}

const monthNames = new Map<string, Intl.DateTimeFormat>();

/** "2026-10" → "Oct 2026" (or "October 2026") in the page's language. */
export function monthLabel(month: string, long = false): string {
  const locale = formatLocale();
  const key = `${locale}|${long ? 'long' : 'short'}`;
  let format = monthNames.get(key);
  if (!format) monthNames.set(key, (format = new Intl.DateTimeFormat(locale, { month: long ? 'long' : 'short', year: 'numeric', timeZone: 'UTC' })));
  return format.format(new Date(`${month}-01T00:00:00Z`));
}
