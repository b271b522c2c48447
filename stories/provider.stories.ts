import type { Meta } from '@storybook/web-components-vite';
import { html } from 'lit';
import { customerMe } from './fixtures/accounts.ts';
import { northbeamCustomerMe } from './fixtures/brands.ts';
import { createFakeApi } from './fixtures/fake-api.ts';
import { accountWidgetStories, type WidgetArgs } from './story-helpers.ts';

const states = accountWidgetStories(
  (theme) => html`
    <div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); gap: 1.5rem; align-items: start">
      <bp-account-summary theme=${theme}></bp-account-summary>
      <bp-payment-form theme=${theme}></bp-payment-form>
    </div>
  `,
  customerMe,
);

/**
 * A host page's own layout inside `<bp-provider>`: My Account and Make a payment side by side.
 * They share one store of the account's data: one request for the summary, and a payment in
 * either one shows in both (the form re-reads the balance before it offers an amount again).
 */
const meta: Meta<WidgetArgs> = { title: 'Elements/bp-provider', component: 'bp-provider', render: states.render, parameters: { layout: 'fullscreen' } };
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
export const ResellerSessionToken = {
  name: 'Reseller: signed in by session token',
  render: () => html`
    <bp-provider .fetcher=${createFakeApi({ portalSessions: { 'demo-token': { me: northbeamCustomerMe } } }).fetch} session-token="demo-token">
      <div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); gap: 1.5rem; align-items: start">
        <bp-account-summary></bp-account-summary>
        <bp-payment-history></bp-payment-history>
      </div>
    </bp-provider>
  `,
};
