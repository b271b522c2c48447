/**
 * The errors of the domain. Services, auth and handlers throw these with a code that says what
 * went wrong in the domain's words; they know nothing of HTTP. `server/http/errors.ts` is the one
 * place that turns a code into a status and the API's error shape, and the CLI prints the message.
 */
export type DomainErrorCode =
  /** A request the domain refuses for a reason the caller can fix (a taken number, an unknown account, an amount over the limit). */
  | 'INVALID'
  /** The request as sent cannot be read (a body that is not JSON, a wrong current password): answered like a field failing its schema. */
  | 'MALFORMED'
  | 'NOT_FOUND'
  /** The request clashes with one made before (an Idempotency-Key reused for another payment). */
  | 'CONFLICT'
  /** Other work holds what this needs (an import, a billing run); try again later. */
  | 'BUSY'
  /** The card was declined by its issuer. */
  | 'DECLINED'
  /** The gateway refused the card for another reason (a spent token, bad credentials). */
  | 'PAYMENT_FAILED'
  /** The gateway did not answer in time; nothing was changed here. */
  | 'GATEWAY_TIMEOUT'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  /** Too many failed sign-ins; `retryAfterSeconds` says how long to wait. */
  | 'THROTTLED'
  /** A request from a site that is not allowed. */
  | 'FORBIDDEN'
  /** An invitation or reset link that is unknown, used or expired. */
  | 'TOKEN_INVALID'
  /** A gateway notification whose signature does not match. */
  | 'SIGNATURE_INVALID'
  /** An import file with bad rows: `issues` lists them, nothing was stored. */
  | 'IMPORT_REJECTED'
  /** A request body over its route's size limit: refused before the rest is read. */
  | 'TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE';

/** One problem of a request, e.g. `{ path: 'billTo.zip', message: 'Zip is required.' }`. */
export interface Issue {
  path: string;
  message: string;
}

interface DomainErrorDetails {
  issues?: Issue[];
  retryAfterSeconds?: number;
}

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
  }
}

/** A request the domain refuses for a reason the caller can fix. The CLI prints the message and exits 1. */
export class InputError extends DomainError {
  override name = 'InputError';
  constructor(message: string, issues?: Issue[]) {
    super('INVALID', message, issues ? { issues } : {});
  }
}

/** `what` does not exist, or the caller may not see it: both read the same, so neither leaks. */
export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
  constructor(what: string) {
    super('NOT_FOUND', `${what} was not found.`);
  }
}

/** The work cannot start now because other work holds what it needs (an import, a billing run). Try later. */
export class BusyError extends DomainError {
  override name = 'BusyError';
  constructor(message: string) {
    super('BUSY', message);
  }
}
