import { createRoute, z } from '@hono/zod-openapi';
import { requireSession, signedIn } from '../auth/middleware.ts';
import { createRouter } from '../http/context.ts';
import { errorResponse } from '../http/errors.ts';
import { accountDetails, findReachableAccount, listAccounts } from '../services/accounts.ts';
import { UserSchema } from './auth.ts';

const AccountSummarySchema = z
  .object({
    number: z.string().openapi({ example: 'C123456' }),
    name: z.string(),
    parentNumber: z.string().nullable().openapi({ description: 'Account number of the head office, if any.' }),
    isHeadOffice: z.boolean(),
  })
  .openapi('AccountSummary');

export const AccountSchema = z
  .object({
    number: z.string(),
    name: z.string(),
    billingAddress: z.object({
      line1: z.string(),
      line2: z.string().nullable(),
      city: z.string(),
      region: z.string(),
      postalCode: z.string(),
      country: z.string(),
    }),
    representative: z.string().nullable(),
    currency: z.string().openapi({ example: 'USD' }),
    headOffice: z.object({ number: z.string(), name: z.string() }).nullable(),
    subAccounts: z.array(z.object({ number: z.string(), name: z.string(), city: z.string(), region: z.string() })),
  })
  .openapi('Account');

const ok = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

/** Path and query pieces, strict enough that nothing odd reaches the database. */
export const accountNumberParam = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,32}$/, 'An account number has letters, digits and dashes only.')
  .openapi({ param: { name: 'number', in: 'path' }, example: 'C123456' });

const me = createRoute({
  method: 'get',
  path: '/me',
  middleware: [signedIn] as const,
  tags: ['Accounts'],
  summary: 'The signed-in user and the accounts they can reach',
  responses: {
    200: ok(
      z.object({
        user: UserSchema,
        accounts: z.array(AccountSummarySchema),
        canSearchAccounts: z.boolean().openapi({ description: 'Staff may look up any account with GET /accounts?q=.' }),
      }),
      'Who is signed in.',
    ),
    401: errorResponse('Not signed in.'),
  },
});

const list = createRoute({
  method: 'get',
  path: '/accounts',
  middleware: [signedIn] as const,
  tags: ['Accounts'],
  summary: 'Search the accounts the user can reach by number or name',
  request: {
    query: z.object({
      q: z.string().max(100, 'Use at most 100 characters.').optional(),
      limit: z.coerce.number().int('Use a whole number.').min(1).max(100).default(25),
    }),
  },
  responses: { 200: ok(z.object({ accounts: z.array(AccountSummarySchema) }), 'Matching accounts.'), 400: errorResponse('Bad query.'), 401: errorResponse('Not signed in.') },
});

const one = createRoute({
  method: 'get',
  path: '/accounts/{number}',
  middleware: [signedIn] as const,
  tags: ['Accounts'],
  summary: "An account's information",
  request: { params: z.object({ number: accountNumberParam }) },
  responses: {
    200: ok(AccountSchema, 'The account.'),
    400: errorResponse('Malformed account number.'),
    401: errorResponse('Not signed in.'),
    404: errorResponse('No such account, or not one this user can reach.'),
  },
});

export const accountRoutes = createRouter()
  .openapi(me, (c) => {
    const { user } = requireSession(c);
    const { db } = c.get('deps');
    const staff = user.role === 'staff';
    // Staff reach every account: their list is their own memberships, the rest is a search away.
    const accounts = staff ? [] : listAccounts(db, user, { limit: 1000 });
    return c.json({ user, accounts, canSearchAccounts: staff }, 200);
  })
  .openapi(list, (c) => {
    const { user } = requireSession(c);
    const { q, limit } = c.req.valid('query');
    return c.json({ accounts: listAccounts(c.get('deps').db, user, { query: q, limit }) }, 200);
  })
  .openapi(one, (c) => {
    const { user } = requireSession(c);
    const { db } = c.get('deps');
    return c.json(accountDetails(db, findReachableAccount(db, user, c.req.valid('param').number)), 200);
  });
