import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../services/errors.ts';

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;
const MULTIPART_TYPE = /^multipart\/form-data\s*;/i;

export const isMultipart = (contentType: string | undefined) => MULTIPART_TYPE.test(contentType ?? '');

/** Reads a body stream whole, refusing it (and reading no further) once it passes `maxBytes`. */
async function readUpTo(body: ReadableStream<Uint8Array>, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Route middleware of writes that take either JSON or multipart/form-data with files. Anything
 * else is a 415. A multipart body is read here, before the route's validators, counting bytes as
 * they arrive: past `maxBytes` (or a Content-Length that says so) it is a 413 naming the limit,
 * and the rest is not read. The parsed form is left where Hono's form validator looks for it.
 */
export const jsonOrMultipart =
  (maxBytes: number, tooLargeMessage: string): MiddlewareHandler =>
  async (c, next) => {
    const type = c.req.header('content-type');
    if (JSON_TYPE.test(type ?? '')) return next();
    if (!isMultipart(type)) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send JSON, or multipart/form-data with the files.');
    const tooLarge = () => new DomainError('TOO_LARGE', tooLargeMessage);
    if (Number(c.req.header('content-length')) > maxBytes) throw tooLarge();
    const body = c.req.raw.body;
    if (!body) throw new DomainError('MALFORMED', 'The request has no body.');
    const bytes = await readUpTo(body, maxBytes, tooLarge);
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { 'Content-Type': type! } }).formData();
    } catch {
      throw new DomainError('MALFORMED', 'The multipart/form-data body could not be read.');
    }
    // Hono's form validator reads the parsed form from this cache (typed there as the method).
    (c.req.bodyCache as { formData?: Promise<FormData> }).formData = Promise.resolve(form);
    await next();
  };
