import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { customerMe } from './fixtures/accounts.ts';
import { autopayDeclined, billedInCad, inCredit, summaryOf } from './fixtures/summaries.ts';
import { accountWidgetStories, type ElementArgs } from './story-helpers.ts';

const states = accountWidgetStories(customerMe);

/** The guide's My Account: account and payment information, and current usage. */
const meta: Meta<ElementArgs> = { title: 'Widgets/bp-account-summary', component: 'bp-account-summary', ...states.meta };
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
export const InCredit: StoryObj<ElementArgs> = { name: 'In credit (empty usage)', args: { data: inCredit } };

/** On autopay: the card, when it will be charged, Change card and Cancel autopay. */
export const OnAutopay: StoryObj<ElementArgs> = { name: 'On autopay', args: { api: { signedInAs: customerMe, autopay: ['C123456'] }, theme: 'light' } };

/** The last automatic payment was declined: a notice, and the bill to be paid by hand. */
export const AutopayDeclined: StoryObj<ElementArgs> = { name: 'Autopay declined', args: { data: autopayDeclined(summaryOf('C123456')!) } };

/** Billed in Canadian dollars where cards are taken in US dollars only: how to pay instead of card buttons. */
export const CardsNotTaken: StoryObj<ElementArgs> = { name: 'Billed in CAD (cards not taken)', args: { data: billedInCad(summaryOf('C123456')!) } };
