import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from 'virtual:custom-elements-manifest';
import { html } from 'lit';
import '../components/register-all.ts';
import { brandDecorator, brandGlobalTypes } from '../stories/brand-toolbar.ts';
import { controlsFromManifestTypes, publicManifest } from './manifest-controls.ts';

// Each story's docs and controls list its element's attributes, properties, events, slots,
// parts and custom properties from the manifest (`component: 'bp-…'` in the story's meta);
// every story renders its element from those args (stories/element-story.ts), so a control
// changed re-renders it.
setCustomElementsManifest(publicManifest(manifest));

const preview: Preview = {
  tags: ['autodocs'],
  argTypesEnhancers: [controlsFromManifestTypes],
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
  // The language toolbar: every story inside an element with that `lang`, as a host page sets it.
  // "Pseudo" (en-XA) marks every localized string and lengthens it: unmarked text was missed.
  globalTypes: {
    ...brandGlobalTypes,
    locale: {
      description: 'Language of the elements (lang)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'fr', title: 'Français' },
          { value: 'es', title: 'Español' },
          { value: 'en-XA', title: 'Pseudo (en-XA)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { backgrounds: { value: 'light' }, brand: 'provider', locale: 'en' },
  decorators: [brandDecorator, (story, context) => html`<div lang=${context.globals['locale'] ?? 'en'}>${story()}</div>`],
};
export default preview;
