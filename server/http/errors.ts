import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorBody, type ErrorCode } from '../api/common.ts';
import { DomainError, type DomainErrorCode } from '../services/errors.ts';

/**
 * The one place a domain error becomes an HTTP reply: the status, and the code clients see.
 * A new DomainErrorCode does not compile until it has its line here.
 */
const HTTP_OF: Record<DomainErrorCode, [ContentfulStatusCode, ErrorCode]> = {
  INVALID: [422, 'VALIDATION'],
  MALFORMED: [400, 'VALIDATION'],
  NOT_FOUND: [404, 'NOT_FOUND'],
  CONFLICT: [409, 'CONFLICT'],
  BUSY: [409, 'CONFLICT'],
  DECLINED: [402, 'PAYMENT_DECLINED'],
  PAYMENT_FAILED: [402, 'PAYMENT_FAILED'],
  GATEWAY_TIMEOUT: [504, 'GATEWAY_TIMEOUT'],
  UNAUTHENTICATED: [401, 'UNAUTHENTICATED'],
  INVALID_CREDENTIALS: [401, 'INVALID_CREDENTIALS'],
  THROTTLED: [429, 'THROTTLED'],
  FORBIDDEN: [403, 'FORBIDDEN'],
  TOKEN_INVALID: [400, 'TOKEN_INVALID'],
  SIGNATURE_INVALID: [401, 'SIGNATURE_INVALID'],
  IMPORT_REJECTED: [422, 'IMPORT_REJECTED'],
  TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE'],
  UNSUPPORTED_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
};

/** `onError` of the app: every thrown error leaves in the one error shape, never with a stack trace. */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof DomainError) {
    const [status, code] = HTTP_OF[err.code];
    if (err.details.retryAfterSeconds !== undefined) c.header('Retry-After', String(err.details.retryAfterSeconds));
    return c.json(errorBody(code, err.message, err.details), status);
  }
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
