import { Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** A field or a line longer than the limits: the file is rejected at it. */
export class CsvLimitError extends Error {
  override name = 'CsvLimitError';
  constructor(
    /** The line it starts on (the header is line 1). */
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;

/**
 * Passes a CSV file through as text, failing with CsvLimitError at the first field longer than
 * `maxFieldChars` or line (a record, with the line breaks inside its quoted fields) longer than
 * `maxLineChars`. The CSV parser keeps an unfinished record in memory and reads it again with
 * every chunk, so a quote left open would cost time and memory without end; this keeps a
 * record's size bounded before the parser sees it. It follows the quotes as RFC 4180 (and
 * papaparse) do: a field that starts with a quote runs to the next quote not doubled.
 */
export function csvLimits(maxFieldChars: number, maxLineChars: number): Transform {
  const decoder = new StringDecoder('utf8');
  let line = 1;
  let recordLine = 1;
  let fieldLine = 1;
  let field = 0;
  let record = 0;
  let quoted = false;
  /** Inside a quoted field, the last character was a quote: a doubled one, or the end of the field. */
  let quoteSeen = false;

  const scan = (text: string): CsvLimitError | null => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      record++;
      if (quoted) {
        if (quoteSeen) {
          quoteSeen = false;
          if (c === QUOTE) {
            field++;
            continue;
          }
          quoted = false; // the quote closed the field: c is read as outside it
        } else {
          if (c === QUOTE) quoteSeen = true;
          else {
            field++;
            if (c === LF) line++;
          }
          if (field > maxFieldChars) return new CsvLimitError(fieldLine, `A field is longer than ${maxFieldChars} characters: is a quote left open?`);
          if (record > maxLineChars) return new CsvLimitError(recordLine, `A line is longer than ${maxLineChars} characters.`);
          continue;
        }
      }
      if (c === COMMA) field = 0;
      else if (c === LF) {
        line++;
        recordLine = line;
        field = 0;
        record = 0;
      } else if (c === QUOTE && field === 0) {
        quoted = true;
        fieldLine = line;
      } else if (++field > maxFieldChars) {
        return new CsvLimitError(line, `A field is longer than ${maxFieldChars} characters.`);
      }
      if (record > maxLineChars) return new CsvLimitError(recordLine, `A line is longer than ${maxLineChars} characters.`);
    }
    return null;
  };

  return new Transform({
    readableObjectMode: true, // strings out, as the parser takes them
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      const text = decoder.write(chunk);
      done(scan(text), text || undefined);
    },
    flush(done: TransformCallback) {
      const text = decoder.end();
      done(scan(text), text || undefined);
    },
  });
}
