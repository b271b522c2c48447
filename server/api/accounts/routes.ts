import { createRoute, z } from '@hono/zod-openapi';
import { UserSchema } from '../auth/routes.ts';
import { BrandSchema } from '../brands/routes.ts';
import { LANGUAGES } from '../../db/enums.ts';
import { accountErrors, accountParams, errorResponse, jsonBody, jsonReply } from '../common.ts';

/** An account in a list: enough to name it and place it under its head office. */
const AccountListingSchema = z
  .object({
    number: z.string().openapi({ example: 'C123456' }),
    name: z.string(),
    parentNumber: z.string().nullable().openapi({ description: 'Account number of the head office, if any.' }),
    isHeadOffice: z.boolean(),
  })
  .openapi('AccountListing');

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

export const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['Accounts'],
  summary: 'The signed-in user and the accounts they can reach',
  responses: {
    200: jsonReply(
      z.object({
        user: UserSchema,
        accounts: z.array(AccountListingSchema),
        canSearchAccounts: z.boolean().openapi({ description: 'Staff may look up any account with GET /accounts?q=.' }),
        brand: BrandSchema.nullable().openapi({ description: "The brand of the reseller the user's accounts belong to; null: the provider's." }),
        language: z.enum(LANGUAGES).nullable().openapi({ description: 'The language the user chose (or their browser asked for at sign-in); null: none yet, English.' }),
      }),
      'Who is signed in.',
    ),
    401: errorResponse('Not signed in.'),
  },
});

const LanguageSchema = z.object({ language: z.enum(LANGUAGES, { error: `Choose one of: ${LANGUAGES.join(', ')}.` }) }).openapi('Language');

export const setLanguage = createRoute({
  method: 'put',
  path: '/me/language',
  tags: ['Accounts'],
  summary: "The signed-in user's language: of the portal, their invoice PDFs and their mails",
  request: { body: jsonBody(LanguageSchema) },
  responses: {
    200: jsonReply(LanguageSchema, 'Saved.'),
    400: errorResponse('Not one of the languages.'),
    401: errorResponse('Not signed in.'),
  },
});

export const searchAccounts = createRoute({
  method: 'get',
  path: '/accounts',
  tags: ['Accounts'],
  summary: 'Search the accounts the user can reach by number or name',
  request: {
    query: z.object({
      q: z.string().max(100, 'Use at most 100 characters.').optional(),
      limit: z.coerce.number().int('Use a whole number.').min(1).max(100).default(25),
    }),
  },
  responses: {
    200: jsonReply(z.object({ accounts: z.array(AccountListingSchema) }), 'Matching accounts.'),
    400: errorResponse('Bad query.'),
    401: errorResponse('Not signed in.'),
  },
});

export const account = createRoute({
  method: 'get',
  path: '/accounts/{number}',
  tags: ['Accounts'],
  summary: "An account's information",
  request: { params: accountParams },
  responses: { 200: jsonReply(AccountSchema, 'The account.'), ...accountErrors },
});
