import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { customerMe, staffMe } from './fixtures/accounts.ts';
import { createFakeApi, type FakeApiOptions } from './fixtures/fake-api.ts';
import { testTicket, testTicketForStaff } from './fixtures/tickets.ts';
import { inLanguage, onDarkPage } from './story-helpers.ts';

interface ThreadArgs {
  api: FakeApiOptions;
  staff: boolean;
  ticket: number;
  theme: 'light' | 'dark';
  /** The width the host page gives the conversation (a phone: 320). */
  width?: number;
}

/** One ticket as a conversation: messages, files, the reply box, Close / Reopen; with `staff`, notes, status and assignment. */
const meta: Meta<ThreadArgs> = {
  title: 'Widgets/bp-ticket-thread',
  component: 'bp-ticket-thread',
  render: ({ api, staff, ticket, theme, width }) =>
    html`<div style=${width ? `width: ${width}px` : ''}>
      <bp-provider .fetcher=${createFakeApi(api).fetch}>
        <bp-ticket-thread account-number="C123456" ticket-number=${ticket} ?staff=${staff} theme=${theme}></bp-ticket-thread>
      </bp-provider>
    </div>`,
};
export default meta;
type Story = StoryObj<ThreadArgs>;

const story = (api: FakeApiOptions, more: Partial<ThreadArgs> = {}): Story => ({ args: { api: { signedInAs: customerMe, ...api }, staff: false, ticket: 282, theme: 'light', ...more } });

export const Loading = story({ hangPaths: /\/tickets\// });
export const Error = story({ offlinePaths: /\/tickets\// });
/** The guide's ticket 282: a photo and a log attached, the provider's answers. */
export const WithAttachments: Story = { name: 'Conversation with attachments', ...story({}) };
export const Dark: Story = { ...story({}, { theme: 'dark' }), ...onDarkPage };
/** Waiting for the customer: the provider asked a question. */
export const PendingCustomer: Story = { name: 'Pending customer', ...story({}, { ticket: 279 }) };
/** Closed: no reply box, Reopen instead. */
export const Closed: Story = { ...story({}, { ticket: 276 }) };
/** "Question about this charge": the ticket names the invoice line and downloads the invoice. */
export const AboutAnInvoiceLine: Story = { name: 'About an invoice line', ...story({}, { ticket: 283 }) };
/** The provider's view: the internal note apart, status, assign to me, and a note box. */
export const Staff: Story = { name: 'Staff: notes, status, assignment', ...story({ signedInAs: staffMe }, { staff: true }) };
/** On a phone, 320 px wide, as the customer and as staff (dark). */
export const Phone: Story = story({}, { width: 320 });
export const StaffPhoneDark: Story = { name: 'Staff on a phone (dark)', ...story({ signedInAs: staffMe }, { staff: true, theme: 'dark', width: 320 }), ...onDarkPage };
export const French = inLanguage(WithAttachments, 'fr');
export const SpanishStaff = inLanguage(Staff, 'es');
export const StaffDark: Story = { name: 'Staff (dark)', ...story({ signedInAs: staffMe }, { staff: true, theme: 'dark' }), ...onDarkPage };

/** The ticket handed in as data (no server): as a customer and as staff. */
export const AsData: StoryObj = { name: 'As data', render: () => html`<bp-ticket-thread .data=${testTicket()}></bp-ticket-thread>` };
export const StaffAsData: StoryObj = { name: 'Staff, as data', render: () => html`<bp-ticket-thread staff .data=${testTicketForStaff()}></bp-ticket-thread>` };
