import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { customerMe } from './fixtures/accounts.ts';
import { northbeamCustomerMe } from './fixtures/brands.ts';
import { renderElement } from './element-story.ts';
import { accountWidgetStories, type ElementArgs } from './story-helpers.ts';

const sideBySide = 'display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); gap: 1.5rem; align-items: start';

const states = accountWidgetStories(customerMe, {
  host: 'fetcher',
  content: ({ theme }) => html`
    <div style=${sideBySide}>
      <bp-account-summary theme=${String(theme ?? 'light')}></bp-account-summary>
      <bp-payment-form theme=${String(theme ?? 'light')}></bp-payment-form>
    </div>
  `,
});

/**
 * A host page's own layout inside `<bp-provider>`: My Account and Make a payment side by side.
 * They share one store of the account's data: one request for the summary, and a payment in
 * either one shows in both (the form re-reads the balance before it offers an amount again).
 */
const meta: Meta<ElementArgs> = { title: 'Elements/bp-provider', component: 'bp-provider', ...states.meta, parameters: { layout: 'fullscreen' } };
export default meta;

export const Loading = states.Loading;
export const Error = states.Error;
/** Side by side, sharing what they load. */
export const Populated = states.Populated;
export const Dark = states.Dark;
/** On a phone, 320 px wide. */
export const Phone = states.Phone;
export const PhoneDark = { ...states.PhoneDark, name: 'Phone (dark)' };
export const French = states.French;
export const SpanishPhone = states.SpanishPhone;

/** On a reseller's page, signed in by the reseller's portal-session token: the widgets in its brand colours. */
export const ResellerSessionToken: StoryObj<ElementArgs> = {
  name: 'Reseller: signed in by session token',
  args: { api: { portalSessions: { 'demo-token': { me: northbeamCustomerMe } } }, 'session-token': 'demo-token' },
  render: (args, context) =>
    renderElement('bp-provider', { host: 'fetcher', content: () => html`<div style=${sideBySide}><bp-account-summary></bp-account-summary><bp-payment-history></bp-payment-history></div>` }, args, context),
};
