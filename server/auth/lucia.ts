import { DrizzleSQLiteAdapter } from '@lucia-auth/adapter-drizzle';
import { Lucia, TimeSpan } from 'lucia';
import type { Db } from '../db/client.ts';
import { sessions, users } from '../db/schema.ts';

export const SESSION_COOKIE = 'bp_session';

export function createLucia(db: Db, options: { idleMinutes: number }) {
  return new Lucia(new DrizzleSQLiteAdapter(db, sessions, users), {
    // lucia slides this deadline forward while the session is used: it is the idle timeout.
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
    DatabaseUserAttributes: Omit<UserRow, 'id'>;
    DatabaseSessionAttributes: Pick<SessionRow, 'createdAt' | 'ip' | 'userAgent'>;
  }
}
