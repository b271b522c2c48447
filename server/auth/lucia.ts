import { Lucia, TimeSpan, type Adapter } from 'lucia';
import type { sessions, users } from '../db/schema.ts';

export const SESSION_COOKIE = 'bp_session';

export function createLucia(adapter: Adapter, options: { idleMinutes: number }) {
  return new Lucia(adapter, {
    // The idle timeout: sessions.ts slides the deadline as the session is used (lucia would only
    // once half of it is gone, which ends a session used at minute 14 at minute 30).
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
