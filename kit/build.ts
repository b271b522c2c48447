/**
 * The kit as it ships (`vite build --mode kit`, dist/kit/): `billing-portal-kit.js` registers every
 * element, and each element has its own entry (`account-summary.js`, …) that registers only
 * itself and the elements it renders. Code they share is in chunks/ (hashed names), loaded once
 * however many entries a page imports, so a page may load the whole kit and single elements
 * side by side. Lit is bundled in: the same files serve a bundler and a plain
 * `<script type="module">`. Fully minified (Vite leaves whitespace in an ES library).
 */
import { join } from 'node:path';
import { build, type InlineConfig, type Rolldown } from 'vite';
import { KIT_INDEX, KIT_NAME, ROOT, kitElements } from './elements.ts';
import { minifyTemplates } from './minify-templates.ts';

/** Where `npm run build` puts the kit, and where the portal server serves it from. */
export const KIT_OUT_DIR = 'dist/kit';
/** Shared and lazily loaded code, beside the entries. */
export const CHUNKS_DIR = 'chunks';

// Not the translations (components/i18n/locales/): each language is a chunk loaded when chosen.
// Nor the providing side of @lit/context: only <bp-provider> and <bp-portal> provide.
const WIDGET_CORE =
  /node_modules\/(lit|lit-html|lit-element|@lit)\/(?!context\/lib\/(controllers\/context-provider|decorators\/provide|value-notifier))|components\/(styles|events|context)\/|components\/i18n\/(?!locales\/)|components\/base\/(task-states|store-data-element|account-data-element)\.ts|components\/data\/resources\.ts/;

/** The entries: the whole kit and one per element, by output name. */
export function kitEntries(root = ROOT): Record<string, string> {
  const entries: Record<string, string> = { [KIT_NAME]: join(root, KIT_INDEX) };
  for (const element of kitElements(root)) entries[element.name] = join(root, element.file);
  return entries;
}

/** Vite's settings for the kit, into `outDir`. */
export function kitBuildConfig(outDir = join(ROOT, KIT_OUT_DIR)): InlineConfig {
  return {
    configFile: false,
    root: ROOT,
    plugins: [minifyTemplates()],
    build: {
      outDir,
      emptyOutDir: true,
      lib: { entry: kitEntries(), formats: ['es'] },
      minify: 'oxc',
      rolldownOptions: {
        output: {
          // Vite minifies an ES library's syntax but keeps its whitespace and names; a kit served
          // to browsers as it is wants all of it.
          minify: true,
          entryFileNames: '[name].js',
          chunkFileNames: `${CHUNKS_DIR}/[name]-[hash].js`,
          // What every data widget loads anyway (Lit, tokens and styles, the loading states, the
          // store's resources, events, formats) in one file rather than a dozen: each file is
          // gzipped alone, so small ones cost more than their bytes (see `npm run bench -- sizes`).
          codeSplitting: { groups: [{ name: 'widget', test: WIDGET_CORE }] },
        },
      },
    },
  };
}

/** Builds the kit; `write: false` only returns the output (the size figures read it). */
export async function buildKit(options: { outDir?: string; write?: boolean } = {}): Promise<Rolldown.OutputChunk[]> {
  const config = kitBuildConfig(options.outDir);
  const result = await build({ ...config, logLevel: 'silent', build: { ...config.build, write: options.write ?? true } });
  const outputs = Array.isArray(result) ? result : [result];
  return outputs.flatMap((o) => ('output' in o ? o.output : [])).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
}
