import { hc } from 'hono/client';
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

/** Hono's typed client over the portal API: `client.api.v1.me.$get()`. */
export function createApiClient(options: ApiClientOptions = {}) {
  const base = options.apiBase || globalThis.location?.origin || 'http://localhost';
  return hc<AppType>(base, {
    // The kit's language: a user who never chose one gets it at sign-in (their PDFs and mails).
    headers: (): Record<string, string> => ({ 'Accept-Language': serverLanguage(), ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}) }),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;
