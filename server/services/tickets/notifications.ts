import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { TicketService } from '../../db/enums.ts';
import { accounts, subscriptions, ticketAttachments, ticketMessages, tickets, users } from '../../db/schema.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { ticketToCustomerMail, ticketToSupportMail } from '../../mail/ticket-mail.ts';
import { languageOrEnglish } from '../../i18n/messages.ts';
import { recipientsOf } from '../account-recipients.ts';
import { brandForAccount, senderOf } from '../resellers/brand.ts';

export interface TicketMailSettings {
  mailer: Mailer;
  providerName: string;
  portalUrl: string;
  supportEmail: string;
}

/** A message was added (`opened`: the first of a new ticket). */
export interface TicketEvent {
  ticketId: number;
  messageId: number;
  opened: boolean;
}

const SERVICE_NAMES: Record<TicketService, string> = {
  billing: 'Billing',
  trouble: 'Trouble',
  'account-change': 'Account change',
  hardware: 'Hardware',
  other: 'Other',
};

/** Where a mail's link goes: the portal page opens the ticket after sign-in (in the reseller's brand, when it has one). */
export const ticketLink = (portalUrl: string, accountNumber: string, ticketNumber: number, reseller?: string) =>
  `${portalUrl}/?account=${encodeURIComponent(accountNumber)}&ticket=${ticketNumber}${reseller ? `&reseller=${encodeURIComponent(reseller)}` : ''}`;

/**
 * Mails about a new message, after it has committed: a customer's goes to the support address,
 * a staff reply to every user who reaches the account (its own and its head office's, who have
 * signed in at least once). Internal notes go nowhere. The text is in the mail, files are not.
 */
export function createTicketNotifier(db: Db, settings: TicketMailSettings) {
  return (event: TicketEvent): void => {
    const found = db
      .select({ ticket: tickets, message: ticketMessages, accountNumber: accounts.number, accountName: accounts.name, authorEmail: users.email, subscription: subscriptions })
      .from(ticketMessages)
      .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
      .innerJoin(accounts, eq(accounts.id, tickets.accountId))
      .leftJoin(users, eq(users.id, ticketMessages.authorId))
      .leftJoin(subscriptions, eq(subscriptions.id, tickets.subscriptionId))
      .where(and(eq(ticketMessages.id, event.messageId), eq(ticketMessages.ticketId, event.ticketId)))
      .get();
    if (!found || found.message.internal) return;
    const { ticket, message } = found;
    const attachmentNames = db
      .select({ name: ticketAttachments.fileName })
      .from(ticketAttachments)
      .where(eq(ticketAttachments.messageId, message.id))
      .orderBy(asc(ticketAttachments.id))
      .all()
      .map((a) => a.name);
    const fields = {
      providerName: settings.providerName,
      ticketNumber: ticket.id,
      subject: ticket.subject,
      accountNumber: found.accountNumber,
      accountName: found.accountName,
      authorName: message.authorName,
      body: message.body,
      attachmentNames,
      link: ticketLink(settings.portalUrl, found.accountNumber, ticket.id),
      opened: event.opened,
    };
    if (message.side === 'customer') {
      const sub = found.subscription;
      const subscriber = sub ? [sub.subscriberNumber, sub.subscriberName].filter(Boolean).join(' — ') || null : null;
      settings.mailer.send(
        ticketToSupportMail({ ...fields, to: settings.supportEmail, authorEmail: found.authorEmail ?? '', service: SERVICE_NAMES[ticket.service], subscriber }),
      );
      return;
    }
    const brand = brandForAccount(db, ticket.accountId, settings.portalUrl);
    const sender = senderOf(brand, { name: settings.providerName, portalUrl: settings.portalUrl });
    const link = ticketLink(settings.portalUrl, found.accountNumber, ticket.id, brand?.reseller);
    for (const user of recipientsOf(db, ticket.accountId)) settings.mailer.send(ticketToCustomerMail({ ...fields, link, sender, to: user.email, name: user.name, language: languageOrEnglish(user.language) }));
  };
}

export type TicketNotifier = ReturnType<typeof createTicketNotifier>;
