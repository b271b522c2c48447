import type { ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AllowedOrigins } from '../services/resellers/allowed-origins.ts';

/** What the API tells browsers on other sites (ALLOWED_ORIGINS) they may send and read. */
const API_CORS = {
  allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key'],
  exposeHeaders: ['Retry-After'],
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  maxAge: 600,
};

export interface ReplyHeadersOptions {
  /** The secure headers of every reply outside the API (page-policies.ts). */
  secure: Record<string, string>;
  /** The secure headers of the API's replies (page-policies.ts). */
  apiSecure: Record<string, string>;
  /** Where the API is (`/api/v1`): its replies are not stored (no-store) and carry CORS headers for `allowedOrigins`. */
  apiPath: string;
  /** The portal's own, ALLOWED_ORIGINS and the resellers' sites (which change without a restart). */
  allowedOrigins: AllowedOrigins;
  /** A path that sets all its headers itself (the card frame, which allowed sites frame). */
  ownHeadersPrefix: string;
}

type HeaderList = readonly (readonly [string, string])[];

/**
 * The headers every reply carries besides its own: the secure headers (the pages' or the API's),
 * and on the API Cache-Control no-store and CORS for the allowed origins (hono's cors() answers
 * preflights).
 *
 * Served by Node (@hono/node-server), they go onto Node's own reply object before the handler
 * runs, and the reply's headers are written after them. hono's secureHeaders and cors set theirs
 * on the web Response after the handler instead: that turns its headers into a web `Headers`,
 * which the adapter then reads back one by one, ~15 µs per reply on this machine, while a reply
 * made with `c.json` alone keeps one plain record that the adapter hands to Node directly.
 * Without a Node reply (app.request in tests) they are set on the web Response, as before; both
 * ways give the same headers (reply-headers.test.ts).
 */
export function replyHeaders(options: ReplyHeadersOptions): MiddlewareHandler {
  const apiPrefix = `${options.apiPath}/`;
  const preflight = cors({ origin: (origin) => (options.allowedOrigins.has(origin) ? origin : null), ...API_CORS });
  const secure: HeaderList = Object.entries(options.secure);
  const apiSecure: HeaderList = Object.entries(options.apiSecure);
  const api: HeaderList = [['Cache-Control', 'no-store'], ['Vary', 'Origin'], ...apiSecure];
  // Each allowed origin's list is made once; whether it is still allowed is asked on every request
  // (a reseller's site may be removed), and an origin not allowed gets no list of its own.
  const apiFor = new Map<string, HeaderList>();
  const apiHeadersFor = (origin: string | undefined): HeaderList => {
    if (!origin || !options.allowedOrigins.has(origin)) return api;
    let list = apiFor.get(origin);
    if (!list) {
      if (apiFor.size >= 1000) apiFor.clear();
      // What a script of that site may read of the reply: nothing to say to any other.
      apiFor.set(origin, (list = [...api, ['Access-Control-Allow-Origin', origin], ['Access-Control-Expose-Headers', API_CORS.exposeHeaders.join(',')]]));
    }
    return list;
  };

  return async (c, next) => {
    const path = c.req.path;
    if (path.startsWith(options.ownHeadersPrefix)) return next();
    const onApi = path.startsWith(apiPrefix) || path === options.apiPath;
    if (onApi && c.req.method === 'OPTIONS') {
      const answer = await preflight(c, next);
      if (answer) c.res = answer;
      return setOnResponse(c, apiSecure);
    }
    const headers = onApi ? apiHeadersFor(c.req.header('origin')) : secure;
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    if (outgoing && !outgoing.headersSent) {
      for (const [name, value] of headers) outgoing.setHeader(name, value);
      return next();
    }
    await next();
    setOnResponse(c, headers);
  };
}

/**
 * Sets each header on the web Response that the reply did not set itself (Vary added to, not
 * replaced): a reply's own header wins, as it does over Node's when the adapter writes it (the
 * brand logo's cross-origin resource policy).
 */
function setOnResponse(c: Context, headers: HeaderList): void {
  const res = c.res.headers;
  for (const [name, value] of headers) {
    if (name !== 'Vary') {
      if (!res.has(name)) res.set(name, value);
    } else if (!res.get(name)?.split(',').some((v) => v.trim() === value)) res.append(name, value);
  }
}
