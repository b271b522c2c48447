import { eq, lte, sql } from 'drizzle-orm';
import type { Adapter, DatabaseSession } from 'lucia';
import type { Db } from '../db/client.ts';
import { sessions, users } from '../db/schema.ts';

type SessionRow = typeof sessions.$inferSelect;

const toDatabaseSession = ({ id, userId, expiresAt, ...attributes }: SessionRow): DatabaseSession => ({ id, userId, expiresAt: new Date(expiresAt * 1000), attributes });

/**
 * Where lucia keeps sessions: what @lucia-auth/adapter-drizzle does, but every request's lookup
 * (the session with its user, one join) and the sliding deadline's write are statements prepared
 * once, not queries built, compiled and prepared by drizzle on each request; and the user's row
 * is read without its password hash. The rest runs at sign-in and sign-out and is built per call.
 */
export function sessionAdapter(db: Db): Adapter {
  const sessionAndUser = db
    .select({ session: sessions, user: { id: users.id, email: users.email, name: users.name, role: users.role } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare();
  const setExpiry = db
    .update(sessions)
    .set({ expiresAt: sql`${sql.placeholder('expiresAt')}` })
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare();
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

  return {
    async getSessionAndUser(sessionId) {
      const row = sessionAndUser.get({ id: sessionId });
      if (!row) return [null, null];
      const { id, ...attributes } = row.user;
      return [toDatabaseSession(row.session), { id, attributes }];
    },
    async getUserSessions(userId) {
      return db.select().from(sessions).where(eq(sessions.userId, userId)).all().map(toDatabaseSession);
    },
    async setSession(session) {
      db.insert(sessions).values({ id: session.id, userId: session.userId, expiresAt: seconds(session.expiresAt), ...session.attributes }).run();
    },
    async updateSessionExpiration(sessionId, expiresAt) {
      setExpiry.run({ id: sessionId, expiresAt: seconds(expiresAt) });
    },
    async deleteSession(sessionId) {
      db.delete(sessions).where(eq(sessions.id, sessionId)).run();
    },
    async deleteUserSessions(userId) {
      db.delete(sessions).where(eq(sessions.userId, userId)).run();
    },
    async deleteExpiredSessions() {
      db.delete(sessions).where(lte(sessions.expiresAt, Math.floor(Date.now() / 1000))).run();
    },
  };
}
