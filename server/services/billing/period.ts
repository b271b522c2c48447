import { InputError } from '../errors.ts';

/**
 * A billing period: one calendar month, in UTC. Calls belong to the month their start time
 * falls in (UTC), subscriptions to the days they are active.
 */
export interface Period {
  /** `YYYY-MM` */
  key: string;
  firstDay: string;
  lastDay: string;
  days: number;
  /** Epoch seconds: the first second of the month, and the first second after it. */
  startSeconds: number;
  endSeconds: number;
  /** The day after the month ends: when its invoices are issued. */
  issueDate: string;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function parsePeriod(text: string): Period {
  const match = /^(\d{4})-(\d{2})$/.exec(text.trim());
  const year = match ? Number(match[1]) : NaN;
  const month = match ? Number(match[2]) : NaN;
  if (!match || month < 1 || month > 12 || year < 2000 || year > 2999) throw new InputError(`"${text}" is not a billing period like 2026-10.`);
  const start = Date.UTC(year, month - 1, 1);
  const end = Date.UTC(year, month, 1);
  return {
    key: `${match[1]}-${match[2]}`,
    firstDay: isoDay(start),
    lastDay: isoDay(end - 86_400_000),
    days: Math.round((end - start) / 86_400_000),
    startSeconds: start / 1000,
    endSeconds: end / 1000,
    issueDate: isoDay(end),
  };
}

export function addDays(day: string, days: number): string {
  return isoDay(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`), inclusive of both. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

