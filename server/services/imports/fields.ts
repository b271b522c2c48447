/**
 * Parsers for the columns of import files. Each takes the cell's text and returns the value
 * to store, or throws FieldError with a message a provider can act on. Amounts are parsed
 * from their decimal text, never through floating point, so "89.95" is exactly 8995 cents.
 */

export class FieldError extends Error {}

export interface Column<T, Optional extends boolean = boolean> {
  parse(text: string): T;
  /** Empty cells are allowed and give null. */
  optional: Optional;
}

const column = <T>(parse: (text: string) => T) => ({
  required: { parse, optional: false } as Column<T, false>,
  optional: { parse, optional: true } as Column<T, true>,
});

/** A decimal text as an integer count of 10^-digits units: ("0.025", 5) → 2500. */
function scaled(text: string, digits: number, what: string): number {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new FieldError(`"${text}" is not ${what}.`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits) throw new FieldError(`"${text}" has more than ${digits} decimal places.`);
  const value = Number(whole + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(value)) throw new FieldError(`"${text}" is too large.`);
  return sign ? -value : value;
}

const nonNegative = (value: number, text: string) => {
  if (value < 0) throw new FieldError(`"${text}" is negative.`);
  return value;
};

export const text = (maxLength = 200) =>
  column((s) => {
    if (s.length > maxLength) throw new FieldError(`Longer than ${maxLength} characters.`);
    return s;
  });

export const integer = (min = 0, max = Number.MAX_SAFE_INTEGER) =>
  column((s) => {
    if (!/^-?\d+$/.test(s)) throw new FieldError(`"${s}" is not a whole number.`);
    const n = Number(s);
    if (n < min || n > max) throw new FieldError(`${s} is outside ${min}–${max}.`);
    return n;
  });

/** Dollars and cents ("89.95") → cents. */
export const money = column((s) => nonNegative(scaled(s, 2, 'an amount like 89.95'), s));

/** A per-minute price ("0.025", up to 5 decimals of a dollar) → millicents. */
export const ratePerMinute = column((s) => nonNegative(scaled(s, 5, 'a price per minute like 0.025'), s));

/** A tax rate in percent ("8.625") → parts per million. */
export const percent = column((s) => {
  const ppm = nonNegative(scaled(s, 4, 'a percentage like 8.625'), s);
  if (ppm > 1_000_000) throw new FieldError(`${s}% is more than 100%.`);
  return ppm;
});

/** A calendar date, `YYYY-MM-DD`. */
export const date = column((s) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const d = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : null;
  if (!d || d.getUTCDate() !== +match![3]! || d.getUTCMonth() !== +match![2]! - 1) throw new FieldError(`"${s}" is not a date like 2026-10-31.`);
  return s;
});

const digitsAt = (s: string, from: number, count: number) => {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
};

/** `YYYY-MM-DDTHH:MM:SSZ`, the form switches write, read without Date.parse (a call file has millions). */
function utcSeconds(s: string): number | null {
  if (s.length !== 20 || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':' || s[19] !== 'Z') return null;
  const [y, mo, d, h, mi, se] = [digitsAt(s, 0, 4), digitsAt(s, 5, 2), digitsAt(s, 8, 2), digitsAt(s, 11, 2), digitsAt(s, 14, 2), digitsAt(s, 17, 2)];
  if (y < 0 || h < 0 || mi < 0 || se < 0) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, se);
  // Date.UTC rolls 2026-02-30 over into March: a date that does not come back as written is not one.
  const back = new Date(ms);
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || se > 59) throw new FieldError(`"${s}" is not a valid time.`);
  return ms / 1000;
}

/** An ISO 8601 moment with its offset ("2026-10-05T15:04:05Z") → epoch seconds. */
export const timestamp = column((s) => {
  const fast = utcSeconds(s);
  if (fast !== null) return fast;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) {
    throw new FieldError(`"${s}" is not a time like 2026-10-05T15:04:05Z (with Z or an offset).`);
  }
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) throw new FieldError(`"${s}" is not a valid time.`);
  return Math.floor(ms / 1000);
});

export const oneOf = <const T extends string>(...values: T[]) =>
  column((s) => {
    const v = s.toLowerCase() as T;
    if (!values.includes(v)) throw new FieldError(`"${s}" is not one of: ${values.join(', ')}.`);
    return v;
  });

/** An account number like C123456 (upper-cased). */
export const accountNumber = column((s) => {
  const v = s.toUpperCase();
  if (!/^[A-Z]\d{4,9}$/.test(v)) throw new FieldError(`"${s}" is not an account number like C123456.`);
  return v;
});

/** An IANA time zone such as America/Los_Angeles (the reports show call times in it). */
export const timeZone = column((s) => {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: s }).resolvedOptions().timeZone;
  } catch {
    throw new FieldError(`"${s}" is not a time zone like America/Los_Angeles.`);
  }
});

/** A two-letter country code. */
export const country = column((s) => {
  const v = s.toUpperCase();
  if (!/^[A-Z]{2}$/.test(v)) throw new FieldError(`"${s}" is not a two-letter country code like US.`);
  return v;
});

// Columns of any value type: each column's own type is kept by RowOf below.
export type Columns = Record<string, Column<any>>;

/** The typed row a kind's columns give: optional columns may be null. */
export type RowOf<C extends Columns> = {
  [K in keyof C]: C[K] extends Column<infer T, infer O> ? T | (O extends true ? null : never) : never;
};
