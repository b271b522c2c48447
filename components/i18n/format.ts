/** Formatting at the edge: money arrives in cents, dates as ISO strings. */

/** 12345 cents in USD → "$123.45" in the page's locale. */
export function formatMoney(cents: number, currency = 'USD', locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

/** "2026-11-01" → the date as the guide shows it (ISO), independent of the visitor's time zone. */
export function formatDate(isoDate: string): string {
  return isoDate.slice(0, 10);
}

/** "2026-11-13T16:20:00Z" → the date and time in the visitor's time zone, e.g. "2026-11-13 08:20". */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
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
