import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema.ts';
import type { Config } from '../env.ts';
import type { Mailer } from '../mail/mailer.ts';
import { activationMail, passwordResetMail } from '../mail/templates.ts';
import { audit } from '../services/audit.ts';
import type { Background } from '../services/background.ts';
import { DomainError } from '../services/errors.ts';
import { brandForUser, senderOf, type Brand } from '../services/resellers/brand.ts';
import { languageOrEnglish } from '../i18n/messages.ts';
import { hashPassword, verifyPassword } from './crypto.ts';
import { consumeOneTimeToken, countIssuedSince, issueOneTimeToken, voidOneTimeTokens, type LinkPurpose } from './one-time-tokens.ts';
import { createPortalSessions } from './portal-sessions.ts';
import { createSessionStore, type ActiveSession, type SessionUser } from './sessions.ts';
import { createLoginThrottle, describeWait } from './throttle.ts';

export interface AuthDeps {
  db: Db;
  config: Config;
  mailer: Mailer;
  background: Background;
  now: () => number;
}

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface SignedIn {
  token: string;
  sessionId: string;
  user: SessionUser;
}

/** At most this many reset mails per user per hour, so the form cannot be used to flood an inbox. */
const RESET_MAILS_PER_HOUR = 3;

export const INVALID_CREDENTIALS_MESSAGE = 'The email or password you entered is incorrect.';
export const INVALID_LINK_MESSAGE =
  'This link is invalid or has expired. Links work once; ask for a new one from the sign-in page.';

const toSessionUser = (u: typeof users.$inferSelect): SessionUser => ({ id: u.id, email: u.email, name: u.name, role: u.role });

export function createAuthService({ db, config, mailer, background, now }: AuthDeps) {
  const sessions = createSessionStore(db, {
    idleMinutes: config.sessionIdleMinutes,
    maxHours: config.sessionMaxHours,
    secureCookie: config.publicUrl.startsWith('https:'),
    now,
  });
  const throttle = createLoginThrottle(db, now);
  const findByEmail = (email: string) => db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
  const at = () => new Date(now());

  async function signIn(user: typeof users.$inferSelect, meta: ClientMeta): Promise<SignedIn> {
    // Every way in ends here (password, link, a reseller's portal session): none for a user whose access was taken away.
    if (user.disabledAt) throw new DomainError('INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE);
    const session = await sessions.create(user.id, meta);
    return { token: session.token, sessionId: session.id, user: toSessionUser(user) };
  }

  async function setPassword(userId: string, password: string) {
    const passwordHash = await hashPassword(password);
    db.update(users).set({ passwordHash, passwordChangedAt: at().toISOString() }).where(eq(users.id, userId)).run();
  }

  /**
   * Checks a password under the sign-in throttle (the email's and the address's counts): sign-in
   * and the current password of a password change draw on the same guesses. Throws 429 while
   * the email or the address must wait, without checking.
   */
  async function checkPassword(email: string, password: string, stored: string | null, meta: ClientMeta, what: 'login' | 'password.change'): Promise<boolean> {
    const attempt = throttle.begin(email, meta.ip);
    if (attempt.wait > 0) {
      audit(db, { action: what === 'login' ? 'login.throttled' : 'password.change_throttled', ip: meta.ip, detail: { email } }, at());
      const tooMany = what === 'login' ? 'Too many failed sign-in attempts.' : 'Too many wrong passwords.';
      throw new DomainError('THROTTLED', `${tooMany} Please try again in ${describeWait(attempt.wait)}.`, { retryAfterSeconds: attempt.wait });
    }
    const ok = await verifyPassword(password, stored);
    if (ok) throttle.succeeded(email, attempt);
    return ok;
  }

  /** A link in a mail to the portal's page; for a reseller's customer it names the reseller, so the page shows its brand. */
  function linkFor(purpose: LinkPurpose, userId: string, brand: Brand | null): { link: string; secret: string } {
    const ttl = purpose === 'activate' ? config.activationTtlHours * 3_600_000 : config.resetTtlMinutes * 60_000;
    const secret = issueOneTimeToken(db, userId, purpose, ttl, now());
    return { secret, link: `${config.publicUrl}/?${purpose}=${encodeURIComponent(secret)}${brand ? `&reseller=${brand.reseller}` : ''}` };
  }
  const provider = { name: config.providerName, portalUrl: config.publicUrl };

  return {
    sessions,
    throttle,
    portalSessions: createPortalSessions({ db, now, signIn }),

    async login(emailInput: string, password: string, meta: ClientMeta): Promise<SignedIn> {
      const email = emailInput.trim().toLowerCase();
      const user = findByEmail(email);
      // Unknown users are verified against a dummy hash, so both failures take as long.
      const ok = await checkPassword(email, password, user?.passwordHash ?? null, meta, 'login');
      if (!user || !ok) {
        audit(db, { action: 'login.failure', actorUserId: user?.id, ip: meta.ip, detail: { email } }, at());
        throw new DomainError('INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE);
      }
      audit(db, { action: 'login.success', actorUserId: user.id, ip: meta.ip }, at());
      return signIn(user, meta);
    },

    async logout(session: ActiveSession, meta: ClientMeta) {
      await sessions.invalidate(session.id);
      audit(db, { action: 'logout', actorUserId: session.user.id, ip: meta.ip }, at());
    },

    /** Sends an activation link, in the language the user was invited in; returns it too, for the CLI to print. */
    sendActivation(userId: string): string {
      const user = db.select().from(users).where(eq(users.id, userId)).get();
      if (!user) throw new Error(`No user ${userId}`);
      const brand = brandForUser(db, userId, config.publicUrl);
      const { link } = linkFor('activate', userId, brand);
      mailer.send(activationMail({ to: user.email, name: user.name, link, language: languageOrEnglish(user.language), sender: senderOf(brand, provider) }, config.activationTtlHours));
      return link;
    },

    /**
     * Answers at once, the same for every email: the lookup and the mail happen after the reply,
     * so neither the words nor the timing tell whether the address has a sign-in.
     */
    requestPasswordReset(emailInput: string, meta: ClientMeta) {
      const email = emailInput.trim().toLowerCase();
      background.run('password reset mail', () => {
        const user = findByEmail(email);
        audit(db, { action: 'password.reset_requested', actorUserId: user?.id, ip: meta.ip, detail: { email, known: !!user } }, at());
        if (!user || user.disabledAt) return;
        if (countIssuedSince(db, user.id, 'reset', now() - 3_600_000) >= RESET_MAILS_PER_HOUR) return;
        const brand = brandForUser(db, user.id, config.publicUrl);
        const { link } = linkFor('reset', user.id, brand);
        mailer.send(passwordResetMail({ to: user.email, name: user.name, link, language: languageOrEnglish(user.language), sender: senderOf(brand, provider) }, config.resetTtlMinutes));
      });
    },

    /** Activation and reset links both end here: set the password, end older sessions, sign in. */
    async completeLink(purpose: LinkPurpose, secret: string, password: string, meta: ClientMeta): Promise<SignedIn> {
      const claim = consumeOneTimeToken(db, purpose, secret, now());
      const user = claim ? db.select().from(users).where(eq(users.id, claim.userId)).get() : undefined;
      if (!user || user.disabledAt) throw new DomainError('TOKEN_INVALID', INVALID_LINK_MESSAGE);
      await setPassword(user.id, password);
      voidOneTimeTokens(db, user.id, 'reset', now());
      if (purpose === 'activate') voidOneTimeTokens(db, user.id, 'activate', now());
      await sessions.invalidateOthers(user.id);
      throttle.recordSuccess(user.email);
      audit(db, { action: purpose === 'activate' ? 'user.activated' : 'password.changed', actorUserId: user.id, ip: meta.ip, detail: { via: purpose } }, at());
      return signIn(user, meta);
    },

    async changePassword(session: ActiveSession, currentPassword: string, newPassword: string, meta: ClientMeta) {
      const user = db.select().from(users).where(eq(users.id, session.user.id)).get();
      if (!user) throw new DomainError('UNAUTHENTICATED', 'Please sign in to continue.');
      if (!(await checkPassword(user.email, currentPassword, user.passwordHash, meta, 'password.change'))) {
        audit(db, { action: 'password.change_failure', actorUserId: user.id, ip: meta.ip }, at());
        throw new DomainError('MALFORMED', 'The current password is incorrect.', {
          issues: [{ path: 'currentPassword', message: 'The current password is incorrect.' }],
        });
      }
      await setPassword(user.id, newPassword);
      await sessions.invalidateOthers(user.id, session.id);
      audit(db, { action: 'password.changed', actorUserId: user.id, ip: meta.ip, detail: { via: 'change' } }, at());
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
