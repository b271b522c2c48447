import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { customerMe, headOfficeMe, staffMe } from './fixtures/accounts.ts';
import { northbeamBrand, northbeamCustomerMe } from './fixtures/brands.ts';
import { createFakeApi, type FakeApiOptions } from './fixtures/fake-api.ts';
import { inLanguage, onDarkPage } from './story-helpers.ts';

interface PortalArgs {
  api: FakeApiOptions;
  theme?: 'light' | 'dark';
  /** A portal-session token from a reseller's server (the fake knows `demo-token`). */
  sessionToken?: string;
  /** The reseller whose site shows the portal: its brand on the sign-in screen. */
  reseller?: string;
  /** The width the host page gives the portal (a phone: 320). */
  width?: number;
}

/** The whole portal over a fake API (password for any fixture user: `correct-horse-battery`). */
const meta: Meta<PortalArgs> = {
  title: 'Elements/bp-portal',
  component: 'bp-portal',
  parameters: { layout: 'fullscreen' },
  render: ({ api, theme = 'light', width, sessionToken = '', reseller = '' }) =>
    html`<bp-portal .fetcher=${createFakeApi(api).fetch} theme=${theme} session-token=${sessionToken} reseller=${reseller} style="min-height: 40rem; ${width ? `width: ${width}px` : ''}"></bp-portal>`,
};
export default meta;
type Story = StoryObj<PortalArgs>;

export const SignedOut: Story = { args: { api: {} } };
export const Loading: Story = { args: { api: { hang: true } } };
export const ServerUnreachable: Story = { args: { api: { offline: true } } };
export const Customer: Story = { name: 'Signed in: customer', args: { api: { signedInAs: customerMe } } };
export const HeadOffice: Story = { name: 'Signed in: head office', args: { api: { signedInAs: headOfficeMe } } };
export const Staff: Story = { name: 'Signed in: staff', args: { api: { signedInAs: staffMe } } };
export const SlowServer: Story = { args: { api: { signedInAs: customerMe, delayMs: 1500 } } };
export const Dark: Story = { ...onDarkPage, args: { api: { signedInAs: headOfficeMe }, theme: 'dark' } };
export const DarkSignedOut: Story = { ...onDarkPage, args: { api: {}, theme: 'dark' } };
/** On a phone, 320 px wide: the invoice list, payment history and sub-accounts stack into rows. */
export const Phone: Story = { args: { api: { signedInAs: headOfficeMe }, width: 320 } };
export const PhoneDark: Story = { name: 'Phone (dark)', ...onDarkPage, args: { api: { signedInAs: customerMe }, theme: 'dark', width: 320 } };
/** The language menu is in the header (and on the sign-in screen); these start in French and Spanish. */
export const French: Story = inLanguage({ name: 'Signed in: head office', args: { api: { signedInAs: headOfficeMe } } }, 'fr');
export const SpanishPhone: Story = inLanguage({ name: 'Phone', args: { api: { signedInAs: customerMe }, width: 320 } }, 'es');
export const FrenchSignedOut: Story = inLanguage({ name: 'Signed out', args: { api: {} } }, 'fr');

/** A reseller's page names the reseller (`reseller="northbeam"`): its brand before anyone signs in. */
export const ResellerSignIn: Story = { name: 'Reseller: sign-in screen', args: { api: { brands: [northbeamBrand] }, reseller: 'northbeam' } };
/** Signed in by the reseller (`session-token`): no form, the reseller's name, logo, support contact and colours. */
export const ResellerSessionToken: Story = { name: 'Reseller: signed in by session token', args: { api: { portalSessions: { 'demo-token': { me: northbeamCustomerMe } } }, sessionToken: 'demo-token' } };
export const ResellerDark: Story = {
  name: 'Reseller: dark',
  ...onDarkPage,
  args: { api: { portalSessions: { 'demo-token': { me: northbeamCustomerMe } } }, sessionToken: 'demo-token', theme: 'dark' },
};
export const ResellerPhone: Story = { name: 'Reseller: phone', args: { api: { portalSessions: { 'demo-token': { me: northbeamCustomerMe } } }, sessionToken: 'demo-token', width: 320 } };
/** The token was used before or expired (an old page reloaded from the cache): signed out, saying why. */
export const ResellerTokenSpent: Story = { name: 'Reseller: session token used or expired', args: { api: { brands: [northbeamBrand] }, sessionToken: 'spent', reseller: 'northbeam' } };
