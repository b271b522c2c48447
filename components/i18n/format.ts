/** Formatting at the edge: money arrives in cents, dates as ISO strings; all in the kit's language. */
import { formatLocale } from './localize.ts';

/** 12345 cents in USD → "$123.45" (en), "123,45 $US" (fr), in the kit's language. */
export function formatMoney(cents: number, currency = 'USD', locale = formatLocale()): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

/** A count or a number of minutes: "4,997" (en), "4 997" (fr). */
export const formatNumber = (n: number, locale = formatLocale()): string => new Intl.NumberFormat(locale).format(n);

/**
 * "2026-11-01" → "Nov 1, 2026", "1 nov. 2026", "1 nov 2026": the month by name, so no reader
 * mistakes day for month; the calendar date as given, whatever the visitor's time zone.
 */
export function formatDate(isoDate: string, locale = formatLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** "2026-11-13T16:20:00Z" → the date and time in the visitor's time zone: "Nov 13, 2026, 8:20 AM", "13 nov. 2026, 08:20". */
export function formatDateTime(iso: string, locale = formatLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export interface Address {
  line1: string;
  line2: string | null;
  city: string;
  region: string;
  postalCode: string;
  country?: string;
}

/** "111 High St San Francisco, CA 94114", the guide's one-line billing address. */
export function formatAddress(a: Address): string {
  return [a.line1, a.line2, `${a.city}, ${a.region} ${a.postalCode}`].filter(Boolean).join(' ');
}
