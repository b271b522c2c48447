import type { Preview } from '@storybook/web-components-vite';
import '../components/index.ts';
import { brandDecorator, brandGlobalTypes } from '../stories/brand-toolbar.ts';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    backgrounds: {
      options: {
        light: { name: 'Light', value: '#f6f7f9' },
        dark: { name: 'Dark', value: '#111418' },
      },
    },
  },
  globalTypes: brandGlobalTypes,
  decorators: [brandDecorator],
  initialGlobals: { backgrounds: { value: 'light' }, brand: 'provider' },
};
export default preview;
