import type { MailMessage } from './mailer.ts';

interface LinkMail {
  to: string;
  name: string;
  link: string;
  providerName: string;
}

const signature = (providerName: string) => `\n\n— ${providerName} customer care`;

export function activationMail({ to, name, link, providerName }: LinkMail, validHours: number): MailMessage {
  return {
    to,
    link,
    subject: `Set up your ${providerName} billing portal sign-in`,
    text:
      `Hello ${name},\n\nYou have been given access to the ${providerName} billing portal, where you can see ` +
      `your balance and usage, pay your bill and download invoices.\n\nChoose your password here ` +
      `(the link works once and expires in ${validHours} hours):\n${link}` +
      signature(providerName),
  };
}

export function passwordResetMail({ to, name, link, providerName }: LinkMail, validMinutes: number): MailMessage {
  return {
    to,
    link,
    subject: `Reset your ${providerName} billing portal password`,
    text:
      `Hello ${name},\n\nSomeone (hopefully you) asked to reset the password of your billing portal sign-in.\n\n` +
      `Choose a new password here (the link works once and expires in ${validMinutes} minutes):\n${link}\n\n` +
      `If you did not ask for this, ignore this message: your password stays as it is.` +
      signature(providerName),
  };
}

export function accessGrantedMail({ to, name, link, providerName }: LinkMail, accountName: string): MailMessage {
  return {
    to,
    link,
    subject: `You now have access to ${accountName}`,
    text:
      `Hello ${name},\n\nYour billing portal sign-in can now see the account ${accountName}. ` +
      `Sign in as usual:\n${link}` +
      signature(providerName),
  };
}

/** What every mail about a payment says: to whom, for which account, how much, with which card. */
export interface PaymentMailFields {
  to: string;
  name: string;
  providerName: string;
  accountNumber: string;
  accountName: string;
  amount: string;
  card: string;
  portalUrl: string;
}

export interface ReceiptMail extends PaymentMailFields {
  transactionId: string;
  date: string;
  balance: string;
}

/** Sent when a card payment is approved. Names the card by brand and last four only. */
export function paymentReceiptMail(r: ReceiptMail): MailMessage {
  return {
    to: r.to,
    subject: `Payment received: ${r.amount} for account ${r.accountNumber}`,
    text:
      `Hello ${r.name},\n\nThank you: we received your payment.\n\n` +
      `Account: ${r.accountNumber} (${r.accountName})\nAmount: ${r.amount}\nCard: ${r.card}\nDate: ${r.date}\nTransaction: ${r.transactionId}\n` +
      `Balance after this payment: ${r.balance}\n\nYour invoices and payments are in the billing portal:\n${r.portalUrl}` +
      signature(r.providerName),
  };
}

export interface AutopayFailedMail extends PaymentMailFields {
  reason: string;
  dueDate: string;
}

/** Sent when an automatic payment does not go through: the bill is now to be paid by hand. */
export function autopayFailedMail(m: AutopayFailedMail): MailMessage {
  return {
    to: m.to,
    subject: `Your automatic payment for account ${m.accountNumber} did not go through`,
    text:
      `Hello ${m.name},\n\nWe tried to charge ${m.amount} to your ${m.card} for the bill of account ` +
      `${m.accountNumber} (${m.accountName}), due ${m.dueDate}, and the card processor refused it:\n${m.reason}\n\n` +
      `Nothing was charged and we will not try this bill again. Please make a payment in the billing portal ` +
      `(and change the card used for automatic payment if it has changed):\n${m.portalUrl}` +
      signature(m.providerName),
  };
}
