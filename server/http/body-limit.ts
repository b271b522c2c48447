import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError } from '../services/errors.ts';

/** JSON bodies are small: a card payment with its billing address is under 2 KB. */
export const JSON_MAX_BYTES = 16 * 1024;

/** Paths whose body streams through to their handler, with their own limit: the CSV imports, tickets with files. */
export interface StreamedBody {
  /** A path prefix, or a pattern of whole paths. */
  path: string | RegExp;
  maxBytes: number;
  /** The 413's message (`tooLargeMessage`, or one that says what to send instead). */
  message: string;
}

/** "The file is too large: at most … bytes are taken." */
export function tooLargeMessage(what: string, maxBytes: number): string {
  const size = maxBytes % 1024 === 0 ? `${maxBytes} bytes (${maxBytes / 1024} KB)` : `${maxBytes} bytes`;
  return `${what} is too large: at most ${size} are taken.`;
}

/**
 * The 413. What the client still sends is not kept: the Node adapter reads and drops it for at
 * most 500 ms (64 MB) so the client sees the reply, then closes the connection.
 */
const tooLarge = (message: string) => new DomainError('TOO_LARGE', message);

/** JSON routes: read whole, up to JSON_MAX_BYTES. */
const jsonLimit = bodyLimit({
  maxSize: JSON_MAX_BYTES,
  onError: () => {
    throw tooLarge(tooLargeMessage('The request body', JSON_MAX_BYTES));
  },
});

/**
 * Lets a body stream on to its handler, counting: a declared Content-Length over the limit is
 * refused at once; a chunked body errors with the 413 as soon as its bytes pass the limit, so
 * the handler stops reading and keeps nothing of it.
 */
function streamedLimit({ maxBytes, message }: StreamedBody): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    if (Number(c.req.header('content-length') ?? 0) > maxBytes) throw tooLarge(message);
    let size = 0;
    const counted = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          size += chunk.byteLength;
          if (size > maxBytes) controller.error(tooLarge(message));
          else controller.enqueue(chunk);
        },
      }),
    );
    c.req.raw = new Request(c.req.raw, { body: counted, duplex: 'half' } as RequestInit);
    return next();
  };
}

/**
 * Every request body has a limit, refused with 413 in the error shape before the rest is read,
 * so no body of any size is ever held: JSON routes take JSON_MAX_BYTES, the streamed paths
 * their own.
 */
export function limitBodies(streamed: StreamedBody[]): MiddlewareHandler {
  const limits = streamed.map((s) => ({
    matches: typeof s.path === 'string' ? (path: string) => path.startsWith(s.path as string) : (path: string) => (s.path as RegExp).test(path),
    limit: streamedLimit(s),
  }));
  return (c, next) => (limits.find((s) => s.matches(c.req.path))?.limit ?? jsonLimit)(c, next);
}
