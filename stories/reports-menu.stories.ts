import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { customerMe } from './fixtures/accounts.ts';
import { createFakeApi } from './fixtures/fake-api.ts';
import { inLanguage, onDarkPage } from './story-helpers.ts';

/** The guide's Reports: its six links; each opens its report on a screen of its own. */
const meta: Meta<{ report: string; theme: 'light' | 'dark' }> = {
  title: 'Widgets/bp-reports',
  component: 'bp-reports',
  args: { report: '', theme: 'light' },
  render: ({ report, theme }) =>
    html`<bp-provider .fetcher=${createFakeApi({ signedInAs: customerMe }).fetch}><bp-reports report=${report} theme=${theme}></bp-reports></bp-provider>`,
};
export default meta;

export const List: StoryObj = {};
export const Dark: StoryObj = { args: { theme: 'dark' }, ...onDarkPage };
export const ReportOpen: StoryObj = { name: 'A report open (YTD Usage)', args: { report: 'ytd-usage' } };
export const French = inLanguage(List, 'fr');
export const Spanish = inLanguage(ReportOpen, 'es');
