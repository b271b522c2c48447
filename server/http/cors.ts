import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/** What the API tells browsers on other sites (ALLOWED_ORIGINS) they may send and read. */
const API_CORS = {
  allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key'],
  exposeHeaders: ['Retry-After'],
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  maxAge: 600,
};

/**
 * CORS for the API, as hono's `cors()` answers it, for the allowed origins only. Preflights go
 * to hono's; on every other request the headers are added to the reply once it is made. Hono's
 * sets them on `c.res` before the handler runs, and the Node adapter then rebuilds each reply
 * through web streams to merge them (and again for `Vary`), which cost more than the handler.
 */
export function apiCors(allowed: ReadonlySet<string>): MiddlewareHandler {
  const originOf = (origin: string) => (allowed.has(origin) ? origin : null);
  const preflight = cors({ origin: originOf, ...API_CORS });
  const expose = API_CORS.exposeHeaders.join(',');
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    const headers = c.res.headers;
    const origin = originOf(c.req.header('origin') ?? '');
    if (origin) headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Expose-Headers', expose);
    headers.append('Vary', 'Origin');
  };
}
