import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { staffMe } from './fixtures/accounts.ts';
import { createFakeApi, type FakeApiOptions } from './fixtures/fake-api.ts';
import { inLanguage, onDarkPage } from './story-helpers.ts';

interface QueueArgs {
  api: FakeApiOptions;
  theme: 'light' | 'dark';
  ticket: number;
  /** The width the host page gives the queue (a phone: 320). */
  width?: number;
}

/** The provider's queue: every account's tickets, waiting longest first, with filters and sort. */
const meta: Meta<QueueArgs> = {
  title: 'Widgets/bp-ticket-queue',
  component: 'bp-ticket-queue',
  render: ({ api, theme, ticket, width }) =>
    html`<div style=${width ? `width: ${width}px` : ''}>
      <bp-provider .fetcher=${createFakeApi({ signedInAs: staffMe, ...api }).fetch}><bp-ticket-queue theme=${theme} .ticket=${ticket}></bp-ticket-queue></bp-provider>
    </div>`,
};
export default meta;
type Story = StoryObj<QueueArgs>;

const story = (api: FakeApiOptions, more: Partial<QueueArgs> = {}): Story => ({ args: { api, theme: 'light', ticket: 0, ...more } });

export const Loading = story({ hangPaths: /^\/api\/v1\/tickets/ });
export const Error = story({ offlinePaths: /^\/api\/v1\/tickets/ });
export const Empty = story({ noTickets: true });
export const Populated = story({});
export const Dark: Story = { ...story({}, { theme: 'dark' }), ...onDarkPage };
/** A ticket opened from the queue, with the staff's tools and the internal note. */
export const OpenTicket: Story = { name: 'A ticket opened', ...story({}, { ticket: 282 }) };
/** On a phone, 320 px wide: each ticket a card of label / value lines. */
export const Phone: Story = story({}, { width: 320 });
export const PhoneDark: Story = { name: 'Phone (dark)', ...story({}, { theme: 'dark', width: 320 }), ...onDarkPage };
export const PhoneOpenTicket: Story = { name: 'Phone: a ticket opened', ...story({}, { ticket: 282, width: 320 }) };
export const French = inLanguage(Populated, 'fr');
export const SpanishPhone = inLanguage(Phone, 'es');
