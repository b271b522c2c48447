import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Db } from '../db/client.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The one link the message is about, printed on the console only when mail goes to the outbox (never with SMTP). */
  link?: string;
  /** The sender's name (a reseller's brand) with MAIL_FROM's address; default: MAIL_FROM as it is. */
  fromName?: string;
  replyTo?: string;
}

export interface Mailer {
  /**
   * Queues a message in the database (in the caller's transaction, if any: it is sent only if
   * that commits) and sends it soon after. Failures are logged and tried again, never thrown at
   * the request that caused it.
   */
  send(message: MailMessage): void;
  /** Resolves when every message due has been sent or put off after a failure (tests and shutdown wait on it). */
  idle(): Promise<void>;
  /** Messages handed over so far, newest last (kept in memory only when `keepSent` is set). */
  sent: MailMessage[];
}

export interface MailerOptions {
  /** Where the queue is (mail_queue). */
  db: Db;
  from: string;
  smtpUrl?: string | undefined;
  outboxDir: string;
  keepSent?: boolean;
  log?: (line: string) => void;
  /** Waits after the 1st, 2nd, … failed attempt; after the last one the message is given up. */
  retryDelaysMs?: readonly number[];
}

/** From a minute to six hours: an SMTP outage of an afternoon loses nothing. */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];
/** How long a process holds a message it is sending (longer than any SMTP timeout). */
const CLAIM_MS = 10 * 60_000;
/** Messages sent at once: a month's invoices do not open thousands of SMTP connections. */
const CONCURRENCY = 4;

interface QueuedRow {
  id: number;
  message: string;
  attempts: number;
}

/**
 * SMTP when `smtpUrl` is set; otherwise each message becomes an .eml file in the outbox. Every
 * message goes through the database's mail_queue first: a process that dies, or an SMTP server
 * that is down, leaves it there, and the next attempt (this process after a delay, or the server
 * when it starts) sends it. Several processes may send from one queue: each claims a message
 * before sending it.
 */
export function createMailer(options: MailerOptions): Mailer {
  const log = options.log ?? ((line: string) => console.log(line));
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const transport = options.smtpUrl
    ? nodemailer.createTransport(options.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const sent: MailMessage[] = [];
  let sequence = 0;

  const sqlite = options.db.$client;
  const enqueue = sqlite.prepare('INSERT INTO mail_queue (message, due_at) VALUES (?, ?)');
  const due = sqlite.prepare(
    'SELECT id, message, attempts FROM mail_queue WHERE failed_at IS NULL AND due_at <= ? AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY id LIMIT 50',
  );
  const claim = sqlite.prepare('UPDATE mail_queue SET claimed_until = ? WHERE id = ? AND failed_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?)');
  const done = sqlite.prepare('DELETE FROM mail_queue WHERE id = ?');
  const putOff = sqlite.prepare('UPDATE mail_queue SET attempts = ?, due_at = ?, claimed_until = NULL, last_error = ? WHERE id = ?');
  // Given up: what it said (a sign-in link, say) is dropped; whom it was for and about stays for the operator.
  const giveUp = sqlite.prepare('UPDATE mail_queue SET attempts = ?, failed_at = ?, claimed_until = NULL, last_error = ?, message = ? WHERE id = ?');
  const nextWake = sqlite.prepare('SELECT min(max(due_at, coalesce(claimed_until, 0))) AS at FROM mail_queue WHERE failed_at IS NULL');

  // MAIL_FROM's address, under which a reseller's name may send.
  const fromAddress = /<([^>]+)>\s*$/.exec(options.from)?.[1] ?? options.from;

  async function deliver(message: MailMessage): Promise<void> {
    const from = message.fromName ? { name: message.fromName, address: fromAddress } : options.from;
    const info = await transport.sendMail({ from, to: message.to, replyTo: message.replyTo, subject: message.subject, text: message.text, html: message.html });
    if (options.keepSent) sent.push(message);
    if (options.smtpUrl) return;
    mkdirSync(options.outboxDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = join(options.outboxDir, `${stamp}-${process.pid}-${++sequence}.eml`);
    writeFileSync(file, (info as { message: Buffer }).message);
    log(`[mail] "${message.subject}" to ${message.to} written to ${file}${message.link ? `\n[mail] link: ${message.link}` : ''}`);
  }

  async function attempt(row: QueuedRow): Promise<void> {
    const message = JSON.parse(row.message) as MailMessage;
    try {
      await deliver(message);
      done.run(row.id);
    } catch (err) {
      const attempts = row.attempts + 1;
      const reason = String(err);
      const delay = delays[attempts - 1];
      if (delay === undefined) {
        giveUp.run(attempts, Date.now(), reason, JSON.stringify({ to: message.to, subject: message.subject }), row.id);
        log(`[mail] gave up "${message.subject}" to ${message.to} after ${attempts} attempts: ${reason}`);
      } else {
        putOff.run(attempts, Date.now() + delay, reason, row.id);
        log(`[mail] could not send "${message.subject}" to ${message.to} (attempt ${attempts}), trying again in ${Math.round(delay / 1000)} s: ${reason}`);
      }
    }
  }

  /** Sends what is due, a few at a time, until nothing is. */
  async function drain(): Promise<void> {
    for (;;) {
      if (!sqlite.open) return;
      const now = Date.now();
      const rows = (due.all(now, now) as QueuedRow[]).filter((row) => claim.run(now + CLAIM_MS, row.id, now).changes === 1);
      if (!rows.length) return;
      for (let i = 0; i < rows.length; i += CONCURRENCY) await Promise.all(rows.slice(i, i + CONCURRENCY).map(attempt));
    }
  }

  let draining: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let unreadable = false;

  function kick(): Promise<void> {
    draining ??= drain()
      .then(() => void (unreadable = false))
      .catch((err: unknown) => {
        unreadable = true;
        log(`[mail] the queue could not be read: ${String(err)}`);
      })
      .finally(() => {
        draining = null;
        wakeForNext();
      });
    return draining;
  }

  /** Wakes when the next message put off (or held by a process that may have died) is due. */
  function wakeForNext() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!sqlite.open) return;
    const at = (nextWake.get() as { at: number | null }).at;
    if (at === null) return;
    timer = setTimeout(() => void kick(), Math.max(0, at - Date.now()) + 10);
    // The process may end meanwhile (a CLI command): what is left is sent by the next one.
    timer.unref();
  }

  /** Sends soon, after the caller's transaction (if any) has committed: once for a burst of mails. */
  let kickScheduled = false;
  function kickSoon() {
    if (kickScheduled) return;
    kickScheduled = true;
    setImmediate(() => {
      kickScheduled = false;
      void kick();
    });
  }

  // Sent by a process that stopped before sending it.
  kickSoon();

  return {
    sent,
    send(message) {
      enqueue.run(JSON.stringify(message), Date.now());
      kickSoon();
    },
    async idle() {
      const pending = () => sqlite.open && (due.all(Date.now(), Date.now()) as QueuedRow[]).length > 0;
      do await kick();
      while (!unreadable && pending());
    },
  };
}
