import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from '@hono/zod-openapi';
import { BusyError, InputError } from '../services/errors.ts';

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
  | 'IMPORT_REJECTED'
  | 'PAYMENT_DECLINED'
  | 'PAYMENT_FAILED'
  | 'GATEWAY_TIMEOUT'
  | 'SIGNATURE_INVALID'
  | 'PAYLOAD_TOO_LARGE'
  | 'INTERNAL';

export interface ErrorIssue {
  path: string;
  message: string;
}

/** The one shape of every non-2xx reply. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'NOT_FOUND' }),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      retryAfterSeconds: z.number().int().optional(),
    }),
  })
  .openapi('Error');

export type ErrorBody = z.infer<typeof ErrorSchema>;

/** An error reply of a route's OpenAPI definition: the one error shape, with what it means there. */
export const errorResponse = (description: string) => ({ content: { 'application/json': { schema: ErrorSchema } }, description });

/** Thrown by services and routes; turned into the error shape by `onError`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly extra: { issues?: ErrorIssue[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

export const notFound = (what = 'The requested resource') => new ApiError(404, 'NOT_FOUND', `${what} was not found.`);

export function errorBody(code: ErrorCode, message: string, extra: ApiError['extra'] = {}): ErrorBody {
  return { error: { code, message, ...extra } };
}

/** Turns zod issues into the `issues` list of the error shape. */
export function issuesFrom(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));
}

export function handleError(err: Error, c: Context): Response {
  if (err instanceof ApiError) {
    if (err.extra.retryAfterSeconds !== undefined) c.header('Retry-After', String(err.extra.retryAfterSeconds));
    return c.json(errorBody(err.code, err.message, err.extra), err.status);
  }
  if (err instanceof BusyError) return c.json(errorBody('CONFLICT', err.message), 409);
  if (err instanceof InputError) return c.json(errorBody('VALIDATION', err.message), 422);
  if (err instanceof HTTPException) {
    // Hono raises these for malformed bodies (e.g. invalid JSON) before our validators run.
    const status = err.status;
    if (status === 415) {
      return c.json(errorBody('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as JSON, with Content-Type: application/json.'), 415);
    }
    const code: ErrorCode = status === 401 ? 'UNAUTHENTICATED' : status === 404 ? 'NOT_FOUND' : status >= 500 ? 'INTERNAL' : 'VALIDATION';
    const message = status === 400 ? 'The request body is not valid JSON.' : status >= 500 ? 'Something went wrong on our side.' : err.message || 'The request was refused.';
    return c.json(errorBody(code, message), status as ContentfulStatusCode);
  }
  console.error('Unhandled error', err);
  return c.json(errorBody('INTERNAL', 'Something went wrong on our side. Please try again.'), 500);
}
