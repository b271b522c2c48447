import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { staffMe } from './fixtures/accounts.ts';
import type { FakeApiOptions } from './fixtures/fake-api.ts';
import { elementStories } from './element-story.ts';
import { inLanguage, onDarkPage, type ElementArgs } from './story-helpers.ts';

/** The provider's queue: every account's tickets, waiting longest first, with filters and sort. */
const meta: Meta<ElementArgs> = { title: 'Widgets/bp-ticket-queue', component: 'bp-ticket-queue', ...elementStories<ElementArgs>({ host: 'provider' }) };
export default meta;
type Story = StoryObj<ElementArgs>;

const story = (api: FakeApiOptions, more: ElementArgs = {}): Story => ({ args: { api: { signedInAs: staffMe, ...api }, theme: 'light', ticket: 0, ...more } });

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
