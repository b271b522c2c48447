import { createRoute, z } from '@hono/zod-openapi';
import { requireSession, signedIn } from '../auth/middleware.ts';
import { createRouter } from '../http/context.ts';
import { errorResponse } from '../http/errors.ts';
import { NotFoundError } from '../services/errors.ts';
import { findReachableAccount } from '../services/accounts.ts';
import { renderInvoicePdf } from '../services/invoice-pdf.ts';
import { INVOICE_LINE_KINDS, INVOICE_STATUSES } from '../db/enums.ts';
import { findInvoice, listInvoices } from '../services/invoices.ts';
import { accountNumberParam } from './accounts.ts';

const StatusSchema = z.enum([...INVOICE_STATUSES, 'void']).openapi({ description: 'Derived: `paid` when the balance is zero, `past_due` after the due date, `open` before.' });

const InvoiceSummarySchema = z
  .object({
    id: z.number().int(),
    number: z.string().openapi({ example: 'INV-202610-00001' }),
    period: z.string().openapi({ example: '2026-10' }),
    date: z.string().openapi({ description: 'Issue date, ISO 8601.', example: '2026-11-01' }),
    dueDate: z.string().openapi({ example: '2026-12-01' }),
    accountNumber: z.string(),
    accountName: z.string(),
    total: z.number().int().openapi({ description: 'Cents.' }),
    balance: z.number().int().openapi({ description: 'Cents still to pay: the total minus the payments allocated to it.' }),
    status: StatusSchema,
  })
  .openapi('InvoiceSummary');

const LineSchema = z.object({
  position: z.number().int(),
  kind: z.enum(INVOICE_LINE_KINDS),
  description: z.string(),
  quantity: z.number().int(),
  unitPriceMillicents: z.number().int().openapi({ description: 'Price of one unit in 1/1000 cent (exact for per-minute rates).' }),
  amount: z.number().int().openapi({ description: 'Cents.' }),
  location: z.object({ id: z.number().int(), name: z.string(), address: z.string() }).nullable(),
  subscriptionId: z.number().int().nullable(),
});

const InvoiceSchema = InvoiceSummarySchema.extend({
  termsDays: z.number().int(),
  subtotal: z.number().int(),
  tax: z.number().int(),
  paid: z.number().int(),
  currency: z.string(),
  billingAddress: z.object({ line1: z.string(), line2: z.string().nullable(), city: z.string(), region: z.string(), postalCode: z.string(), country: z.string() }),
  lines: z.array(LineSchema),
  payments: z.array(z.object({ date: z.string(), amount: z.number().int(), method: z.string() })),
}).openapi('Invoice');

const params = z.object({ number: accountNumberParam });
const invoiceParams = params.extend({
  id: z.coerce.number({ error: 'Use an invoice id.' }).int('Use an invoice id.').positive('Use an invoice id.').openapi({ param: { name: 'id', in: 'path' }, example: 42 }),
});
const access = { 400: errorResponse('Malformed path or query.'), 401: errorResponse('Not signed in.'), 404: errorResponse('No such account or invoice, or not one this user can reach.') };

const list = createRoute({
  method: 'get',
  path: '/accounts/{number}/invoices',
  middleware: [signedIn] as const,
  tags: ['Invoices'],
  summary: "An account's invoices, newest first, paged",
  request: {
    params,
    query: z.object({
      status: z.enum(INVOICE_STATUSES, { error: 'Use open, paid or past_due.' }).optional(),
      year: z.coerce.number().int('Use a year like 2026.').min(2000, 'Use a year like 2026.').max(2999, 'Use a year like 2026.').optional(),
      page: z.coerce.number().int('Use a page number.').min(1, 'Pages start at 1.').default(1),
      pageSize: z.coerce.number().int('Use a whole number.').min(1).max(100, 'At most 100 per page.').default(25),
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({
            invoices: z.array(InvoiceSummarySchema),
            page: z.number().int(),
            pageSize: z.number().int(),
            total: z.number().int().openapi({ description: 'Invoices matching the filters, over all pages.' }),
            years: z.array(z.number().int()).openapi({ description: 'Years with invoices, newest first.' }),
            currency: z.string().openapi({ example: 'USD' }),
          }),
        },
      },
      description: 'One page of invoices.',
    },
    ...access,
  },
});

const one = createRoute({
  method: 'get',
  path: '/accounts/{number}/invoices/{id}',
  middleware: [signedIn] as const,
  tags: ['Invoices'],
  summary: 'One invoice with its lines and the payments applied to it',
  request: { params: invoiceParams },
  responses: { 200: { content: { 'application/json': { schema: InvoiceSchema } }, description: 'The invoice.' }, ...access },
});

const pdf = createRoute({
  method: 'get',
  path: '/accounts/{number}/invoices/{id}/pdf',
  middleware: [signedIn] as const,
  tags: ['Invoices'],
  summary: 'The invoice as a PDF (Letter)',
  request: { params: invoiceParams },
  responses: { 200: { content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'The PDF, as a download.' }, ...access },
});

/** Customer API: an account's invoices, their lines and PDFs. */
export const invoiceRoutes = createRouter()
  .openapi(list, (c) => {
    const { user } = requireSession(c);
    const { db, now } = c.get('deps');
    const account = findReachableAccount(db, user, c.req.valid('param').number);
    const { status, year, page, pageSize } = c.req.valid('query');
    return c.json(listInvoices(db, account, { status, year, page, pageSize }, isoToday(now())), 200);
  })
  .openapi(one, (c) => {
    const { user } = requireSession(c);
    const { db, now } = c.get('deps');
    const { number, id } = c.req.valid('param');
    const invoice = findInvoice(db, findReachableAccount(db, user, number), id, isoToday(now()));
    if (!invoice) throw new NotFoundError('The invoice');
    return c.json(invoice, 200);
  })
  .openapi(pdf, (c) => {
    const { user } = requireSession(c);
    const { db, now, config } = c.get('deps');
    const { number, id } = c.req.valid('param');
    const invoice = findInvoice(db, findReachableAccount(db, user, number), id, isoToday(now()));
    if (!invoice) throw new NotFoundError('The invoice');
    const body = renderInvoicePdf(invoice, { name: config.providerName, address: config.providerAddress, portalUrl: config.publicUrl });
    return c.body(body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${invoice.number}.pdf"`,
      'Cache-Control': 'private, no-store',
    });
  });

const isoToday = (ms: number) => new Date(ms).toISOString().slice(0, 10);
