import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { kitBuildConfig } from './kit/build.ts';
import { minifyTemplates } from './kit/minify-templates.ts';

/**
 * `vite build`: the standalone portal page into dist/ (the sample reseller site is served apart,
 * on its own origin, by server/reseller-demo.ts, and loads the kit as a reseller's page does).
 * `vite build --mode kit`: the element kit into dist/kit/ (see kit/build.ts).
 * `vite`: the pages with hot reload; the API is proxied to the server on :8787.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'kit') return kitBuildConfig();
  return {
    root: 'demo',
    // The portal page ships the kit's templates as the kit does (kit/minify-templates.ts); `vite` serves them as written.
    plugins: [minifyTemplates()],
    build: {
      outDir: '../dist',
      emptyOutDir: true,
      rollupOptions: { input: { portal: resolve('demo/index.html') } },
    },
    server: { proxy: { '/api': 'http://localhost:8787' } },
  };
});
