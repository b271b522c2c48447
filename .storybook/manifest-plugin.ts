import type { Plugin } from 'vite';
import { analyzeKit } from '../kit/manifest.ts';

const ID = 'virtual:custom-elements-manifest';

/**
 * `import manifest from 'virtual:custom-elements-manifest'`: the kit's custom elements manifest,
 * made from the elements' JSDoc when Storybook builds (kit/manifest.ts, the config of
 * `npm run analyze`), so docs and controls never read a stale custom-elements.json. In the dev
 * server a change to a component makes it again.
 */
export function customElementsManifestPlugin(): Plugin {
  return {
    name: 'bp-custom-elements-manifest',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    async load(id) {
      if (id !== `\0${ID}`) return null;
      return `export default ${JSON.stringify(await analyzeKit())};`;
    },
    handleHotUpdate({ file, server }) {
      if (!/\/components\/.*\.ts$/.test(file)) return;
      const module = server.moduleGraph.getModuleById(`\0${ID}`);
      if (module) server.moduleGraph.invalidateModule(module);
    },
  };
}
