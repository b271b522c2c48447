import type { hc } from 'hono/client';
import type { AppType } from '../../server/app.ts';
import { serverLanguage } from '../i18n/localize.ts';

export interface ApiClientOptions {
  /** Where the portal server is; default: this page's origin. */
  apiBase?: string | undefined;
  /** A bearer token, for pages on another origin than the API (same origin uses the cookie). */
  token?: string | null | undefined;
  /** Stand-in for `fetch`: stories and tests answer from fixtures. */
  fetch?: typeof fetch | undefined;
}

/** What a call of the typed client takes: `$post({ param, query, json | form, header }, { init })`. */
interface CallArgs {
  param?: Record<string, string | undefined>;
  query?: Record<string, string | string[] | undefined>;
  json?: unknown;
  form?: Record<string, string | Blob | (string | Blob)[] | undefined>;
  header?: Record<string, string | undefined>;
}

/**
 * The typed client of Hono (`hc<AppType>`) in the few lines of it the kit uses, for the browser:
 * a path of property names (`api.v1.accounts[':number'].invoices`) and a method (`$get`, `$post`,
 * `$put`, `$patch`, `$delete`) make the request, sent as hc sends it (`:name` from `param`, the
 * query, a JSON or multipart body, headers) and answered with fetch's Response, which the type
 * reads as the route's replies. hc's own code (its WebSocket, cookie and URL helpers) stays out of
 * the kit.
 */
export function createApiClient(options: ApiClientOptions = {}) {
  const base = (options.apiBase || globalThis.location?.origin || 'http://localhost').replace(/\/+$/, '');
  const send = (path: string[], method: string, args: CallArgs = {}, { init }: { init?: RequestInit } = {}) => {
    let url = base + path.map((part) => (part.startsWith(':') ? (args.param?.[part.slice(1)] ? `/${args.param[part.slice(1)]}` : '') : `/${part}`)).join('');
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(args.query ?? {})) for (const v of [value ?? []].flat()) query.append(key, v);
    if (`${query}`) url += `?${query}`;
    // The kit's language: a user who never chose one gets it at sign-in (their PDFs and mails).
    const headers = new Headers();
    const values = { ...args.header, 'Accept-Language': serverLanguage(), ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}) };
    for (const [key, value] of Object.entries(values)) if (value !== undefined) headers.set(key, value);
    let body: BodyInit | undefined;
    if (args.form) {
      body = new FormData();
      for (const [key, value] of Object.entries(args.form)) for (const v of [value ?? []].flat()) body.append(key, v);
    }
    if (args.json !== undefined) {
      body = JSON.stringify(args.json);
      headers.set('Content-Type', 'application/json');
    }
    return (options.fetch ?? fetch)(url, { body: method === 'GET' || method === 'HEAD' ? undefined : body, method, headers, ...init });
  };
  const proxy = (path: string[]): unknown =>
    new Proxy(() => undefined, {
      // Not `then`: a client is no promise (an `await` on it must not call it).
      get: (_, key) => (typeof key === 'string' && key !== 'then' ? proxy([...path, key]) : undefined),
      apply: (_, __, args: [CallArgs?, { init?: RequestInit }?]) => send(path.slice(0, -1), path.at(-1)!.slice(1).toUpperCase(), ...args),
    });
  // Its type is the one hc<AppType>(…) returns, inferred from the server's routes (and so written
  // out in the kit's declarations, which do not ship the server).
  const typedAsHc = (() => proxy([])) as unknown as typeof hc;
  return typedAsHc<AppType>(base);
}

/** Hono's typed client over the portal API: `client.api.v1.me.$get()`. */
export type ApiClient = ReturnType<typeof createApiClient>;
