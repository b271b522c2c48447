import { createRoute, z } from '@hono/zod-openapi';
import { AccountSchema } from '../accounts/routes.ts';
import { AutopayMethodSchema } from '../cards.ts';
import { accountErrors, accountParams, cents, jsonReply } from '../common.ts';

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
    cardPayments: z.boolean().openapi({ description: "Cards are taken in the account's currency: paying by card and autopay are offered." }),
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

export const summary = createRoute({
  method: 'get',
  path: '/accounts/{number}/summary',
  tags: ['Accounts'],
  summary: 'My Account: account information, what is owed and when, and this month’s usage per plan',
  request: { params: accountParams },
  responses: { 200: jsonReply(SummarySchema, 'The summary.'), ...accountErrors },
});
