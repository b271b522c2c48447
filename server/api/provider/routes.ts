import { createRoute, z } from '@hono/zod-openapi';
import { IMPORT_KIND_NAMES } from '../../db/enums.ts';
import { errorResponse, jsonBody, jsonReply } from '../common.ts';

const ImportReportSchema = z
  .object({
    kind: z.string(),
    status: z.literal('imported'),
    rows: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    duplicates: z.number().int().openapi({ description: 'Usage records already stored (same id), skipped.' }),
  })
  .openapi('ImportReport');

const BillingRunSchema = z
  .object({
    period: z.string().openapi({ example: '2026-10' }),
    status: z.enum(['billed', 'already_billed']).openapi({ description: '`already_billed`: the period was closed before; nothing changed.' }),
    invoices: z.number().int(),
    totals: z
      .array(z.object({ currency: z.string().openapi({ example: 'USD' }), cents: z.number().int() }))
      .openapi({ description: "What the period's invoices come to in each currency their accounts bill in." }),
    calls: z.number().int().openapi({ description: 'Calls rated by this run.' }),
    lateCalls: z.number().int().openapi({ description: 'Of those, calls from earlier months that arrived after their month was billed.' }),
    finishedAt: z.string(),
  })
  .openapi('BillingRun');

const noKey = errorResponse('No valid provider API key.');

export const importFile = createRoute({
  method: 'post',
  path: '/imports/{kind}',
  tags: ['Provider'],
  security: [{ providerKey: [] }],
  summary: 'Import a CSV file: every row, or none when any row is bad',
  description: 'The body is the CSV file itself (Content-Type: text/csv), streamed: files of millions of rows are fine. The README lists the columns of each kind.',
  request: {
    params: z.object({ kind: z.enum(IMPORT_KIND_NAMES).openapi({ param: { name: 'kind', in: 'path' }, example: 'usage' }) }),
  },
  responses: {
    200: jsonReply(ImportReportSchema, 'Every row was stored.'),
    400: errorResponse('Unknown kind.'),
    401: noKey,
    413: errorResponse('The file is larger than IMPORT_MAX_BYTES: refused as soon as that is known, nothing stored.'),
    415: errorResponse('The body is not text/csv.'),
    422: errorResponse('The file was rejected and nothing stored; `issues` lists each bad row as "line N: column".'),
  },
});

export const billingRun = createRoute({
  method: 'post',
  path: '/billing-runs',
  tags: ['Provider'],
  security: [{ providerKey: [] }],
  summary: 'Bill a month: one invoice per account',
  description: 'Closes the period. Running it again for a closed period changes nothing and answers 200 with status `already_billed`.',
  request: { body: jsonBody(z.object({ period: z.string().regex(/^\d{4}-\d{2}$/, 'Use a month like 2026-10.').openapi({ example: '2026-10' }) })) },
  responses: {
    201: jsonReply(BillingRunSchema, 'The period was billed.'),
    200: jsonReply(BillingRunSchema, 'The period was billed before; nothing changed.'),
    400: errorResponse('Bad body.'),
    401: noKey,
    409: errorResponse('A usage import is running; try when it has finished.'),
    422: errorResponse('The period cannot be billed (not ended, a later one is billed, or calls cannot be priced: `issues` lists them).'),
  },
});
