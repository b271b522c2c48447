import type { Sender } from '../services/resellers/brand.ts';
import { fromSender } from './layout.ts';
import type { MailMessage } from './mailer.ts';
import { messagesFor, type Language } from '../i18n/messages.ts';

/** What every ticket mail says: which ticket, who wrote what, and where to answer it. */
export interface TicketMailFields {
  to: string;
  providerName: string;
  ticketNumber: number;
  subject: string;
  accountNumber: string;
  accountName: string;
  authorName: string;
  body: string;
  /** Names of the files attached to the message: mentioned, never sent. */
  attachmentNames: string[];
  link: string;
}

const attachmentsLine = (names: string[]) =>
  names.length ? `\n\nAttached in the portal (not sent by mail): ${names.join(', ')}` : '';

const quoted = (body: string) => body.replace(/^/gm, '> ');

/** To the provider's support address: a customer opened a ticket or wrote in one. */
export function ticketToSupportMail(m: TicketMailFields & { opened: boolean; authorEmail: string; service: string; subscriber: string | null }): MailMessage {
  const what = m.opened ? 'opened' : 'replied to';
  return {
    to: m.to,
    link: m.link,
    subject: `[Ticket ${m.ticketNumber}] ${m.opened ? 'New: ' : ''}${m.subject} (${m.accountNumber})`,
    text:
      `${m.authorName} <${m.authorEmail}> of ${m.accountName} (${m.accountNumber}) ${what} ticket ${m.ticketNumber}, "${m.subject}".\n` +
      `Service: ${m.service}${m.subscriber ? `\nSubscriber: ${m.subscriber}` : ''}\n\n` +
      `${quoted(m.body)}${attachmentsLine(m.attachmentNames)}\n\nAnswer it in the portal's ticket queue:\n${m.link}`,
  };
}

/**
 * To a user of the account, in their language: the staff answered (or opened) a ticket; it comes
 * from the account's reseller, or the provider.
 */
export function ticketToCustomerMail(m: TicketMailFields & { name: string; opened: boolean; sender: Sender; language: Language }): MailMessage {
  const t = messagesFor(m.language).mail;
  return fromSender(m.sender, {
    to: m.to,
    link: m.link,
    language: m.language,
    subject: t.ticketSubject(m.ticketNumber, m.subject, m.opened),
    body:
      `${t.hello(m.name)}\n\n` +
      t.ticketBody({
        author: m.authorName,
        sender: m.sender.name,
        opened: m.opened,
        ticket: m.ticketNumber,
        subject: m.subject,
        account: m.accountNumber,
        accountName: m.accountName,
        quoted: quoted(m.body),
        attachments: m.attachmentNames.length ? t.attachments(m.attachmentNames.join(', ')) : '',
        link: m.link,
      }),
  });
}
