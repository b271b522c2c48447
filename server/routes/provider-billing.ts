import { createRoute, z } from '@hono/zod-openapi';
import { providerKey } from '../auth/provider-key.ts';
import { createRouter } from '../http/context.ts';
import { errorResponse } from '../http/errors.ts';
import { billingPolicyOf, billPeriod } from '../services/billing/billing-run.ts';

const RunSchema = z
  .object({
    period: z.string().openapi({ example: '2026-10' }),
    status: z.enum(['billed', 'already_billed']).openapi({ description: '`already_billed`: the period was closed before; nothing changed.' }),
    invoices: z.number().int(),
    totalCents: z.number().int(),
    calls: z.number().int().openapi({ description: 'Calls rated by this run.' }),
    lateCalls: z.number().int().openapi({ description: 'Of those, calls from earlier months that arrived after their month was billed.' }),
    finishedAt: z.string(),
  })
  .openapi('BillingRun');

const run = createRoute({
  method: 'post',
  path: '/billing-runs',
  middleware: [providerKey] as const,
  tags: ['Provider'],
  security: [{ providerKey: [] }],
  summary: 'Bill a month: one invoice per account',
  description: 'Closes the period. Running it again for a closed period changes nothing and answers 200 with status `already_billed`.',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ period: z.string().regex(/^\d{4}-\d{2}$/, 'Use a month like 2026-10.').openapi({ example: '2026-10' }) }) } },
    },
  },
  responses: {
    201: { content: { 'application/json': { schema: RunSchema } }, description: 'The period was billed.' },
    200: { content: { 'application/json': { schema: RunSchema } }, description: 'The period was billed before; nothing changed.' },
    400: errorResponse('Bad body.'),
    401: errorResponse('No valid provider API key.'),
    409: errorResponse('A usage import is running; try when it has finished.'),
    422: errorResponse('The period cannot be billed (not ended, a later one is billed, or calls cannot be priced: `issues` lists them).'),
  },
});

/** Provider API: the monthly billing run. */
export const providerBillingRoutes = createRouter().openapi(run, (c) => {
  const { db, config, now } = c.get('deps');
  const today = new Date(now()).toISOString().slice(0, 10);
  const report = billPeriod(db, billingPolicyOf(config), c.req.valid('json').period, today, { via: 'api', ip: c.get('ip') });
  return c.json(report, report.status === 'billed' ? 201 : 200);
});
