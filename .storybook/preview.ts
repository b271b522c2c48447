import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/index.ts';

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
  // The language toolbar: every story inside an element with that `lang`, as a host page sets it.
  // "Pseudo" (en-XA) marks every localized string and lengthens it: unmarked text was missed.
  globalTypes: {
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
  initialGlobals: { backgrounds: { value: 'light' }, locale: 'en' },
  decorators: [(story, context) => html`<div lang=${context.globals['locale'] ?? 'en'}>${story()}</div>`],
};
export default preview;
