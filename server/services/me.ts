import type { SessionUser } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { readCache } from '../db/read-cache.ts';
import { listAccounts } from './accounts.ts';
import { brandForUser, publicBrand } from './resellers/brand.ts';
import { storedLanguage } from './user-language.ts';

/** GET /me's answer for a user, kept while the database is unchanged (read-cache.ts): every page load asks it. */
const answers = readCache<ReturnType<typeof readMe>>({ maxEntries: 10_000 });

function readMe(db: Db, user: SessionUser, portalUrl: string) {
  const staff = user.role === 'staff';
  return {
    // Staff reach every account: their list is their own memberships, the rest is a search away.
    accounts: staff ? [] : listAccounts(db, user, { limit: 1000 }),
    canSearchAccounts: staff,
    // A reseller's customer sees the reseller's brand wherever they sign in.
    brand: staff ? null : publicBrand(brandForUser(db, user.id, portalUrl)),
    language: storedLanguage(db, user.id),
  };
}

/** Who is signed in: the accounts they reach, their brand and their language. */
export const meOf = (db: Db, user: SessionUser, portalUrl: string) => answers(db, `${user.role} ${user.id}`, () => readMe(db, user, portalUrl));
