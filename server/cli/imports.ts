import { createReadStream, existsSync } from 'node:fs';
import { auditImport, importCsv, type ImportReport } from '../services/imports/import.ts';
import { importKind, importKindNames } from '../services/imports/kinds.ts';
import { InputError } from '../services/errors.ts';
import { UsageError, withServices, type Command } from './command.ts';

/** The report as a provider reads it on the console. */
export function describeReport(file: string, r: ImportReport): string {
  if (r.status === 'imported') {
    return `${file}: ${r.rows} rows imported (${r.inserted} new, ${r.updated} updated, ${r.duplicates} duplicates skipped).`;
  }
  const lines = r.errors.map((e) => `  line ${e.line}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
  const more = r.errorCount > r.errors.length ? [`  …and ${r.errorCount - r.errors.length} more.`] : [];
  return [`${file}: rejected, nothing was imported. ${r.errorCount} problem(s):`, ...lines, ...more].join('\n');
}

export const importCommand: Command = {
  usage: `import <${importKindNames.join('|')}> <file.csv>   (all rows or none; see the README for the columns)`,
  options: {},
  positionals: { min: 2, max: 2 },
  async run(_values, [kindName, file], config) {
    const kind = importKind(kindName!);
    if (!kind) throw new UsageError(`Unknown kind "${kindName}": use one of ${importKindNames.join(', ')}.`);
    if (!existsSync(file!)) throw new InputError(`No file ${file}.`);
    await withServices(config, async ({ db }) => {
      const report = await importCsv(db, kind, createReadStream(file!), config.imports);
      auditImport(db, report, { via: 'cli', file });
      if (report.status === 'rejected') throw new InputError(describeReport(file!, report));
      console.log(describeReport(file!, report));
    });
  },
};
