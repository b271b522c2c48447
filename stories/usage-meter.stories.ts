import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { customerMe } from './fixtures/accounts.ts';
import { USAGE } from './fixtures/summaries.ts';
import { accountWidgetStories, onDarkPage, type ElementArgs } from './story-helpers.ts';

const states = accountWidgetStories(customerMe);

/** The guide's Current Usage, with the month-end projection. */
const meta: Meta<ElementArgs> = { title: 'Widgets/bp-usage-meter', component: 'bp-usage-meter', ...states.meta };
export default meta;

export const Loading = states.Loading;
export const Error = states.Error;
/** Line 001835 near half its 10,000 minutes. */
export const Populated = states.Populated;
export const Dark = states.Dark;
/** On a phone, 320 px wide. */
export const Phone = states.Phone;
export const PhoneDark = { ...states.PhoneDark, name: 'Phone (dark)' };
export const French = states.French;
export const SpanishPhone = states.SpanishPhone;
/** Two plans, one heading past its included minutes: the warning. */
export const OverPace: StoryObj<ElementArgs> = { name: 'Over pace (warning)', args: { data: USAGE.C200100 } };
export const OverPaceDark: StoryObj<ElementArgs> = { name: 'Over pace, dark', args: { data: USAGE.C200100, theme: 'dark' }, ...onDarkPage };
export const Empty: StoryObj<ElementArgs> = { name: 'Empty (no voice plan)', args: { data: [] } };
