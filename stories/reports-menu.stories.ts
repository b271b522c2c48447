import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { customerMe } from './fixtures/accounts.ts';
import { elementStories, hostArgTypes } from './element-story.ts';
import { inLanguage, onDarkPage, type ElementArgs } from './story-helpers.ts';

/** The guide's Reports: its six links; each opens its report on a screen of its own. */
const meta: Meta<ElementArgs> = {
  title: 'Widgets/bp-reports',
  component: 'bp-reports',
  ...elementStories<ElementArgs>({ host: 'provider' }),
  argTypes: { ...hostArgTypes, report: { control: 'select', options: ['', 'usage', 'subscribers', 'usage-details', 'ytd-all-in', 'ytd-fixed', 'ytd-usage'] } },
  args: { api: { signedInAs: customerMe }, report: '', theme: 'light' },
};
export default meta;

export const List: StoryObj<ElementArgs> = {};
export const Dark: StoryObj<ElementArgs> = { args: { theme: 'dark' }, ...onDarkPage };
export const ReportOpen: StoryObj<ElementArgs> = { name: 'A report open (YTD Usage)', args: { report: 'ytd-usage' } };
export const French = inLanguage(List, 'fr');
export const Spanish = inLanguage(ReportOpen, 'es');
