import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { customerMe } from './fixtures/accounts.ts';
import { invoiceDetail } from './fixtures/invoices.ts';
import { noTickets } from './fixtures/tickets.ts';
import { chargeQuestionDraft } from '../components/tickets/charge-question.ts';
import { accountWidgetStories, onDarkPage, type ElementArgs } from './story-helpers.ts';

const states = accountWidgetStories(customerMe);

/**
 * The guide's Tickets: the list (Ticket #, Status, Service, Subscriber #, Subscriber Name,
 * Subject, Created on) with Create, filters, search and paging; a row opens the conversation.
 */
const meta: Meta<ElementArgs> = { title: 'Widgets/bp-tickets', component: 'bp-tickets', ...states.meta };
export default meta;

export const Loading = states.Loading;
export const Error = states.Error;
/** Two tickets with unread replies, marked; eighteen tickets over two pages. */
export const Populated = states.Populated;
export const Dark = states.Dark;
/** On a phone, 320 px wide: each ticket a card of label / value lines, the filters two by two. */
export const Phone = states.Phone;
export const PhoneDark = { ...states.PhoneDark, name: 'Phone (dark)' };
export const French = states.French;
export const SpanishPhone = states.SpanishPhone;

export const Empty: StoryObj<ElementArgs> = { name: 'Empty (no tickets yet)', args: { data: noTickets } };

const api = { signedInAs: customerMe };

/** A ticket opened: the guide's ticket 282 as a conversation, with a photo and a log attached. */
export const Conversation: StoryObj<ElementArgs> = { name: 'Conversation with attachments', args: { api, ticket: 282 } };
export const ConversationDark: StoryObj<ElementArgs> = { name: 'Conversation (dark)', args: { api, ticket: 282, theme: 'dark' }, ...onDarkPage };

/** Create: the new-ticket form. */
export const NewTicket: StoryObj<ElementArgs> = { name: 'New ticket', args: { api, draft: {} } };

/** "Question about this charge" from an invoice line: the new ticket filled in, naming the line. */
export const ChargeQuestion: StoryObj<ElementArgs> = {
  name: 'Question about this charge',
  args: { api, draft: chargeQuestionDraft(invoiceDetail('C123456', 1000)!, invoiceDetail('C123456', 1000)!.lines[3]!) },
};
