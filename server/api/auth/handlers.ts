import type { Context } from 'hono';
import { clientMeta, requireSession } from '../../auth/middleware.ts';
import type { SignedIn } from '../../auth/service.ts';
import { createRouter, whenSignedIn, type AppEnv } from '../../http/context.ts';
import { activate, changePassword, FORGOT_REPLY, forgotPassword, login, logout, resetPassword } from './routes.ts';
import { adoptLanguage } from '../../services/user-language.ts';

/**
 * Sets the session cookie (for same-origin pages) and returns the token (for the others). A user
 * who never chose a language gets the one the kit asked in (`Accept-Language`).
 */
function signedInReply(c: Context<AppEnv>, result: SignedIn) {
  adoptLanguage(c.get('deps').db, result.user.id, c.req.header('accept-language'));
  c.header('Set-Cookie', c.get('deps').auth.sessions.cookieFor(result.token), { append: true });
  return c.json({ token: result.token, user: result.user }, 200);
}

/** Sign-in, sign-out and passwords. */
export const authHandlers = createRouter()
  .openapi(login, async (c) => {
    const { email, password } = c.req.valid('json');
    return signedInReply(c, await c.get('deps').auth.login(email, password, clientMeta(c)));
  })
  .openapi(whenSignedIn(logout), async (c) => {
    await c.get('deps').auth.logout(requireSession(c), clientMeta(c));
    c.header('Set-Cookie', c.get('deps').auth.sessions.blankCookie(), { append: true });
    return c.body(null, 204);
  })
  .openapi(activate, async (c) => {
    const { token, password } = c.req.valid('json');
    return signedInReply(c, await c.get('deps').auth.completeLink('activate', token, password, clientMeta(c)));
  })
  .openapi(forgotPassword, (c) => {
    c.get('deps').auth.requestPasswordReset(c.req.valid('json').email, clientMeta(c));
    return c.json({ message: FORGOT_REPLY }, 202);
  })
  .openapi(resetPassword, async (c) => {
    const { token, password } = c.req.valid('json');
    return signedInReply(c, await c.get('deps').auth.completeLink('reset', token, password, clientMeta(c)));
  })
  .openapi(whenSignedIn(changePassword), async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json');
    await c.get('deps').auth.changePassword(requireSession(c), currentPassword, newPassword, clientMeta(c));
    return c.body(null, 204);
  });
