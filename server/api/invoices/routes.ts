import { createRoute, z } from '@hono/zod-openapi';
import { INVOICE_LINE_KINDS, INVOICE_STATUSES } from '../../db/enums.ts';
import { accountErrors, accountParams, errorResponse, jsonReply } from '../common.ts';

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

const InvoicePageSchema = z.object({
  invoices: z.array(InvoiceSummarySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int().openapi({ description: 'Invoices matching the filters, over all pages.' }),
  years: z.array(z.number().int()).openapi({ description: 'Years with invoices, newest first.' }),
  currency: z.string().openapi({ example: 'USD' }),
});

const invoiceParams = accountParams.extend({
  id: z.coerce.number({ error: 'Use an invoice id.' }).int('Use an invoice id.').positive('Use an invoice id.').openapi({ param: { name: 'id', in: 'path' }, example: 42 }),
});

const access = {
  ...accountErrors,
  400: errorResponse('Malformed path or query.'),
  404: errorResponse('No such account or invoice, or not one this user can reach.'),
};

export const listInvoices = createRoute({
  method: 'get',
  path: '/accounts/{number}/invoices',
  tags: ['Invoices'],
  summary: "An account's invoices, newest first, paged",
  request: {
    params: accountParams,
    query: z.object({
      status: z.enum(INVOICE_STATUSES, { error: 'Use open, paid or past_due.' }).optional(),
      year: z.coerce.number().int('Use a year like 2026.').min(2000, 'Use a year like 2026.').max(2999, 'Use a year like 2026.').optional(),
      page: z.coerce.number().int('Use a page number.').min(1, 'Pages start at 1.').default(1),
      pageSize: z.coerce.number().int('Use a whole number.').min(1).max(100, 'At most 100 per page.').default(25),
    }),
  },
  responses: { 200: jsonReply(InvoicePageSchema, 'One page of invoices.'), ...access },
});

export const invoice = createRoute({
  method: 'get',
  path: '/accounts/{number}/invoices/{id}',
  tags: ['Invoices'],
  summary: 'One invoice with its lines and the payments applied to it',
  request: { params: invoiceParams },
  responses: { 200: jsonReply(InvoiceSchema, 'The invoice.'), ...access },
});

export const invoicePdf = createRoute({
  method: 'get',
  path: '/accounts/{number}/invoices/{id}/pdf',
  tags: ['Invoices'],
  summary: 'The invoice as a PDF (Letter)',
  request: { params: invoiceParams },
  responses: { 200: { content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'The PDF, as a download.' }, ...access },
});
