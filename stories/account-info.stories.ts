import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { customerMe, portland } from './fixtures/accounts.ts';
import { accountWidgetStories, type ElementArgs } from './story-helpers.ts';

const states = accountWidgetStories(customerMe);

/** The guide's Account Information: Account #, Account Name, Billing Address, Representative. */
const meta: Meta<ElementArgs> = { title: 'Widgets/bp-account-info', component: 'bp-account-info', ...states.meta };
export default meta;

export const Loading = states.Loading;
export const Error = states.Error;
export const Populated = states.Populated;
export const Dark = states.Dark;
/** On a phone, 320 px wide. */
export const Phone = states.Phone;
export const PhoneDark = { ...states.PhoneDark, name: 'Phone (dark)' };
export const French = states.French;
export const SpanishPhone = states.SpanishPhone;
export const SubAccount: StoryObj<ElementArgs> = { name: 'Populated: a sub-account (data set directly)', args: { data: portland } };
