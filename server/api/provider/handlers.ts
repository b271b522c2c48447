import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { providerKey } from '../../auth/provider-key.ts';
import { createRouter, guarded } from '../../http/context.ts';
import { billingPolicyOf, billPeriod } from '../../services/billing/billing-run.ts';
import { DomainError } from '../../services/errors.ts';
import { auditImport, importCsv } from '../../services/imports/import.ts';
import { importKind } from '../../services/imports/kinds.ts';
import { billingRun, importFile } from './routes.ts';

/** Provider API: CSV imports (accounts, locations, the catalog, subscriptions, usage) and the monthly billing run. */
export const providerHandlers = createRouter()
  .openapi(guarded(importFile, providerKey), async (c) => {
    const kind = importKind(c.req.valid('param').kind)!;
    const type = c.req.header('content-type') ?? '';
    if (!/^(text\/csv|text\/plain|application\/octet-stream)\b/i.test(type)) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the CSV file itself as the body, with Content-Type: text/csv.');
    }
    const body = c.req.raw.body;
    const input = body ? Readable.fromWeb(body as NodeReadableStream<Uint8Array>) : Readable.from([]);
    const { db, config } = c.get('deps');
    const report = await importCsv(db, kind, input, config.imports);
    auditImport(db, report, { via: 'api', ip: c.get('ip') });
    if (report.status === 'rejected') {
      const more = report.errorCount > report.errors.length ? ` The first ${report.errors.length} are listed.` : '';
      throw new DomainError('IMPORT_REJECTED', `The file was rejected and nothing was imported: ${report.errorCount} problem(s).${more}`, {
        issues: report.errors.map((e) => ({ path: `line ${e.line}${e.column ? `: ${e.column}` : ''}`, message: e.message })),
      });
    }
    const { kind: name, rows, inserted, updated, duplicates } = report;
    return c.json({ kind: name, status: 'imported' as const, rows, inserted, updated, duplicates }, 200);
  })
  .openapi(guarded(billingRun, providerKey), (c) => {
    const { db, config, now } = c.get('deps');
    const today = new Date(now()).toISOString().slice(0, 10);
    const report = billPeriod(db, billingPolicyOf(config), c.req.valid('json').period, today, { via: 'api', ip: c.get('ip') });
    // Committed: now the invoices' users are mailed (also those a run that died before mailing left), after the reply.
    void c.get('deps').notifyInvoices();
    return c.json(report, report.status === 'billed' ? 201 : 200);
  });
