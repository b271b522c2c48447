/**
 * CSV as spreadsheets read it (RFC 4180, CRLF, a header row). Amounts are decimal text in the
 * currency's units ("1234.56"), never floating point. A cell that a spreadsheet would run as a
 * formula (=, @, or + / - before something other than a digit) is prefixed with an apostrophe;
 * phone numbers such as +14155550100 stay as they are.
 */
export type Cell = string | number | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA = /^(?:[=@\t\r]|[+-][^0-9])/;
// One test for the common case (a million cells of an export): neither a formula nor quotes.
const NEEDS_CARE = /[",\r\n]|^(?:[=@\t\r]|[+-][^0-9])/;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (!NEEDS_CARE.test(value)) return value;
  const text = FORMULA.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: Cell[]) => cells.map(csvCell).join(',') + '\r\n';

/** Integer minor units as a decimal with `digits` places, trailing zeros beyond `keep` dropped. */
function decimal(units: number, digits: number, keep: number): string {
  const sign = units < 0 ? '-' : '';
  const abs = Math.abs(units);
  const scale = 10 ** digits;
  const whole = Math.floor(abs / scale);
  let fraction = String(abs - whole * scale).padStart(digits, '0');
  while (fraction.length > keep && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${sign}${whole}.${fraction}`;
}

/** 123456 cents → "1234.56". */
export const centsText = (cents: number) => decimal(cents, 2, 2);

/** 7500 millicents → "0.075" (two to five decimals). */
export const millicentsText = (millicents: number) => decimal(millicents, 5, 2);

const encoder = new TextEncoder();

/** A CSV download built from rows already in memory (the reports of a few hundred rows). */
export const csvText = (header: string[], rows: Cell[][]) => csvRow(header) + rows.map(csvRow).join('');

/** A CSV download streamed chunk by chunk: `nextChunk` returns the next text, or null at the end. */
export function csvStream(header: string[], nextChunk: () => string | null): ReadableStream<Uint8Array> {
  let started = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvRow(header)));
        return;
      }
      const chunk = nextChunk();
      if (chunk === null) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
  });
}
