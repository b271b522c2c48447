import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { staffMe } from './fixtures/accounts.ts';
import { createFakeApi, type FakeApiOptions } from './fixtures/fake-api.ts';
import { inLanguage, onDarkPage } from './story-helpers.ts';

interface SearchArgs {
  api: FakeApiOptions;
  query?: string;
  theme?: 'light' | 'dark';
}

/** Staff only: find any customer account by number or name. */
const meta: Meta<SearchArgs> = {
  title: 'Widgets/bp-account-search',
  component: 'bp-account-search',
  render: ({ api, theme = 'light' }) =>
    html`<bp-provider .fetcher=${createFakeApi({ signedInAs: staffMe, ...api }).fetch}>
      <bp-account-search theme=${theme}></bp-account-search>
    </bp-provider>`,
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

export const Initial: Story = { args: { api: {} } };
export const Searching: Story = { args: { api: { hangPaths: /^\/api\/v1\/accounts$/ }, query: 'cascade' } };
export const Results: Story = { args: { api: {}, query: 'cascade' } };
export const NoMatch: Story = { args: { api: {}, query: 'zzz' } };
export const Error: Story = { args: { api: { offlinePaths: /^\/api\/v1\/accounts$/ }, query: 'cascade' } };
export const Dark: Story = { ...onDarkPage, args: { api: {}, query: 'c', theme: 'dark' } };
export const French = inLanguage(Results, 'fr');
export const Spanish = inLanguage(NoMatch, 'es');
