import { requireSession } from '../../auth/middleware.ts';
import { createRouter, whenSignedIn } from '../../http/context.ts';
import { accountDetails, listAccounts } from '../../services/accounts.ts';
import { meOf } from '../../services/me.ts';
import { createAccountResource } from '../account-router.ts';
import { account, me, searchAccounts, setLanguage } from './routes.ts';
import { setLanguage as saveLanguage } from '../../services/user-language.ts';

/** Who is signed in, and which accounts they reach. */
export const accountHandlers = createRouter()
  .openapi(whenSignedIn(me), (c) => {
    const { user } = requireSession(c);
    const { db, config } = c.get('deps');
    return c.json({ user, ...meOf(db, user, config.publicUrl) }, 200);
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
