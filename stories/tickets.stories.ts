import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { customerMe } from './fixtures/accounts.ts';
import { createFakeApi } from './fixtures/fake-api.ts';
import { invoiceDetail } from './fixtures/invoices.ts';
import { noTickets } from './fixtures/tickets.ts';
import { chargeQuestionDraft } from '../components/tickets/charge-question.ts';
import { accountWidgetStories, onDarkPage, type WidgetArgs } from './story-helpers.ts';

const states = accountWidgetStories((theme) => html`<bp-tickets theme=${theme}></bp-tickets>`, customerMe);

/**
 * The guide's Tickets: the list (Ticket #, Status, Service, Subscriber #, Subscriber Name,
 * Subject, Created on) with Create, filters, search and paging; a row opens the conversation.
 */
const meta: Meta<WidgetArgs> = { title: 'Widgets/bp-tickets', component: 'bp-tickets', render: states.render };
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

export const Empty: StoryObj = {
  name: 'Empty (no tickets yet)',
  render: () => html`<bp-tickets .data=${noTickets}></bp-tickets>`,
};

const withApi = (content: ReturnType<typeof html>, theme: 'light' | 'dark' = 'light'): StoryObj => ({
  render: () => html`<bp-provider .fetcher=${createFakeApi({ signedInAs: customerMe }).fetch}>${content}</bp-provider>`,
  ...(theme === 'dark' ? onDarkPage : {}),
});

/** A ticket opened: the guide's ticket 282 as a conversation, with a photo and a log attached. */
export const Conversation: StoryObj = { name: 'Conversation with attachments', ...withApi(html`<bp-tickets .ticket=${282}></bp-tickets>`) };
export const ConversationDark: StoryObj = { name: 'Conversation (dark)', ...withApi(html`<bp-tickets theme="dark" .ticket=${282}></bp-tickets>`, 'dark') };

/** Create: the new-ticket form. */
export const NewTicket: StoryObj = {
  name: 'New ticket',
  ...withApi(html`<bp-tickets .draft=${{}}></bp-tickets>`),
};

/** "Question about this charge" from an invoice line: the new ticket filled in, naming the line. */
export const ChargeQuestion: StoryObj = {
  name: 'Question about this charge',
  ...withApi(html`<bp-tickets .draft=${chargeQuestionDraft(invoiceDetail('C123456', 1000)!, invoiceDetail('C123456', 1000)!.lines[3]!)}></bp-tickets>`),
};
