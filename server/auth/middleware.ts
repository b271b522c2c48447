import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { newRequest } from '../db/read-cache.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { DomainError } from '../services/errors.ts';
import type { ActiveSession } from './sessions.ts';
import type { ClientMeta } from './service.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Origins that may send writes: the request's own, the portal's, ALLOWED_ORIGINS and resellers' sites. */
export function isAllowedOrigin(c: Context<AppEnv>, origin: string): boolean {
  return c.get('deps').origins.has(origin) || origin === new URL(c.req.url).origin;
}

function clientIp(c: Context<AppEnv>): string | null {
  if (c.get('deps').config.trustProxy) {
    // The proxy in front of us appends the address it saw: trust only the last entry.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean);
    if (forwarded?.length) return forwarded[forwarded.length - 1] ?? null;
  }
  // Requests made in-process (tests, benchmarks) have no socket: no need to throw and catch.
  if (!(c.env as { incoming?: unknown } | undefined)?.incoming) return null;
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

/**
 * The API's first step: puts `deps` on the context, finds the session (bearer token first, then
 * the cookie) and refuses writes from foreign origins. A cookie only counts on a write when the
 * request says where it came from, so a form posted by another site cannot ride on it. (One
 * middleware, not two: each layer is an async step of its own on every request.)
 */
export const sessionMiddleware = (deps: Deps): MiddlewareHandler<AppEnv> => async (c, next) => {
  c.set('deps', deps);
  c.set('ip', clientIp(c));
  const origin = c.req.header('origin');
  const write = !SAFE_METHODS.has(c.req.method);
  if (write && origin && !isAllowedOrigin(c, origin)) {
    throw new DomainError('FORBIDDEN', 'Requests from this site are not allowed.');
  }
  const { auth, db } = deps;
  newRequest(db);
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  const cookie = getCookie(c, auth.sessions.cookieName);
  let session: ActiveSession | null = null;
  if (bearer) session = auth.sessions.validate(bearer);
  else if (cookie && (!write || origin)) session = auth.sessions.validate(cookie);
  c.set('session', session);
  await next();
};

/** Route middleware: answers 401 before any input is looked at when nobody is signed in. */
export const signedIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireSession(c);
  await next();
};

/** The signed-in session, or a 401 in the error shape. */
export function requireSession(c: { get(key: 'session'): ActiveSession | null }): ActiveSession {
  const session = c.get('session');
  if (!session) throw new DomainError('UNAUTHENTICATED', 'Please sign in to continue.');
  return session;
}

export function clientMeta<E extends AppEnv>(c: Context<E>): ClientMeta {
  return { ip: c.var.ip, userAgent: c.req.header('user-agent') ?? null };
}
