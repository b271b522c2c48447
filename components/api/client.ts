// The typed client itself (and Hono's client code) is in create-client.ts, so that a widget
// that only awaits calls made through the portal's store does not download it.
export type { ApiClient, ApiClientOptions } from './create-client.ts';
import { msg, str } from '@lit/localize';

export interface ApiIssue {
  path: string;
  message: string;
}

/** A non-2xx reply, in the API's one error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What a request (or a module loaded on demand) that could not reach the portal says. */
export const networkMessage = () => msg('We could not reach the billing portal. Check your connection and try again.');

interface AnyResponse {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}

/** The JSON of the 2xx replies of a typed client call. */
type Success<R> = R extends { ok: true; json(): Promise<infer T> } ? T : never;

/** Awaits a client call; returns the 2xx response, or throws ApiError (network failures included). */
export async function send<R extends AnyResponse>(request: Promise<R>): Promise<R> {
  let response: R;
  try {
    response = await request;
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', networkMessage());
  }
  if (response.ok) return response;
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; issues?: ApiIssue[]; retryAfterSeconds?: number } } | null;
  const error = body?.error;
  throw new ApiError(
    response.status,
    error?.code ?? 'HTTP_' + response.status,
    error?.message ?? msg(str`The portal answered with an error (${response.status}). Please try again.`),
    error?.issues ?? [],
    error?.retryAfterSeconds,
  );
}

/** Awaits a client call and returns its JSON, or throws ApiError (network failures included). */
export async function call<R extends AnyResponse>(request: Promise<R>): Promise<Success<R>> {
  const response = await send(request);
  return (response.status === 204 ? undefined : await response.json()) as Success<R>;
}
