import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { customerMe } from './fixtures/accounts.ts';
import { autopayDeclined, inCredit, summaryOf } from './fixtures/summaries.ts';
import { accountWidgetStories, type WidgetArgs } from './story-helpers.ts';

const states = accountWidgetStories((theme) => html`<bp-account-summary theme=${theme}></bp-account-summary>`, customerMe);

/** The guide's My Account: account and payment information, and current usage. */
const meta: Meta<WidgetArgs> = { title: 'Widgets/bp-account-summary', component: 'bp-account-summary', render: states.render };
export default meta;

export const Loading = states.Loading;
export const Error = states.Error;
/** Owing, with last month past due. */
export const Populated = states.Populated;
export const Dark = states.Dark;
/** On a phone, 320 px wide. */
export const Phone = states.Phone;
export const PhoneDark = { ...states.PhoneDark, name: 'Phone (dark)' };
export const French = states.French;
export const SpanishPhone = states.SpanishPhone;
/** Paid ahead: a credit, nothing due, no voice plan. */
export const InCredit: StoryObj = {
  name: 'In credit (empty usage)',
  render: () => html`<bp-account-summary .data=${inCredit}></bp-account-summary>`,
};

/** On autopay: the card, when it will be charged, Change card and Cancel autopay. */
export const OnAutopay: StoryObj<WidgetArgs> = { name: 'On autopay', args: { api: { signedInAs: customerMe, autopay: ['C123456'] }, theme: 'light' } };

/** The last automatic payment was declined: a notice, and the bill to be paid by hand. */
export const AutopayDeclined: StoryObj = {
  name: 'Autopay declined',
  render: () => html`<bp-account-summary .data=${autopayDeclined(summaryOf('C123456')!)}></bp-account-summary>`,
};

