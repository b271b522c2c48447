import { requireSession } from '../../auth/middleware.ts';
import { createRouter, whenSignedIn } from '../../http/context.ts';
import { accountDetails, listAccounts } from '../../services/accounts.ts';
import { brandForUser, publicBrand } from '../../services/resellers/brand.ts';
import { createAccountResource } from '../account-router.ts';
import { account, me, searchAccounts, setLanguage } from './routes.ts';
import { setLanguage as saveLanguage, storedLanguage } from '../../services/user-language.ts';

/** Who is signed in, and which accounts they reach. */
export const accountHandlers = createRouter()
  .openapi(whenSignedIn(me), (c) => {
    const { user } = requireSession(c);
    const staff = user.role === 'staff';
    // Staff reach every account: their list is their own memberships, the rest is a search away.
    const { db, config } = c.get('deps');
    const accounts = staff ? [] : listAccounts(db, user, { limit: 1000 });
    // A reseller's customer sees the reseller's brand wherever they sign in.
    const brand = staff ? null : publicBrand(brandForUser(db, user.id, config.publicUrl));
    return c.json({ user, accounts, canSearchAccounts: staff, brand, language: storedLanguage(db, user.id) }, 200);
  })
  .openapi(whenSignedIn(setLanguage), (c) => {
    const { language } = c.req.valid('json');
    saveLanguage(c.var.deps.db, requireSession(c).user.id, language);
    return c.json({ language }, 200);
  })
  .openapi(whenSignedIn(searchAccounts), (c) => {
    const { user } = requireSession(c);
    const { q, limit } = c.req.valid('query');
    return c.json({ accounts: listAccounts(c.get('deps').db, user, { query: q, limit }) }, 200);
  });

/** One account's information: the first resource of the account-scoped router. */
export const accountDetailHandlers = createAccountResource().openapi(account, (c) => c.json(accountDetails(c.get('deps').db, c.get('account')), 200));
