/**
 * What every resource's contract shares: the one error shape, the reply to a request that fails
 * its schema, and the account number in paths.
 *
 * Contract files (this one and `server/api/<resource>/routes.ts`) import only `@hono/zod-openapi`,
 * other contract files and `server/db/enums.ts` (and types from `hono`): the fake API of stories
 * and browser tests runs them in the browser, so nothing of Node or of the server's runtime may
 * come with them.
 */
import { z } from '@hono/zod-openapi';
import type { Context, Env } from 'hono';

/** The codes a client sees in `error.code`. */
export type ErrorCode =
  | 'VALIDATION'
  | 'INVALID_CREDENTIALS'
  | 'THROTTLED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'TOKEN_INVALID'
  | 'CONFLICT'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'IMPORT_REJECTED'
  | 'PAYMENT_DECLINED'
  | 'PAYMENT_FAILED'
  | 'GATEWAY_TIMEOUT'
  | 'SIGNATURE_INVALID'
  | 'INTERNAL';

const IssueSchema = z.object({ path: z.string(), message: z.string() });

/** The one shape of every non-2xx reply. */
const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'NOT_FOUND' }),
      message: z.string(),
      issues: z.array(IssueSchema).optional(),
      retryAfterSeconds: z.number().int().optional(),
    }),
  })
  .openapi('Error');

type ErrorBody = z.infer<typeof ErrorSchema>;
type ErrorIssue = z.infer<typeof IssueSchema>;

export function errorBody(code: ErrorCode, message: string, extra: { issues?: ErrorIssue[] | undefined; retryAfterSeconds?: number | undefined } = {}): ErrorBody {
  return { error: { code, message, ...extra } };
}

/** An error reply of a route's definition: the one error shape, with what it means there. */
export const errorResponse = (description: string) => ({ content: { 'application/json': { schema: ErrorSchema } }, description });

/** A JSON reply of a route's definition. */
export const jsonReply = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true as const });

/** An integer amount in the account's minor units (cents). */
export const cents = (description: string) => z.number().int().openapi({ description: `${description} In cents.` });

/** Turns zod issues into the `issues` list of the error shape, each naming its field. */
const issuesFrom = (error: z.ZodError): ErrorIssue[] => error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));

/** The reply to a request that fails its schema: 400 VALIDATION, each bad field named in `issues`. */
export const validationError = (error: z.ZodError) => errorBody('VALIDATION', 'Some of the request is missing or invalid.', { issues: issuesFrom(error) });

/** The `defaultHook` of every router (the server's and the fake's): schema failures answer with `validationError`. */
export const validationHook = <E extends Env>(result: { success: true } | { success: false; error: z.ZodError }, c: Context<E>) =>
  result.success ? undefined : c.json(validationError(result.error), 400);

/** What an account number looks like. */
export const ACCOUNT_NUMBER = /^[A-Za-z0-9-]{1,32}$/;

/** An account number, strict enough that nothing odd reaches the database. */
export const accountNumberField = z
  .string()
  .regex(ACCOUNT_NUMBER, 'An account number has letters, digits and dashes only.')
  .openapi({ example: 'C123456' });

const accountNumberParam = accountNumberField.openapi({ param: { name: 'number', in: 'path' } });

/** The path parameters of every account resource, `/accounts/{number}/...`. */
export const accountParams = z.object({ number: accountNumberParam });

/** What every account resource may answer besides its own replies. */
export const accountErrors = {
  400: errorResponse('Malformed account number, or another part of the request.'),
  401: errorResponse('Not signed in.'),
  404: errorResponse('No such account, or not one this user can reach.'),
};
