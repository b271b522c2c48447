/** Numbers of the reports as people read them, in the page's language. */

const numbers = new Intl.NumberFormat();

export const formatCount = (n: number) => numbers.format(n);

/** 125 s → "2:05". */
export const formatDuration = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

const precise = new Map<string, Intl.NumberFormat>();

/** A call's charge in millicents (1/1000 cent), to the tenth of a cent: 7500 → "$0.075". */
export function formatMillicents(millicents: number, currency: string): string {
  let format = precise.get(currency);
  if (!format) precise.set(currency, (format = new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 5 })));
  return format.format(millicents / 100_000);
}

/** +12.5 → "+12.5%", null → "—". */
export const formatChange = (change: number | null) => (change === null ? '—' : `${change > 0 ? '+' : ''}${change.toFixed(1)}%`);

/** "2026-10-05T08:15:00-07:00" → "2026-10-05 08:15" (the time as the account's zone has it). */
export const formatCallTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
