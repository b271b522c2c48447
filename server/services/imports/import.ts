import type { Readable } from 'node:stream';
import type { Db } from '../../db/client.ts';
import { audit } from '../audit.ts';
import { CsvLimitError } from './csv-limits.ts';
import { readCsv, type CsvRecord } from './csv-reader.ts';
import { FieldError, type Columns, type RowOf } from './fields.ts';
import { DEFAULT_IMPORT_SETTINGS, type ImportSettings } from './settings.ts';

/** Why one row (or the header) cannot be imported. */
export interface RowError {
  line: number;
  /** The column at fault; empty when the whole row is. */
  column: string;
  message: string;
}

export interface ImportCounts {
  inserted: number;
  updated: number;
  /** Rows already stored (same id), skipped. */
  duplicates: number;
}

export interface ImportReport extends ImportCounts {
  kind: string;
  /** `imported`: every row stored; `rejected`: nothing stored, `errors` says why. */
  status: 'imported' | 'rejected';
  /** Data rows read. */
  rows: number;
  /** The first MAX_LISTED_ERRORS errors, in file order. */
  errors: RowError[];
  errorCount: number;
}

/** One import in progress: checks rows against the database, holds them, then stores them all at once. */
export interface ImportSession<Row> {
  /** Checks what the columns alone cannot (references, rules across columns). */
  check(row: Row, fail: (column: string, message: string) => void, line: number): void;
  /** Holds checked rows until the whole file has been read; a promise asks the reader to wait. */
  stage(rows: Row[]): void | Promise<void>;
  /** Problems only visible once every row has been read. */
  finalCheck?(): RowError[];
  /** Makes the held rows final. */
  commit(): ImportCounts | Promise<ImportCounts>;
  /** Drops the held rows. */
  discard(): void | Promise<void>;
}

export interface ImportKind<C extends Columns = Columns> {
  name: string;
  /** What the kind is, for usage messages and docs. */
  description: string;
  columns: C;
  open(db: Db, settings: ImportSettings): ImportSession<RowOf<C>>;
}

export const MAX_LISTED_ERRORS = 1000;
const STAGE_BATCH = 5000;

/**
 * Imports a CSV file of one kind: all of it or, if any row is bad, none of it, with every bad
 * row reported (line, column, why). The file streams through in batches, so its size is bounded
 * by the disk, not by memory.
 */
export async function importCsv<C extends Columns>(db: Db, kind: ImportKind<C>, input: Readable, settings: ImportSettings = DEFAULT_IMPORT_SETTINGS): Promise<ImportReport> {
  const names = Object.keys(kind.columns);
  const errors: RowError[] = [];
  let errorCount = 0;
  let rows = 0;
  const report = (error: RowError) => {
    errorCount++;
    if (errors.length < MAX_LISTED_ERRORS) errors.push(error);
  };
  const session = kind.open(db, settings);
  let indexes: number[] = [];
  let headerLength = 0;
  let pending: RowOf<C>[] = [];

  // The row being parsed; `fail` is made once, not per row (this loop runs millions of times).
  let line = 0;
  let rowOk = true;
  const fail = (column: string, message: string) => {
    rowOk = false;
    report({ line, column, message });
  };
  const parseRecord = (record: CsvRecord): RowOf<C> | null => {
    line = record.line;
    const cells = record.cells;
    if (cells.length !== headerLength) {
      report({ line, column: '', message: `Expected ${headerLength} columns, as in the header; found ${cells.length}.` });
      return null;
    }
    rowOk = true;
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const spec = kind.columns[name]!;
      const index = indexes[i]!;
      const text = index < 0 ? '' : cells[index]!.trim();
      if (text === '') {
        if (!spec.optional) fail(name, 'Required.');
        row[name] = null;
        continue;
      }
      try {
        row[name] = spec.parse(text);
      } catch (err) {
        if (!(err instanceof FieldError)) throw err;
        fail(name, err.message);
      }
    }
    if (rowOk) session.check(row as RowOf<C>, fail, line);
    return rowOk ? (row as RowOf<C>) : null;
  };

  try {
    await readCsv(input, {
      header(header) {
        const missing = names.filter((n) => !kind.columns[n]!.optional && !header.includes(n));
        const unknown = header.filter((h) => !names.includes(h));
        for (const n of missing) report({ line: 1, column: n, message: 'This column is missing from the header.' });
        for (const h of unknown) report({ line: 1, column: h, message: `Unknown column. The columns are: ${names.join(', ')}.` });
        if (missing.length || unknown.length) throw new HeaderRejected();
        indexes = names.map((n) => header.indexOf(n));
        headerLength = header.length;
      },
      records(batch) {
        for (const record of batch) {
          rows++;
          const row = parseRecord(record);
          // Once a row is bad the file is rejected: keep checking, stop holding.
          if (row && errorCount === 0) pending.push(row);
        }
        if (pending.length >= STAGE_BATCH) {
          const staged = session.stage(pending);
          pending = [];
          return staged;
        }
      },
    }, settings);
    if (errorCount === 0) {
      await session.stage(pending);
      for (const error of session.finalCheck?.() ?? []) report(error);
    }
    if (errorCount > 0) {
      await session.discard();
      return { kind: kind.name, status: 'rejected', rows, inserted: 0, updated: 0, duplicates: 0, errors, errorCount };
    }
    return { kind: kind.name, status: 'imported', rows, ...(await session.commit()), errors: [], errorCount: 0 };
  } catch (err) {
    await session.discard();
    if (err instanceof CsvLimitError) report({ line: err.line, column: '', message: err.message });
    else if (!(err instanceof HeaderRejected)) throw err;
    return { kind: kind.name, status: 'rejected', rows, inserted: 0, updated: 0, duplicates: 0, errors, errorCount };
  }
}

class HeaderRejected extends Error {}

/** Writes the outcome of an import to the audit log. */
export function auditImport(db: Db, report: ImportReport, source: { via: 'cli' | 'api'; file?: string; ip?: string | null }): void {
  const { kind, rows, inserted, updated, duplicates, errorCount } = report;
  audit(db, {
    action: report.status === 'imported' ? 'import.imported' : 'import.rejected',
    ip: source.ip ?? null,
    detail: { kind, rows, inserted, updated, duplicates, errors: errorCount, via: source.via, ...(source.file ? { file: source.file } : {}) },
  });
}
