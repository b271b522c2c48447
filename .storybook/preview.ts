import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from 'virtual:custom-elements-manifest';
import '../components/index.ts';
import { brandDecorator, brandGlobalTypes } from '../stories/brand-toolbar.ts';

// Each story's docs and controls list its element's attributes, properties, events, slots,
// parts and custom properties from the manifest (`component: 'bp-…'` in the story's meta).
setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    // axe on every story in the accessibility panel; a violation is an error, not a note
    // (test/storybook/ fails on it as well).
    a11y: { test: 'error' },
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
