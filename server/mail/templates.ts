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
