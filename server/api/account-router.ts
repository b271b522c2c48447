import type { MiddlewareHandler } from 'hono';
import { requireSession } from '../auth/middleware.ts';
import type { ActiveSession, SessionUser } from '../auth/sessions.ts';
import type { Account } from '../db/schema.ts';
import { createRouter, type AppEnv } from '../http/context.ts';
import { findReachableAccount } from '../services/accounts.ts';
import { ACCOUNT_NUMBER, accountParams, validationError } from './common.ts';

/** What handlers of an account resource find on the context: the signed-in user and the account they reach. */
export interface AccountEnv {
  // `session` is no longer null here: `accountScope` signed in first.
  Variables: AppEnv['Variables'] & { session: ActiveSession; user: SessionUser; account: Account };
}

/** The router of one account resource (`/accounts/{number}/...`); mount it on `accountRouter()`, which fills in `c.get('account')`. */
export const createAccountResource = () => createRouter<AccountEnv>();

/**
 * Runs before every account resource: 401 before any input is read when signed out (what
 * `signedIn` does, in the same step), then, so each resource answers alike: 400 naming `number`
 * when it is malformed, 404 when the account does not exist or the user does not reach it (the same reply for both). It checks the
 * number itself because it runs before the route's validators (which check it again, harmlessly).
 */
const accountScope: MiddlewareHandler<AccountEnv> = async (c, next) => {
  const { user } = requireSession(c);
  const number = c.req.param('number') ?? '';
  // The schema's own test first: what every well-formed request passes, without zod's parse.
  if (!ACCOUNT_NUMBER.test(number)) {
    const params = accountParams.safeParse({ number });
    if (!params.success) return c.json(validationError(params.error), 400);
  }
  c.set('user', user);
  c.set('account', findReachableAccount(c.get('deps').db, user, number));
  await next();
};

/**
 * The account-scoped router: every account resource (invoices, payments, autopay, summary; later
 * reports, services, tickets) is mounted on it with `.route('/', resource)`, and its handlers read
 * `c.get('account')` instead of looking the account up themselves. Made once, by `createApp`. The
 * scope goes by path: Hono runs it for every route under /accounts/{number}/ of the app.
 */
export function accountRouter() {
  const router = createRouter();
  router.use('/accounts/:number/*', accountScope);
  return router;
}
