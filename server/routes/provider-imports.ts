import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createRoute, z } from '@hono/zod-openapi';
import { providerKey } from '../auth/provider-key.ts';
import { createRouter } from '../http/context.ts';
import { ApiError, errorResponse } from '../http/errors.ts';
import { auditImport, importCsv } from '../services/imports/import.ts';
import { importKind, importKindNames } from '../services/imports/kinds.ts';

const ReportSchema = z
  .object({
    kind: z.string(),
    status: z.literal('imported'),
    rows: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    duplicates: z.number().int().openapi({ description: 'Usage records already stored (same id), skipped.' }),
  })
  .openapi('ImportReport');

const importFile = createRoute({
  method: 'post',
  path: '/imports/{kind}',
  middleware: [providerKey] as const,
  tags: ['Provider'],
  security: [{ providerKey: [] }],
  summary: 'Import a CSV file: every row, or none when any row is bad',
  description: 'The body is the CSV file itself (Content-Type: text/csv), streamed: files of millions of rows are fine. The README lists the columns of each kind.',
  request: {
    params: z.object({ kind: z.enum(importKindNames as [string, ...string[]]).openapi({ param: { name: 'kind', in: 'path' }, example: 'usage' }) }),
  },
  responses: {
    200: { content: { 'application/json': { schema: ReportSchema } }, description: 'Every row was stored.' },
    400: errorResponse('Unknown kind.'),
    401: errorResponse('No valid provider API key.'),
    413: errorResponse('The file is larger than IMPORT_MAX_BYTES: refused as soon as that is known, nothing stored.'),
    415: errorResponse('The body is not text/csv.'),
    422: errorResponse('The file was rejected and nothing stored; `issues` lists each bad row as "line N: column".'),
  },
});

/** Provider API: CSV imports of accounts, locations, the catalog, subscriptions and usage. */
export const providerImportRoutes = createRouter().openapi(importFile, async (c) => {
  const kind = importKind(c.req.valid('param').kind)!;
  const type = c.req.header('content-type') ?? '';
  if (!/^(text\/csv|text\/plain|application\/octet-stream)\b/i.test(type)) {
    throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the CSV file itself as the body, with Content-Type: text/csv.');
  }
  const body = c.req.raw.body;
  const input = body ? Readable.fromWeb(body as NodeReadableStream<Uint8Array>) : Readable.from([]);
  const { db, config } = c.get('deps');
  const report = await importCsv(db, kind, input, config.imports);
  auditImport(db, report, { via: 'api', ip: c.get('ip') });
  if (report.status === 'rejected') {
    const more = report.errorCount > report.errors.length ? ` The first ${report.errors.length} are listed.` : '';
    throw new ApiError(422, 'IMPORT_REJECTED', `The file was rejected and nothing was imported: ${report.errorCount} problem(s).${more}`, {
      issues: report.errors.map((e) => ({ path: `line ${e.line}${e.column ? `: ${e.column}` : ''}`, message: e.message })),
    });
  }
  const { kind: name, rows, inserted, updated, duplicates } = report;
  return c.json({ kind: name, status: 'imported' as const, rows, inserted, updated, duplicates }, 200);
});
