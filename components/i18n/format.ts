/** Formatting at the edge: money arrives in cents, dates as ISO strings. */

/** 12345 cents in USD → "$123.45" in the page's locale. */
export function formatMoney(cents: number, currency = 'USD', locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

/** "2026-11-01" → the date as the guide shows it (ISO), independent of the visitor's time zone. */
export function formatDate(isoDate: string): string {
  return isoDate.slice(0, 10);
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
