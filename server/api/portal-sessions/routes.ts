import { createRoute, z } from '@hono/zod-openapi';
import { UserSchema } from '../auth/routes.ts';
import { BrandSchema } from '../brands/routes.ts';
import { accountNumberField, errorResponse, jsonBody, jsonReply } from '../common.ts';

/**
 * Reseller sign-in. The reseller's server asks for a portal session for its customer with its
 * API key; its page puts the token on `<bp-portal session-token>` / `<bp-provider session-token>`,
 * and the element exchanges it for a session bearer token it holds in memory.
 */

const token = z.string().openapi({ description: 'Single use; valid for two minutes.' });

export const createPortalSession = createRoute({
  method: 'post',
  path: '/portal-sessions',
  tags: ['Resellers'],
  summary: 'A single-use sign-in token for a customer of the reseller (reseller API key)',
  security: [{ resellerKey: [] }],
  request: {
    body: jsonBody(
      z.object({
        account: accountNumberField.openapi({ description: 'An account the reseller sells to, or a sub-account of one.' }),
        email: z.string().trim().max(254).pipe(z.email('Enter an email address.')).openapi({ description: 'A user of that account or of its head office.' }),
      }),
    ),
  },
  responses: {
    201: jsonReply(z.object({ token, expiresAt: z.string().openapi({ description: 'ISO 8601.', example: '2026-11-25T10:02:00.000Z' }) }), 'The token, to put on the page.'),
    400: errorResponse('Missing or malformed fields.'),
    401: errorResponse('No reseller key, or not a valid one (a replaced key stops working at once).'),
    404: errorResponse('No such account, not one this reseller sells to, or the email is not a user of it: the same reply for each.'),
  },
});

export const PortalSignedInSchema = z
  .object({
    token: z.string().openapi({ description: 'A session bearer token: keep it in memory, send it as `Authorization: Bearer …`.' }),
    user: UserSchema,
    account: z.string().nullable().openapi({ description: 'The account the session was asked for: show it first.' }),
    brand: BrandSchema.nullable().openapi({ description: 'The brand of the reseller that asked for the session.' }),
  })
  .openapi('PortalSignedIn');

export const exchangePortalSession = createRoute({
  method: 'post',
  path: '/auth/portal-session',
  tags: ['Sign-in'],
  summary: 'Sign in with a portal-session token from a reseller (what `session-token` does)',
  request: { body: jsonBody(z.object({ token: z.string().min(1, 'The token is missing.').max(200) })) },
  responses: {
    200: jsonReply(PortalSignedInSchema, 'Signed in.'),
    400: errorResponse('No token.'),
    401: errorResponse('The token is unknown, expired, or was used before.'),
  },
});
