import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { customerMe } from './fixtures/accounts.ts';
import { accountWidgetStories, type WidgetArgs } from './story-helpers.ts';

const states = accountWidgetStories((theme) => html`<bp-payment-history theme=${theme}></bp-payment-history>`, customerMe);

/** The account's payments: date, amount, method, card, result. */
const meta: Meta<WidgetArgs> = { title: 'Widgets/bp-payment-history', component: 'bp-payment-history', render: states.render };
export default meta;

export const Loading = states.Loading;
export const Error = states.Error;
export const Populated = states.Populated;
export const Dark = states.Dark;
/** On a phone, 320 px wide. */
export const Phone = states.Phone;
export const PhoneDark = { ...states.PhoneDark, name: 'Phone (dark)' };
export const Empty: StoryObj = {
  name: 'Empty (no payments yet)',
  render: () => html`<bp-payment-history .data=${{ payments: [] }}></bp-payment-history>`,
};
