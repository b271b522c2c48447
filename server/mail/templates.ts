import type { Sender } from '../services/resellers/brand.ts';
import { fromSender } from './layout.ts';
import type { MailMessage } from './mailer.ts';

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

/** What every mail about a payment says: to whom, for which account, how much, with which card. */
export interface PaymentMailFields {
  to: string;
  name: string;
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

/** Sent when a card payment is approved. Names the card by brand and last four only. */
export function paymentReceiptMail(r: ReceiptMail): MailMessage {
  return fromSender(r.sender, {
    to: r.to,
    subject: `Payment received: ${r.amount} for account ${r.accountNumber}`,
    body:
      `Hello ${r.name},\n\nThank you: we received your payment.\n\n` +
      `Account: ${r.accountNumber} (${r.accountName})\nAmount: ${r.amount}\nCard: ${r.card}\nDate: ${r.date}\nTransaction: ${r.transactionId}\n` +
      `Balance after this payment: ${r.balance}\n\nYour invoices and payments are in the billing portal:\n${r.sender.portalUrl}`,
  });
}

export interface AutopayFailedMail extends PaymentMailFields {
  reason: string;
  dueDate: string;
}

/** Sent when an automatic payment does not go through: the bill is now to be paid by hand. */
export function autopayFailedMail(m: AutopayFailedMail): MailMessage {
  return fromSender(m.sender, {
    to: m.to,
    subject: `Your automatic payment for account ${m.accountNumber} did not go through`,
    body:
      `Hello ${m.name},\n\nWe tried to charge ${m.amount} to your ${m.card} for the bill of account ` +
      `${m.accountNumber} (${m.accountName}), due ${m.dueDate}, and the card processor refused it:\n${m.reason}\n\n` +
      `Nothing was charged and we will not try this bill again. Please make a payment in the billing portal ` +
      `(and change the card used for automatic payment if it has changed):\n${m.sender.portalUrl}`,
  });
}
