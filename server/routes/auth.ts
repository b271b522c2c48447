import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { clientMeta, requireSession, signedIn } from '../auth/middleware.ts';
import type { SignedIn } from '../auth/service.ts';
import { createRouter, type AppEnv } from '../http/context.ts';
import { errorResponse } from '../http/errors.ts';

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['customer', 'staff']),
  })
  .openapi('User');

const SignedInSchema = z
  .object({
    token: z.string().openapi({ description: 'Bearer token for pages on another origin; same-origin pages use the cookie.' }),
    user: UserSchema,
  })
  .openapi('SignedIn');

const email = z.string().trim().min(1, 'Enter your email address.').max(254).pipe(z.email('Enter a valid email address.'));
const newPassword = z
  .string()
  .min(12, 'Use at least 12 characters.')
  .max(256, 'Use at most 256 characters.')
  .openapi({ description: 'At least 12 characters.' });
const linkToken = z.string().min(1, 'The link is incomplete.').max(200);

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
const signedInResponse = { content: { 'application/json': { schema: SignedInSchema } }, description: 'Signed in.' };

/** Sets the session cookie (for same-origin pages) and returns the token (for the others). */
function signedInReply(c: Context<AppEnv>, result: SignedIn) {
  c.header('Set-Cookie', c.get('deps').auth.sessions.cookieFor(result.token), { append: true });
  return c.json({ token: result.token, user: result.user }, 200);
}

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['Sign-in'],
  summary: 'Sign in with email and password',
  request: { body: json(z.object({ email, password: z.string().min(1, 'Enter your password.').max(256) })) },
  responses: {
    200: signedInResponse,
    400: errorResponse('Missing or malformed fields.'),
    401: errorResponse('Wrong email or password (the reply does not say which).'),
    429: errorResponse('Too many failures: try again after `Retry-After` seconds.'),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  middleware: [signedIn] as const,
  tags: ['Sign-in'],
  summary: 'End the current session',
  responses: { 204: { description: 'Signed out.' }, 401: errorResponse('Not signed in.') },
});

const activate = createRoute({
  method: 'post',
  path: '/auth/activate',
  tags: ['Sign-in'],
  summary: 'Choose a password with the link from the invitation mail, and sign in',
  request: { body: json(z.object({ token: linkToken, password: newPassword })) },
  responses: { 200: signedInResponse, 400: errorResponse('Invalid, used or expired link, or a password that breaks the rules.') },
});

const forgot = createRoute({
  method: 'post',
  path: '/auth/password/forgot',
  tags: ['Sign-in'],
  summary: 'Mail a password-reset link (same reply whether or not the email has a sign-in)',
  request: { body: json(z.object({ email })) },
  responses: {
    202: { content: { 'application/json': { schema: z.object({ message: z.string() }) } }, description: 'Accepted.' },
    400: errorResponse('Missing or malformed email.'),
  },
});

const reset = createRoute({
  method: 'post',
  path: '/auth/password/reset',
  tags: ['Sign-in'],
  summary: 'Set a new password with the link from the reset mail; ends all other sessions',
  request: { body: json(z.object({ token: linkToken, password: newPassword })) },
  responses: { 200: signedInResponse, 400: errorResponse('Invalid, used or expired link, or a password that breaks the rules.') },
});

const change = createRoute({
  method: 'post',
  path: '/auth/password/change',
  middleware: [signedIn] as const,
  tags: ['Sign-in'],
  summary: "Change the signed-in user's password; ends their other sessions",
  request: { body: json(z.object({ currentPassword: z.string().min(1, 'Enter your current password.').max(256), newPassword })) },
  responses: {
    204: { description: 'Changed.' },
    400: errorResponse('Wrong current password or a new one that breaks the rules.'),
    401: errorResponse('Not signed in.'),
    429: errorResponse('Too many wrong passwords (counted with failed sign-ins): try again after `Retry-After` seconds.'),
  },
});

export const FORGOT_REPLY = 'If that email has a sign-in, a link to reset the password is on its way. Check your inbox.';

export const authRoutes = createRouter()
  .openapi(login, async (c) => {
    const { email, password } = c.req.valid('json');
    return signedInReply(c, await c.get('deps').auth.login(email, password, clientMeta(c)));
  })
  .openapi(logout, async (c) => {
    await c.get('deps').auth.logout(requireSession(c), clientMeta(c));
    c.header('Set-Cookie', c.get('deps').auth.sessions.blankCookie(), { append: true });
    return c.body(null, 204);
  })
  .openapi(activate, async (c) => {
    const { token, password } = c.req.valid('json');
    return signedInReply(c, await c.get('deps').auth.completeLink('activate', token, password, clientMeta(c)));
  })
  .openapi(forgot, (c) => {
    c.get('deps').auth.requestPasswordReset(c.req.valid('json').email, clientMeta(c));
    return c.json({ message: FORGOT_REPLY }, 202);
  })
  .openapi(reset, async (c) => {
    const { token, password } = c.req.valid('json');
    return signedInReply(c, await c.get('deps').auth.completeLink('reset', token, password, clientMeta(c)));
  })
  .openapi(change, async (c) => {
    const { currentPassword, newPassword: next } = c.req.valid('json');
    await c.get('deps').auth.changePassword(requireSession(c), currentPassword, next, clientMeta(c));
    return c.body(null, 204);
  });
