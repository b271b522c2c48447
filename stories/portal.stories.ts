import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { customerMe, headOfficeMe, staffMe } from './fixtures/accounts.ts';
import { createFakeApi, type FakeApiOptions } from './fixtures/fake-api.ts';
import { onDarkPage } from './story-helpers.ts';

interface PortalArgs {
  api: FakeApiOptions;
  theme?: 'light' | 'dark';
  /** The width the host page gives the portal (a phone: 320). */
  width?: number;
}

/** The whole portal over a fake API (password for any fixture user: `correct-horse-battery`). */
const meta: Meta<PortalArgs> = {
  title: 'Elements/bp-portal',
  component: 'bp-portal',
  parameters: { layout: 'fullscreen' },
  render: ({ api, theme = 'light', width }) =>
    html`<bp-portal .fetcher=${createFakeApi(api).fetch} theme=${theme} style="min-height: 40rem; ${width ? `width: ${width}px` : ''}"></bp-portal>`,
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
