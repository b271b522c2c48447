import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { customerMe, staffMe } from './fixtures/accounts.ts';
import type { FakeApiOptions } from './fixtures/fake-api.ts';
import { testTicket, testTicketForStaff } from './fixtures/tickets.ts';
import { elementStories } from './element-story.ts';
import { inLanguage, onDarkPage, type ElementArgs } from './story-helpers.ts';

/** One ticket as a conversation: messages, files, the reply box, Close / Reopen; with `staff`, notes, status and assignment. */
const meta: Meta<ElementArgs> = { title: 'Widgets/bp-ticket-thread', component: 'bp-ticket-thread', ...elementStories<ElementArgs>({ host: 'provider' }) };
export default meta;
type Story = StoryObj<ElementArgs>;

const story = (api: FakeApiOptions, more: ElementArgs = {}): Story => ({
  args: { api: { signedInAs: customerMe, ...api }, 'account-number': 'C123456', 'ticket-number': 282, staff: false, theme: 'light', ...more },
});

export const Loading = story({ hangPaths: /\/tickets\// });
export const Error = story({ offlinePaths: /\/tickets\// });
/** The guide's ticket 282: a photo and a log attached, the provider's answers. */
export const WithAttachments: Story = { name: 'Conversation with attachments', ...story({}) };
export const Dark: Story = { ...story({}, { theme: 'dark' }), ...onDarkPage };
/** Waiting for the customer: the provider asked a question. */
export const PendingCustomer: Story = { name: 'Pending customer', ...story({}, { 'ticket-number': 279 }) };
/** Closed: no reply box, Reopen instead. */
export const Closed: Story = { ...story({}, { 'ticket-number': 276 }) };
/** "Question about this charge": the ticket names the invoice line and downloads the invoice. */
export const AboutAnInvoiceLine: Story = { name: 'About an invoice line', ...story({}, { 'ticket-number': 283 }) };
/** The provider's view: the internal note apart, status, assign to me, and a note box. */
export const Staff: Story = { name: 'Staff: notes, status, assignment', ...story({ signedInAs: staffMe }, { staff: true }) };
/** On a phone, 320 px wide, as the customer and as staff (dark). */
export const Phone: Story = story({}, { width: 320 });
export const StaffPhoneDark: Story = { name: 'Staff on a phone (dark)', ...story({ signedInAs: staffMe }, { staff: true, theme: 'dark', width: 320 }), ...onDarkPage };
export const French = inLanguage(WithAttachments, 'fr');
export const SpanishStaff = inLanguage(Staff, 'es');
export const StaffDark: Story = { name: 'Staff (dark)', ...story({ signedInAs: staffMe }, { staff: true, theme: 'dark' }), ...onDarkPage };

/** The ticket handed in as data (no server): as a customer and as staff. */
export const AsData: Story = { name: 'As data', args: { data: testTicket() } };
export const StaffAsData: Story = { name: 'Staff, as data', args: { staff: true, data: testTicketForStaff() } };
