import type { Db } from '../db/client.ts';

/** A mail in the queue (server/mail/mailer.ts), as an operator sees it: whom, what about, how it went. */
export interface QueuedMail {
  id: number;
  to: string;
  subject: string;
  attempts: number;
  /** When it is tried next (epoch ms); for one given up, when it was last due. */
  dueAt: number;
  lastError: string | null;
  /** When it was given up (epoch ms), or null while it is still tried. */
  failedAt: number | null;
}

/** Every mail not sent yet: those still tried, then those given up, oldest first. */
export function queuedMail(db: Db): QueuedMail[] {
  const rows = db.$client
    .prepare('SELECT id, message, attempts, due_at AS dueAt, last_error AS lastError, failed_at AS failedAt FROM mail_queue ORDER BY failed_at IS NOT NULL, id')
    .all() as (Omit<QueuedMail, 'to' | 'subject'> & { message: string })[];
  return rows.map(({ message, ...row }) => {
    const { to, subject } = JSON.parse(message) as { to: string; subject: string };
    return { ...row, to, subject };
  });
}

/** How many mails are still tried, and how many were given up (without reading them). */
export function queueCounts(db: Db): { waiting: number; givenUp: number } {
  return db.$client
    .prepare('SELECT count(*) FILTER (WHERE failed_at IS NULL) AS waiting, count(*) FILTER (WHERE failed_at IS NOT NULL) AS givenUp FROM mail_queue')
    .get() as { waiting: number; givenUp: number };
}

/** Makes every mail still tried due now (SMTP is back: no need to wait for the next attempt). Returns how many. */
export function sendWaitingNow(db: Db, now: number): number {
  return db.$client.prepare('UPDATE mail_queue SET due_at = ? WHERE failed_at IS NULL AND due_at > ?').run(now, now).changes;
}

/** Deletes the mails given up (once read: their text is gone already). Returns how many. */
export function clearGivenUp(db: Db): number {
  return db.$client.prepare('DELETE FROM mail_queue WHERE failed_at IS NOT NULL').run().changes;
}
