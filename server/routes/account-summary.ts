import { createRoute, z } from '@hono/zod-openapi';
import { requireSession, signedIn } from '../auth/middleware.ts';
import { createRouter } from '../http/context.ts';
import { errorResponse } from '../http/errors.ts';
import { accountSummary } from '../services/account-summary.ts';
import { findReachableAccount } from '../services/accounts.ts';
import { AccountSchema, accountNumberParam } from './accounts.ts';
import { AutopayMethodSchema } from './autopay-schema.ts';

const cents = (description: string) => z.number().int().openapi({ description: `${description} In cents.` });

const SummarySchema = z
  .object({
    account: AccountSchema,
    balance: cents('Everything owed (positive) or held as credit (negative).'),
    dueAmount: cents('What the issued invoices still ask for.'),
    pastDue: cents('Of that, what is past its due date.'),
    currentInvoice: z
      .object({ id: z.number().int(), number: z.string(), date: z.string(), dueDate: z.string(), total: z.number().int(), balance: z.number().int() })
      .nullable()
      .openapi({ description: 'The latest invoice.' }),
    dueDate: z.string().nullable().openapi({ description: 'Pay by this day to avoid a late payment charge.' }),
    paymentMethod: z.discriminatedUnion('type', [z.object({ type: z.literal('manual') }), AutopayMethodSchema.extend({ type: z.literal('autopay') })]),
    autopayNotice: z
      .object({ date: z.string(), amount: z.number().int(), card: z.object({ brand: z.string(), last4: z.string() }).nullable(), message: z.string() })
      .nullable()
      .openapi({ description: 'The last automatic payment failed and nothing was paid since: the balance is due by hand.' }),
    usage: z.array(
      z.object({
        plan: z.string(),
        category: z.string().openapi({ example: 'CAN/US/PR/MEX/UK' }),
        subscribers: z.array(z.string()),
        usedMinutes: z.number().int(),
        includedMinutes: z.number().int(),
        projectedMinutes: z.number().int().openapi({ description: 'At the pace so far, the minutes by the end of the month.' }),
        period: z.string().openapi({ example: '2026-11' }),
      }),
    ),
  })
  .openapi('AccountSummary');

const summary = createRoute({
  method: 'get',
  path: '/accounts/{number}/summary',
  middleware: [signedIn] as const,
  tags: ['Accounts'],
  summary: 'My Account: account information, what is owed and when, and this month’s usage per plan',
  request: { params: z.object({ number: accountNumberParam }) },
  responses: {
    200: { content: { 'application/json': { schema: SummarySchema } }, description: 'The summary.' },
    400: errorResponse('Malformed account number.'),
    401: errorResponse('Not signed in.'),
    404: errorResponse('No such account, or not one this user can reach.'),
  },
});

export const accountSummaryRoutes = createRouter().openapi(summary, (c) => {
  const { user } = requireSession(c);
  const { db, now } = c.get('deps');
  return c.json(accountSummary(db, findReachableAccount(db, user, c.req.valid('param').number), now()), 200);
});
