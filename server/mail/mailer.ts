import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

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
  /** Queues a message; failures are logged, never thrown at the request that caused it. */
  send(message: MailMessage): void;
  /** Resolves when every queued message has been handed over (tests and shutdown wait on it). */
  idle(): Promise<void>;
  /** Messages handed over so far, newest last (kept in memory only when `keepSent` is set). */
  sent: MailMessage[];
}

export interface MailerOptions {
  from: string;
  smtpUrl?: string | undefined;
  outboxDir: string;
  keepSent?: boolean;
  log?: (line: string) => void;
}

/** SMTP when `smtpUrl` is set; otherwise each message becomes an .eml file in the outbox. */
export function createMailer(options: MailerOptions): Mailer {
  const log = options.log ?? ((line: string) => console.log(line));
  const transport = options.smtpUrl
    ? nodemailer.createTransport(options.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const pending = new Set<Promise<void>>();
  const sent: MailMessage[] = [];
  let sequence = 0;

  // MAIL_FROM's address, under which a reseller's name may send.
  const fromAddress = /<([^>]+)>\s*$/.exec(options.from)?.[1] ?? options.from;

  async function deliver(message: MailMessage): Promise<void> {
    const from = message.fromName ? { name: message.fromName, address: fromAddress } : options.from;
    const info = await transport.sendMail({ from, to: message.to, replyTo: message.replyTo, subject: message.subject, text: message.text, html: message.html });
    if (options.keepSent) sent.push(message);
    if (options.smtpUrl) return;
    mkdirSync(options.outboxDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = join(options.outboxDir, `${stamp}-${++sequence}.eml`);
    writeFileSync(file, (info as { message: Buffer }).message);
    log(`[mail] "${message.subject}" to ${message.to} written to ${file}${message.link ? `\n[mail] link: ${message.link}` : ''}`);
  }

  return {
    sent,
    send(message) {
      const job = deliver(message)
        .catch((err: unknown) => log(`[mail] could not send "${message.subject}" to ${message.to}: ${String(err)}`))
        .finally(() => pending.delete(job));
      pending.add(job);
    },
    async idle() {
      while (pending.size) await Promise.all(pending);
    },
  };
}
