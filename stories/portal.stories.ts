import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { customerMe, headOfficeMe, staffMe } from './fixtures/accounts.ts';
import { northbeamBrand, northbeamCustomerMe } from './fixtures/brands.ts';
import { elementStories } from './element-story.ts';
import { inLanguage, onDarkPage, type ElementArgs } from './story-helpers.ts';

/**
 * The whole portal over a fake API (password for any fixture user: `correct-horse-battery`).
 * `session-token`: a portal-session token from a reseller's server (the fake knows
 * `demo-token`); `reseller`: the reseller whose site shows the portal (its brand on the
 * sign-in screen).
 */
const meta: Meta<ElementArgs> = {
  title: 'Elements/bp-portal',
  component: 'bp-portal',
  ...elementStories<ElementArgs>({ host: 'fetcher', style: 'min-height: 40rem' }),
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj<ElementArgs>;

const reseller = { portalSessions: { 'demo-token': { me: northbeamCustomerMe } } };

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
export const ResellerSessionToken: Story = { name: 'Reseller: signed in by session token', args: { api: reseller, 'session-token': 'demo-token' } };
export const ResellerDark: Story = { name: 'Reseller: dark', ...onDarkPage, args: { api: reseller, 'session-token': 'demo-token', theme: 'dark' } };
export const ResellerPhone: Story = { name: 'Reseller: phone', args: { api: reseller, 'session-token': 'demo-token', width: 320 } };
/** The token was used before or expired (an old page reloaded from the cache): signed out, saying why. */
export const ResellerTokenSpent: Story = { name: 'Reseller: session token used or expired', args: { api: { brands: [northbeamBrand] }, 'session-token': 'spent', reseller: 'northbeam' } };
