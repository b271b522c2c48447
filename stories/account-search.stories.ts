import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { staffMe } from './fixtures/accounts.ts';
import type { FakeApiOptions } from './fixtures/fake-api.ts';
import { elementStories } from './element-story.ts';
import { inLanguage, onDarkPage, type ElementArgs } from './story-helpers.ts';

/** `query`: what the story types in the search box and searches (its play function). */
type SearchArgs = ElementArgs & { query?: string };

/** Staff only: find any customer account by number or name. */
const meta: Meta<SearchArgs> = {
  title: 'Widgets/bp-account-search',
  component: 'bp-account-search',
  ...elementStories<SearchArgs>({ host: 'provider' }),
  // Types the story's query and searches, once the element has its client.
  play: async ({ canvasElement, args }) => {
    if (args.query === undefined) return;
    const search = canvasElement.querySelector('bp-account-search')!;
    await new Promise((r) => setTimeout(r, 50));
    const root = search.shadowRoot!;
    root.querySelector<HTMLInputElement>('#q')!.value = args.query;
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  },
};
export default meta;
type Story = StoryObj<SearchArgs>;

const staff = (more: FakeApiOptions = {}): FakeApiOptions => ({ signedInAs: staffMe, ...more });

export const Initial: Story = { args: { api: staff() } };
export const Searching: Story = { args: { api: staff({ hangPaths: /^\/api\/v1\/accounts$/ }), query: 'cascade' } };
export const Results: Story = { args: { api: staff(), query: 'cascade' } };
export const NoMatch: Story = { args: { api: staff(), query: 'zzz' } };
export const Error: Story = { args: { api: staff({ offlinePaths: /^\/api\/v1\/accounts$/ }), query: 'cascade' } };
export const Dark: Story = { ...onDarkPage, args: { api: staff(), query: 'c', theme: 'dark' } };
export const French = inLanguage(Results, 'fr');
export const Spanish = inLanguage(NoMatch, 'es');
