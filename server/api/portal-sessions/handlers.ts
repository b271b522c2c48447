import { eq } from 'drizzle-orm';
import { clientMeta } from '../../auth/middleware.ts';
import { resellerKey, type ResellerEnv } from '../../auth/reseller-key.ts';
import { accounts } from '../../db/schema.ts';
import { createRouter } from '../../http/context.ts';
import { brandById, publicBrand } from '../../services/resellers/brand.ts';
import { portalSessionGrant } from '../../services/resellers/portal-access.ts';
import { createPortalSession, exchangePortalSession } from './routes.ts';
import { adoptLanguage } from '../../services/user-language.ts';

const resellerRoutes = createRouter<ResellerEnv>();
// The key is checked before the body is read: a caller without one learns nothing of the rules.
resellerRoutes.use(createPortalSession.path, resellerKey);

/** The reseller's server asks for a portal session for its customer. */
export const portalSessionHandlers = resellerRoutes.openapi(createPortalSession, (c) => {
  const { db, auth, now } = c.var.deps;
  const { account, email } = c.req.valid('json');
  const meta = clientMeta(c);
  const grant = portalSessionGrant(db, c.var.reseller, account, email, meta, new Date(now()));
  const { token, expiresAt } = auth.portalSessions.issue(grant, meta);
  return c.json({ token, expiresAt: expiresAt.toISOString() }, 201);
});

/** The element on the reseller's page exchanges the token for a session (no cookie: it keeps the bearer token). */
export const portalSessionExchangeHandlers = createRouter().openapi(exchangePortalSession, async (c) => {
  const { db, auth, config } = c.var.deps;
  const signedIn = await auth.portalSessions.exchange(c.req.valid('json').token, clientMeta(c));
  // The reseller's page says which language (its lang); a user who never chose one gets it.
  adoptLanguage(db, signedIn.user.id, c.req.header('accept-language'));
  const account = signedIn.accountId === null ? undefined : db.select({ number: accounts.number }).from(accounts).where(eq(accounts.id, signedIn.accountId)).get();
  const brand = publicBrand(brandById(db, signedIn.resellerId, config.publicUrl));
  return c.json({ token: signedIn.token, user: signedIn.user, account: account?.number ?? null, brand }, 200);
});
