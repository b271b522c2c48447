/** Numbers of the reports as people read them, in the kit's language. */
import { formatLocale } from '../i18n/localize.ts';

const formats = new Map<string, Intl.NumberFormat>();
/** One NumberFormat per locale and kind, kept: building one costs far more than using it. */
function formatFor(kind: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locale = formatLocale();
  const key = `${locale}|${kind}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

export const formatCount = (n: number) => formatFor('count', {}).format(n);

/** 125 s → "2:05". */
export const formatDuration = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** A call's charge in millicents (1/1000 cent), to the tenth of a cent: 7500 → "$0.075". */
export function formatMillicents(millicents: number, currency: string): string {
  return formatFor(`precise:${currency}`, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 5 }).format(millicents / 100_000);
}

/** +12.5 → "+12.5%" ("+12,5 %" in French), null → "—". */
export const formatChange = (change: number | null) =>
  change === null ? '—' : formatFor('change', { style: 'percent', signDisplay: 'exceptZero', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(change / 100);

/** "2026-10-05T08:15:00-07:00" → "2026-10-05 08:15" (the time as the account's zone has it). */
export const formatCallTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
