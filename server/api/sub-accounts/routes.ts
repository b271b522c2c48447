import { createRoute, z } from '@hono/zod-openapi';
import { accountErrors, accountParams, cents, jsonReply } from '../common.ts';

const SubAccountSchema = z.object({
  number: z.string(),
  name: z.string(),
  city: z.string(),
  region: z.string(),
  currency: z.string(),
  balance: cents('Everything owed (negative: credit).'),
  pastDue: cents('Of that, what is past its due date.'),
  lastInvoice: z.object({ number: z.string(), date: z.string(), total: z.number().int() }).nullable(),
});

const SubAccountsSchema = z
  .object({
    account: z.string(),
    isHeadOffice: z.boolean(),
    subAccounts: z.array(SubAccountSchema),
  })
  .openapi('SubAccounts');

export const subAccounts = createRoute({
  method: 'get',
  path: '/accounts/{number}/sub-accounts',
  tags: ['Accounts'],
  summary: 'The guide’s Sub Accounts: each location under a head office with what it owes and its last invoice',
  request: { params: accountParams },
  responses: { 200: jsonReply(SubAccountsSchema, 'The sub-accounts; none for an account that is not a head office.'), ...accountErrors },
});
