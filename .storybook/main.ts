import type { StorybookConfig } from '@storybook/web-components-vite';
import { cardFramePlugin } from './card-frame-plugin.ts';
import { customElementsManifestPlugin } from './manifest-plugin.ts';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  // Docs pages (args tables from the manifest) and the accessibility panel (axe on each story).
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // The project's vite config builds the demo pages from demo/; stories need none of that.
  viteFinal: async (vite) => {
    const { build, ...rest } = vite;
    return {
      ...rest,
      root: undefined,
      plugins: [...(rest.plugins ?? []), cardFramePlugin(), customElementsManifestPlugin()],
      build: { ...build, rollupOptions: { ...build?.rollupOptions, input: undefined } },
    };
  },
};
export default config;
