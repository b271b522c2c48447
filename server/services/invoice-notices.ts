import type { Db } from '../db/client.ts';
import { prepared } from '../db/prepared.ts';
import { formatterFor, languageOrEnglish, messagesFor } from '../i18n/messages.ts';
import { invoiceIssuedMail } from '../mail/templates.ts';
import { recipientsOf } from './account-recipients.ts';
import { autopayMethodOf } from './autopay.ts';
import { accountBalanceCents } from './ledger.ts';
import type { PaymentMailer } from './payments.ts';
import { senderOfAccount } from './resellers/brand.ts';

/** Invoices mailed between two turns of the event loop. */
const BATCH = 100;

interface PendingInvoice {
  id: number;
  number: string;
  accountId: number;
  accountNumber: string;
  accountName: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  total: number;
}

/**
 * Mails each issued invoice not mailed yet to the users who reach its account, in their language
 * and the account's reseller's brand: its number, total, due date, the account's balance, and
 * whether autopay will pay it. The billing run leaves its invoices to be mailed (notified_at
 * null, in the same transaction), and whoever drains them after it commits (the CLI that ran it,
 * the server at start and every few minutes) claims each invoice and queues its mails in one
 * transaction (server/mail/mailer.ts): two processes draining at once mail it once, and a process
 * that dies mails it wholly or not at all (the next drain does).
 * A month's run mails thousands (about 0.35 ms each): it lets other work run between batches,
 * so a server keeps answering meanwhile. Resolves with how many invoices were mailed.
 */
export async function sendInvoiceNotices(db: Db, mail: PaymentMailer, now: () => number): Promise<number> {
  const pending = prepared(db, 'invoices.toNotify', () =>
    db.$client.prepare(
      `SELECT i.id, i.number, i.account_id AS accountId, a.number AS accountNumber, a.name AS accountName, a.currency,
              i.issue_date AS issueDate, i.due_date AS dueDate, i.total_cents AS total
       FROM invoices i JOIN accounts a ON a.id = i.account_id
       WHERE i.notified_at IS NULL AND i.state = 'issued' ORDER BY i.id`,
    ),
  ).all() as PendingInvoice[];
  const claim = prepared(db, 'invoices.claimNotice', () => db.$client.prepare('UPDATE invoices SET notified_at = ? WHERE id = ? AND notified_at IS NULL'));
  const claimAndQueue = db.$client.transaction((invoice: PendingInvoice) => {
    if (claim.run(new Date(now()).toISOString(), invoice.id).changes === 0) return false;
    queueMails(db, mail, invoice);
    return true;
  });
  let mailed = 0;
  for (const invoice of pending) {
    if (mailed > 0 && mailed % BATCH === 0) await new Promise((next) => setImmediate(next));
    if (claimAndQueue(invoice)) mailed++;
  }
  return mailed;
}

/** The invoice's mail to each user who reaches its account. */
function queueMails(db: Db, mail: PaymentMailer, invoice: PendingInvoice) {
  const sender = senderOfAccount(db, invoice.accountId, { name: mail.providerName, portalUrl: mail.portalUrl });
  const balance = accountBalanceCents(db, invoice.accountId);
  const card = autopayMethodOf(db, invoice.accountId);
  for (const user of recipientsOf(db, invoice.accountId)) {
    const language = languageOrEnglish(user.language);
    const format = formatterFor(language);
    const t = messagesFor(language).mail;
    const money = (cents: number) => format.money(cents, invoice.currency);
    mail.mailer.send(
      invoiceIssuedMail({
        to: user.email,
        name: user.name,
        language,
        sender,
        invoice: invoice.number,
        accountNumber: invoice.accountNumber,
        accountName: invoice.accountName,
        issueDate: format.date(invoice.issueDate),
        total: money(invoice.total),
        dueDate: format.date(invoice.dueDate),
        balance: balance < 0 ? t.credit(money(-balance)) : money(balance),
        autopay: card ? t.cardEnding(card.brand, card.last4) : null,
      }),
    );
  }
}
