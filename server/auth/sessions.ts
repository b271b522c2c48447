import { eq } from 'drizzle-orm';
import { serialize } from 'hono/utils/cookie';
import type { Db } from '../db/client.ts';
import { sessions } from '../db/schema.ts';
import { generateSecret, hashSecret } from './crypto.ts';
import { createLucia } from './lucia.ts';
import { sessionStorage } from './session-adapter.ts';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: 'customer' | 'staff';
}

export interface ActiveSession {
  /** The hashed id as stored; never the client's token. */
  id: string;
  user: SessionUser;
}

/**
 * How often a used session's idle deadline is written: at most once a minute, not on every request,
 * so a session ends between SESSION_IDLE_MINUTES - 1 and SESSION_IDLE_MINUTES after its last use.
 */
const SLIDE_EVERY_MS = 60_000;

export interface SessionStoreOptions {
  idleMinutes: number;
  maxHours: number;
  secureCookie: boolean;
  now: () => number;
}

/** What a session token looks like (generateSecret's); anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * Sessions as the rest of the server sees them. The client holds a random token; the row is keyed
 * by the token's SHA-256, so the table holds nothing a thief could present. lucia creates and ends
 * them; a request's check (validate) is ours, on our clock, with one prepared lookup.
 */
export function createSessionStore(db: Db, options: SessionStoreOptions) {
  const storage = sessionStorage(db);
  const lucia = createLucia(storage.adapter, options);
  const maxAgeMs = options.maxHours * 3_600_000;
  const idleMs = options.idleMinutes * 60_000;
  const cookieOptions = { httpOnly: true, sameSite: 'Lax', secure: options.secureCookie, path: '/' } as const;

  return {
    cookieName: lucia.sessionCookieName,

    async create(userId: string, meta: { ip: string | null; userAgent: string | null }) {
      const token = generateSecret();
      const session = await lucia.createSession(
        userId,
        { createdAt: Math.floor(options.now() / 1000), ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null },
        { sessionId: hashSecret(token) },
      );
      // lucia dated it by the wall clock; the deadline goes by ours.
      storage.setExpiry(session.id, new Date(options.now() + idleMs));
      return { token, id: session.id };
    },

    /** The live session for a token, or null when unknown, idle too long, or past its absolute lifetime. */
    validate(token: string): ActiveSession | null {
      if (!TOKEN.test(token)) return null;
      const session = storage.find(hashSecret(token));
      if (!session) return null;
      const now = options.now();
      if (session.expiresAt * 1000 <= now || session.createdAt * 1000 + maxAgeMs <= now) {
        storage.remove(session.id);
        return null;
      }
      // The idle deadline runs from this use, written when it moved by a minute or more.
      const deadline = now + idleMs;
      if (deadline - session.expiresAt * 1000 >= SLIDE_EVERY_MS) storage.setExpiry(session.id, new Date(deadline));
      return { id: session.id, user: { id: session.userId, email: session.email, name: session.name, role: session.role } };
    },

    invalidate: (sessionId: string) => lucia.invalidateSession(sessionId),

    /** Ends every session of a user, but the one given (if any). */
    async invalidateOthers(userId: string, keepSessionId?: string) {
      const rows = db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId)).all();
      for (const row of rows) if (row.id !== keepSessionId) await lucia.invalidateSession(row.id);
    },

    // No Max-Age: the cookie ends with the browser session; the server enforces both deadlines.
    cookieFor: (token: string) => serialize(lucia.sessionCookieName, token, cookieOptions),
    blankCookie: () => serialize(lucia.sessionCookieName, '', { ...cookieOptions, maxAge: 0 }),
    deleteExpired: () => lucia.deleteExpiredSessions(),
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
