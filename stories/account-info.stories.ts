import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { customerMe, portland } from './fixtures/accounts.ts';
import { accountWidgetStories, type WidgetArgs } from './story-helpers.ts';

const states = accountWidgetStories((theme) => html`<bp-account-info theme=${theme}></bp-account-info>`, customerMe);

/** The guide's Account Information: Account #, Account Name, Billing Address, Representative. */
const meta: Meta<WidgetArgs> = { title: 'Widgets/bp-account-info', component: 'bp-account-info', render: states.render };
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
export const SubAccount: StoryObj = {
  name: 'Populated: a sub-account (data set directly)',
  render: () => html`<bp-account-info .data=${portland}></bp-account-info>`,
};
