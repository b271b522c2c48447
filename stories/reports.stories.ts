import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { customerMe, headOfficeMe } from './fixtures/accounts.ts';
import { elementStories, hostArgTypes } from './element-story.ts';
import { inLanguage, onDarkPage, type ElementArgs } from './story-helpers.ts';

/**
 * One of the guide's reports inside `<bp-provider>` over the fake API: the period picker,
 * Download CSV, the chart (Usage and the YTD reports) and the table. Pick the report in the
 * controls; the states below are those every report has.
 */
const meta: Meta<ElementArgs> = {
  title: 'Widgets/bp-report',
  component: 'bp-report',
  ...elementStories<ElementArgs>({ host: 'provider' }),
  argTypes: { ...hostArgTypes, report: { control: 'select', options: ['usage', 'subscribers', 'usage-details', 'ytd-all-in', 'ytd-fixed', 'ytd-usage'] } },
  args: { report: 'ytd-all-in', api: { signedInAs: customerMe }, theme: 'light', rollup: false },
};
export default meta;

type Story = StoryObj<ElementArgs>;
const REPORT_ROUTES = /\/reports\//;

export const Loading: Story = { args: { api: { signedInAs: customerMe, hangPaths: REPORT_ROUTES } } };
export const Error: Story = { args: { api: { signedInAs: customerMe, offlinePaths: REPORT_ROUTES } } };
export const Empty: Story = { name: 'Empty (a new account)', args: { api: { signedInAs: customerMe, noInvoices: true } } };
export const Usage: Story = { args: { report: 'usage' } };
export const Subscribers: Story = { args: { report: 'subscribers' } };
export const UsageDetails: Story = { name: 'Usage Details', args: { report: 'usage-details' } };
export const YtdAllIn: Story = { name: 'YTD All In Spend', args: { report: 'ytd-all-in' } };
export const YtdFixed: Story = { name: 'YTD Fixed Spend', args: { report: 'ytd-fixed' } };
export const YtdUsage: Story = { name: 'YTD Usage', args: { report: 'ytd-usage' } };
export const Dark: Story = { args: { report: 'ytd-all-in', theme: 'dark' }, ...onDarkPage };
export const French = inLanguage(YtdAllIn, 'fr');
export const Spanish = inLanguage(UsageDetails, 'es');
export const DarkUsage: Story = { name: 'Dark (Usage)', args: { report: 'usage', theme: 'dark' }, ...onDarkPage };
/** 320 px wide: the controls take one column, the chart the panel's width, the table scrolls inside the panel. */
export const Phone: Story = { args: { report: 'usage', width: 320 } };
export const PhoneDark: Story = { name: 'Phone (dark)', args: { report: 'subscribers', theme: 'dark', width: 320 }, ...onDarkPage };
export const HeadOfficeRolledUp: Story = {
  name: 'A head office rolled up',
  args: { report: 'ytd-all-in', api: { signedInAs: headOfficeMe }, rollup: true },
};
export const HeadOfficeSubscribers: Story = {
  name: 'A head office rolled up (Subscribers)',
  args: { report: 'subscribers', api: { signedInAs: headOfficeMe }, rollup: true },
};
