import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError } from '../services/errors.ts';

/** JSON bodies are small: a card payment with its billing address is under 2 KB. */
export const JSON_MAX_BYTES = 16 * 1024;

/** A path (prefix) whose body streams through to its handler, with its own limit: the CSV imports. */
export interface StreamedBody {
  prefix: string;
  maxBytes: number;
  /** What the body is, for the message ("The file"). */
  what: string;
}

/**
 * The 413. What the client still sends is not kept: the Node adapter reads and drops it for at
 * most 500 ms (64 MB) so the client sees the reply, then closes the connection.
 */
function tooLarge(what: string, maxBytes: number): DomainError {
  const size = maxBytes % 1024 === 0 ? `${maxBytes} bytes (${maxBytes / 1024} KB)` : `${maxBytes} bytes`;
  return new DomainError('TOO_LARGE', `${what} is too large: at most ${size} are taken.`);
}

/** JSON routes: read whole, up to JSON_MAX_BYTES. */
const jsonLimit = bodyLimit({
  maxSize: JSON_MAX_BYTES,
  onError: () => {
    throw tooLarge('The request body', JSON_MAX_BYTES);
  },
});

/**
 * Lets a body stream on to its handler, counting: a declared Content-Length over the limit is
 * refused at once; a chunked body errors with the 413 as soon as its bytes pass the limit, so
 * the handler stops reading and keeps nothing of it.
 */
function streamedLimit({ maxBytes, what }: StreamedBody): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    if (Number(c.req.header('content-length') ?? 0) > maxBytes) throw tooLarge(what, maxBytes);
    let size = 0;
    const counted = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          size += chunk.byteLength;
          if (size > maxBytes) controller.error(tooLarge(what, maxBytes));
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
  const limits = streamed.map((s) => ({ prefix: s.prefix, limit: streamedLimit(s) }));
  return (c, next) => {
    // A GET or HEAD has no body (the Node adapter drops one sent, as fetch's Request must); asking
    // for it would only make the adapter build a web Request, streams and all, for every read.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return (limits.find((s) => c.req.path.startsWith(s.prefix))?.limit ?? jsonLimit)(c, next);
  };
}
