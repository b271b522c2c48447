import type { Db } from '../db/client.ts';
import { prepared } from '../db/prepared.ts';
import { languageFromHeader, type Language } from '../i18n/messages.ts';

/**
 * A user's language: chosen in the portal's language menu, or learnt from the browser at their
 * first sign-in (the kit sends its language as `Accept-Language`). Invoice PDFs and mails are
 * written in it; a user without one gets English.
 */

/** The language the user chose or was given; null: none yet. */
export function storedLanguage(db: Db, userId: string): Language | null {
  const row = prepared(db, 'users.language', () => db.$client.prepare('select language from users where id = ?')).get(userId) as { language: Language | null } | undefined;
  return row?.language ?? null;
}

/** What the user reads: their language, else English. */
export const languageOf = (db: Db, userId: string): Language => storedLanguage(db, userId) ?? 'en';

export function setLanguage(db: Db, userId: string, language: Language): void {
  prepared(db, 'users.setLanguage', () => db.$client.prepare('update users set language = ? where id = ?')).run(language, userId);
}

/**
 * At sign-in: a user who never chose a language gets the one their browser (or the kit) asks
 * for, when we have it. A choice made in the portal is never overwritten.
 */
export function adoptLanguage(db: Db, userId: string, acceptLanguage: string | null | undefined): void {
  const language = languageFromHeader(acceptLanguage);
  if (!language) return;
  prepared(db, 'users.adoptLanguage', () => db.$client.prepare('update users set language = ? where id = ? and language is null')).run(language, userId);
}
