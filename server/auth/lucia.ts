import { Lucia, TimeSpan, type Adapter } from 'lucia';
import type { sessions, users } from '../db/schema.ts';

export const SESSION_COOKIE = 'bp_session';

export function createLucia(adapter: Adapter, options: { idleMinutes: number }) {
  return new Lucia(adapter, {
    // The idle timeout. lucia dates a new session this far ahead; sessions.ts dates it again on the
    // app's clock and slides it as the session is used (lucia's validateSession is not used).
    sessionExpiresIn: new TimeSpan(options.idleMinutes, 'm'),
    // The cookie itself is written by sessions.ts (lucia's would live 400 days).
    sessionCookie: { name: SESSION_COOKIE },
    getUserAttributes: (row) => ({ email: row.email, name: row.name, role: row.role }),
    getSessionAttributes: (row) => ({ createdAt: row.createdAt, ip: row.ip, userAgent: row.userAgent }),
  });
}

type UserRow = typeof users.$inferSelect;
type SessionRow = typeof sessions.$inferSelect;

declare module 'lucia' {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: Pick<UserRow, 'email' | 'name' | 'role'>;
    DatabaseSessionAttributes: Pick<SessionRow, 'createdAt' | 'ip' | 'userAgent'>;
  }
}
