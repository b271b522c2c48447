import { eq, lte, sql } from 'drizzle-orm';
import type { Adapter, DatabaseSession } from 'lucia';
import type { Db } from '../db/client.ts';
import { readCache } from '../db/read-cache.ts';
import { sessions, users } from '../db/schema.ts';

type SessionRow = typeof sessions.$inferSelect;

const toDatabaseSession = ({ id, userId, expiresAt, ...attributes }: SessionRow): DatabaseSession => ({ id, userId, expiresAt: new Date(expiresAt * 1000), attributes });

/**
 * A session with its user, kept while the database is unchanged (read-cache.ts): a sign-out, an
 * expired session's removal or the deadline's slide (this connection), or another process ending
 * sessions, is seen on the next request. The deadlines themselves are checked on every request.
 */
const sessionRows = readCache<{ id: string; expiresAt: number; createdAt: number; userId: string; email: string; name: string; role: 'customer' | 'staff' }>({
  maxEntries: 10_000,
});

/**
 * Where sessions are kept: lucia's adapter (what @lucia-auth/adapter-drizzle does; lucia uses it to
 * create and end sessions), and what every request runs, prepared once: the session with its user
 * (one join, without the password hash) and the idle deadline's write. Through lucia's
 * validateSession and drizzle's adapter a request built, compiled and prepared two queries.
 */
export function sessionStorage(db: Db) {
  const withUser = db
    .select({
      id: sessions.id,
      expiresAt: sessions.expiresAt,
      createdAt: sessions.createdAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
    })
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
  const remove = (sessionId: string) => db.delete(sessions).where(eq(sessions.id, sessionId)).run();

  const adapter: Adapter = {
    async getSessionAndUser(sessionId) {
      const row = db
        .select({ session: sessions, user: { id: users.id, email: users.email, name: users.name, role: users.role } })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.id, sessionId))
        .get();
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
      remove(sessionId);
    },
    async deleteUserSessions(userId) {
      db.delete(sessions).where(eq(sessions.userId, userId)).run();
    },
    async deleteExpiredSessions() {
      db.delete(sessions).where(lte(sessions.expiresAt, Math.floor(Date.now() / 1000))).run();
    },
  };

  return {
    adapter,
    /** The session (deadlines in seconds since the epoch) with its user, or undefined. */
    find: (sessionId: string) => sessionRows(db, sessionId, () => withUser.get({ id: sessionId })),
    /** Moves the idle deadline. */
    setExpiry: (sessionId: string, expiresAt: Date) => setExpiry.run({ id: sessionId, expiresAt: seconds(expiresAt) }),
    remove,
  };
}
