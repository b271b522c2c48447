import { clearGivenUp, queuedMail, sendWaitingNow, type QueuedMail } from '../mail/queue-status.ts';
import { audit } from '../services/audit.ts';
import { bool, withServices, type Command } from './command.ts';

const at = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

function line(m: QueuedMail): string {
  const what = `#${m.id} to ${m.to}: "${m.subject}"`;
  if (m.failedAt !== null) return `  ${what}, given up ${at(m.failedAt)} after ${m.attempts} attempts (${m.lastError ?? 'no reason'})`;
  if (m.attempts === 0) return `  ${what}, not sent yet`;
  return `  ${what}, ${m.attempts} failed attempt(s) (${m.lastError ?? 'no reason'}), next ${at(m.dueAt)}`;
}

/** What the queue holds, in two lists. */
export function describeQueue(mails: QueuedMail[]): string {
  const waiting = mails.filter((m) => m.failedAt === null);
  const givenUp = mails.filter((m) => m.failedAt !== null);
  if (!mails.length) return 'No mail waiting: everything was sent.';
  return [`${waiting.length} mail(s) waiting to be sent.`, ...waiting.map(line), `${givenUp.length} mail(s) given up.`, ...givenUp.map(line)].join('\n');
}

export const mailQueueCommand: Command = {
  usage: 'mail-queue [--send-now] [--clear-given-up]   (mail not sent yet: waiting for another attempt, or given up)',
  options: { 'send-now': bool, 'clear-given-up': bool },
  async run(values, _positionals, config) {
    await withServices(config, async ({ db, mailer }) => {
      if (values['send-now']) {
        const due = sendWaitingNow(db, Date.now());
        audit(db, { action: 'mail.send_now', detail: { via: 'cli', mails: due } });
        await mailer.idle();
        console.log(`Tried ${due} waiting mail(s) again now.`);
      }
      if (values['clear-given-up']) {
        const cleared = clearGivenUp(db);
        audit(db, { action: 'mail.given_up_cleared', detail: { via: 'cli', mails: cleared } });
        console.log(`Cleared ${cleared} mail(s) given up.`);
      }
      console.log(describeQueue(queuedMail(db)));
    });
  },
};
