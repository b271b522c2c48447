import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ThemeBrandId } from '../demo/brands.ts';
import { customerMe } from './fixtures/accounts.ts';
import { createFakeApi } from './fixtures/fake-api.ts';

interface BrandArgs {
  theme: 'light' | 'dark' | 'auto';
  width?: number;
}

/**
 * The kit in three brands, each only the global tokens set on a wrapper (the Brand toolbar,
 * demo/brands.ts): the provider's own, Acme Telecom, and Midnight Fibre's dark surface; each in
 * light, dark, and auto (following the system). Every story here is a signed-in portal.
 */
const meta: Meta<BrandArgs> = {
  title: 'Theming/Brands',
  parameters: { layout: 'fullscreen' },
  argTypes: { theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] } },
  render: ({ theme, width }) =>
    html`<bp-portal .fetcher=${createFakeApi({ signedInAs: customerMe }).fetch} theme=${theme} style="min-height: 40rem; ${width ? `width: ${width}px` : ''}"></bp-portal>`,
};
export default meta;
type Story = StoryObj<BrandArgs>;

const story = (brand: ThemeBrandId, theme: BrandArgs['theme'], width?: number): Story => ({
  args: { theme, ...(width ? { width } : {}) },
  globals: { brand, ...(theme === 'dark' ? { backgrounds: { value: 'dark' } } : {}) },
});

export const Provider: Story = story('provider', 'light');
export const ProviderDark: Story = story('provider', 'dark');
export const ProviderAuto: Story = { name: 'Provider (auto: follows the system)', ...story('provider', 'auto') };
export const Acme: Story = { name: 'Acme Telecom', ...story('acme', 'light') };
export const AcmeDark: Story = { name: 'Acme Telecom (dark)', ...story('acme', 'dark') };
export const AcmePhone: Story = { name: 'Acme Telecom (phone)', ...story('acme', 'light', 320) };
export const Midnight: Story = { name: 'Midnight Fibre (a dark-surfaced brand)', ...story('midnight', 'light') };
export const MidnightDark: Story = { name: 'Midnight Fibre (dark theme)', ...story('midnight', 'dark') };
export const MidnightPhone: Story = { name: 'Midnight Fibre (phone)', ...story('midnight', 'light', 320) };
