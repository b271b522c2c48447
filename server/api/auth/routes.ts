import { createRoute, z } from '@hono/zod-openapi';
import { USER_ROLES } from '../../db/enums.ts';
import { errorResponse, jsonBody, jsonReply } from '../common.ts';

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(USER_ROLES),
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

const signedInResponse = jsonReply(SignedInSchema, 'Signed in.');

/** The reply to "Forgot your password?", the same whether or not the email has a sign-in. */
export const FORGOT_REPLY = 'If that email has a sign-in, a link to reset the password is on its way. Check your inbox.';

export const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['Sign-in'],
  summary: 'Sign in with email and password',
  request: { body: jsonBody(z.object({ email, password: z.string().min(1, 'Enter your password.').max(256) })) },
  responses: {
    200: signedInResponse,
    400: errorResponse('Missing or malformed fields.'),
    401: errorResponse('Wrong email or password (the reply does not say which).'),
    429: errorResponse('Too many failures: try again after `Retry-After` seconds.'),
  },
});

export const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['Sign-in'],
  summary: 'End the current session',
  responses: { 204: { description: 'Signed out.' }, 401: errorResponse('Not signed in.') },
});

/** Invitation (activation) and reset links both end in a new password and a sign-in. */
const passwordFromLink = <P extends string>(path: P, summary: string) =>
  createRoute({
    method: 'post',
    path,
    tags: ['Sign-in'],
    summary,
    request: { body: jsonBody(z.object({ token: linkToken, password: newPassword })) },
    responses: { 200: signedInResponse, 400: errorResponse('Invalid, used or expired link, or a password that breaks the rules.') },
  });

export const activate = passwordFromLink('/auth/activate', 'Choose a password with the link from the invitation mail, and sign in');

export const forgotPassword = createRoute({
  method: 'post',
  path: '/auth/password/forgot',
  tags: ['Sign-in'],
  summary: 'Mail a password-reset link (same reply whether or not the email has a sign-in)',
  request: { body: jsonBody(z.object({ email })) },
  responses: {
    202: jsonReply(z.object({ message: z.string() }), 'Accepted.'),
    400: errorResponse('Missing or malformed email.'),
  },
});

export const resetPassword = passwordFromLink('/auth/password/reset', 'Set a new password with the link from the reset mail; ends all other sessions');

export const changePassword = createRoute({
  method: 'post',
  path: '/auth/password/change',
  tags: ['Sign-in'],
  summary: "Change the signed-in user's password; ends their other sessions",
  request: { body: jsonBody(z.object({ currentPassword: z.string().min(1, 'Enter your current password.').max(256), newPassword })) },
  responses: {
    204: { description: 'Changed.' },
    400: errorResponse('Wrong current password or a new one that breaks the rules.'),
    401: errorResponse('Not signed in.'),
    429: errorResponse('Too many wrong passwords (counted with failed sign-ins): try again after `Retry-After` seconds.'),
  },
});
