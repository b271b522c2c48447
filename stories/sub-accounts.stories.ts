import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { customerMe, headOfficeMe } from './fixtures/accounts.ts';
import { accountWidgetStories, type ElementArgs } from './story-helpers.ts';

const states = accountWidgetStories(headOfficeMe);

/** The guide's Sub Accounts: the locations under a head office, what each owes, and a link to open it. */
const meta: Meta<ElementArgs> = { title: 'Widgets/bp-sub-accounts', component: 'bp-sub-accounts', ...states.meta };
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
export const Empty: StoryObj<ElementArgs> = { name: 'Empty (an account that is not a head office)', args: { api: { signedInAs: customerMe } } };
