import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { ThemeBrandId } from '../demo/brands.ts';
import { customerMe } from './fixtures/accounts.ts';
import { elementStories } from './element-story.ts';
import type { ElementArgs } from './story-helpers.ts';

/**
 * The kit in three brands, each only the global tokens set on a wrapper (the Brand toolbar,
 * demo/brands.ts): the provider's own, Acme Telecom, and Midnight Fibre's dark surface; each in
 * light, dark, and auto (following the system). Every story here is a signed-in portal.
 */
const meta: Meta<ElementArgs> = {
  title: 'Theming/Brands',
  component: 'bp-portal',
  ...elementStories<ElementArgs>({ host: 'fetcher', style: 'min-height: 40rem' }),
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj<ElementArgs>;

const story = (brand: ThemeBrandId, theme: 'light' | 'dark' | 'auto', width?: number): Story => ({
  args: { api: { signedInAs: customerMe }, theme, ...(width ? { width } : {}) },
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
