import type { Sender } from '../services/resellers/brand.ts';
import { fromSender } from './layout.ts';
import type { MailMessage } from './mailer.ts';
import { messagesFor, type Language } from '../i18n/messages.ts';

interface LinkMail {
  to: string;
  name: string;
  link: string;
  /** The account's reseller, or the provider (senderOf in services/resellers/brand.ts). */
  sender: Sender;
}

export function activationMail({ to, name, link, sender }: LinkMail, validHours: number): MailMessage {
  return fromSender(sender, {
    to,
    link,
    subject: `Set up your ${sender.name} billing portal sign-in`,
    body:
      `Hello ${name},\n\nYou have been given access to the ${sender.name} billing portal, where you can see ` +
      `your balance and usage, pay your bill and download invoices.\n\nChoose your password here ` +
      `(the link works once and expires in ${validHours} hours):\n${link}`,
  });
}

export function passwordResetMail({ to, name, link, sender }: LinkMail, validMinutes: number): MailMessage {
  return fromSender(sender, {
    to,
    link,
    subject: `Reset your ${sender.name} billing portal password`,
    body:
      `Hello ${name},\n\nSomeone (hopefully you) asked to reset the password of your billing portal sign-in.\n\n` +
      `Choose a new password here (the link works once and expires in ${validMinutes} minutes):\n${link}\n\n` +
      `If you did not ask for this, ignore this message: your password stays as it is.`,
  });
}

export function accessGrantedMail({ to, name, link, sender }: LinkMail, accountName: string): MailMessage {
  return fromSender(sender, {
    to,
    link,
    subject: `You now have access to ${accountName}`,
    body: `Hello ${name},\n\nYour billing portal sign-in can now see the account ${accountName}. Sign in as usual:\n${link}`,
  });
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
