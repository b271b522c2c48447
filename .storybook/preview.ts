import type { Preview } from '@storybook/web-components-vite';
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
  initialGlobals: { backgrounds: { value: 'light' } },
};
export default preview;
