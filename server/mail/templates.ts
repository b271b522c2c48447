import type { Sender } from '../services/resellers/brand.ts';
import { fromSender } from './layout.ts';
import type { MailMessage } from './mailer.ts';
import { formatterFor, messagesFor, type Language } from '../i18n/messages.ts';

/** A mail whose point is one link, to one user, in their language. */
interface LinkMail {
  to: string;
  name: string;
  link: string;
  language: Language;
  /** The account's reseller, or the provider (senderOf in services/resellers/brand.ts). */
  sender: Sender;
}

/** A link mail's shape: greeting, body, the sender's signature; subject and body in the reader's language. */
function linkMail(m: LinkMail, subject: string, body: string): MailMessage {
  return fromSender(m.sender, { to: m.to, link: m.link, language: m.language, subject, body: `${messagesFor(m.language).mail.hello(m.name)}\n\n${body}` });
}

/** The invitation of a new user: a link to choose their password, valid `validHours`. */
export function activationMail(m: LinkMail, validHours: number): MailMessage {
  const t = messagesFor(m.language).mail;
  const validFor = formatterFor(m.language).duration(validHours, 'hour');
  return linkMail(m, t.activationSubject(m.sender.name), t.activationBody({ sender: m.sender.name, validFor, link: m.link }));
}

export function passwordResetMail(m: LinkMail, validMinutes: number): MailMessage {
  const t = messagesFor(m.language).mail;
  const validFor = formatterFor(m.language).duration(validMinutes, 'minute');
  return linkMail(m, t.resetSubject(m.sender.name), t.resetBody({ validFor, link: m.link }));
}

export function accessGrantedMail(m: LinkMail, accountName: string): MailMessage {
  const t = messagesFor(m.language).mail;
  return linkMail(m, t.accessGrantedSubject(accountName), t.accessGrantedBody({ accountName, link: m.link }));
}

/** What every mail about a payment says: to whom (in their language), for which account, how much, with which card. */
export interface PaymentMailFields {
  to: string;
  name: string;
  language: Language;
  sender: Sender;
  accountNumber: string;
  accountName: string;
  amount: string;
  card: string;
}

export interface ReceiptMail extends PaymentMailFields {
  transactionId: string;
  date: string;
  balance: string;
}

/** Sent when a card payment is approved, in the payer's language. Names the card by brand and last four only. */
export function paymentReceiptMail(r: ReceiptMail): MailMessage {
  const t = messagesFor(r.language).mail;
  return fromSender(r.sender, {
    to: r.to,
    language: r.language,
    subject: t.receiptSubject(r.amount, r.accountNumber),
    body:
      `${t.hello(r.name)}\n\n` +
      t.receiptBody({ account: r.accountNumber, accountName: r.accountName, amount: r.amount, card: r.card, date: r.date, transaction: r.transactionId, balance: r.balance, portalUrl: r.sender.portalUrl }),
  });
}

export interface AutopayFailedMail extends PaymentMailFields {
  reason: string;
  dueDate: string;
}

/** Sent when an automatic payment does not go through: the bill is now to be paid by hand. */
export function autopayFailedMail(m: AutopayFailedMail): MailMessage {
  const t = messagesFor(m.language).mail;
  return fromSender(m.sender, {
    to: m.to,
    language: m.language,
    subject: t.autopayFailedSubject(m.accountNumber),
    body:
      `${t.hello(m.name)}\n\n` +
      t.autopayFailedBody({ amount: m.amount, card: m.card, account: m.accountNumber, accountName: m.accountName, dueDate: m.dueDate, reason: m.reason, portalUrl: m.sender.portalUrl }),
  });
}

export interface InvoiceMail {
  to: string;
  name: string;
  language: Language;
  sender: Sender;
  invoice: string;
  accountNumber: string;
  accountName: string;
  issueDate: string;
  total: string;
  dueDate: string;
  balance: string;
  /** The card automatic payment will charge ("Visa ending in 1111"), or null. */
  autopay: string | null;
}

/** Sent when an invoice is issued, to each user who reaches the account, in their language. */
export function invoiceIssuedMail(m: InvoiceMail): MailMessage {
  const t = messagesFor(m.language).mail;
  return fromSender(m.sender, {
    to: m.to,
    language: m.language,
    subject: t.invoiceSubject(m.invoice, m.total, m.dueDate),
    body:
      `${t.hello(m.name)}\n\n` +
      t.invoiceBody({ invoice: m.invoice, account: m.accountNumber, accountName: m.accountName, issueDate: m.issueDate, total: m.total, dueDate: m.dueDate, balance: m.balance, autopay: m.autopay, portalUrl: m.sender.portalUrl }),
  });
}
