/**
 * The kit as it ships (`vite build --mode kit`, dist/kit/): `billing-portal-kit.js` registers every
 * element, and each element has its own entry (`account-summary.js`, …) that registers only
 * itself and the elements it renders. Code they share is in chunks/ (hashed names), loaded once
 * however many entries a page imports, so a page may load the whole kit and single elements
 * side by side. Lit is bundled in: the same files serve a bundler and a plain
 * `<script type="module">`. Fully minified (Vite leaves whitespace in an ES library).
 */
import { dirname, join, resolve } from 'node:path';
import { build, type InlineConfig, type Plugin, type Rolldown } from 'vite';
import { KIT_INDEX, KIT_NAME, ROOT, kitElements } from './elements.ts';
import { minifyTemplates } from './minify-templates.ts';
import { precompressKit } from './precompress.ts';

/** Where `npm run build` puts the kit, and where the portal server serves it from. */
export const KIT_OUT_DIR = 'dist/kit';
/** Shared and lazily loaded code, beside the entries. */
export const CHUNKS_DIR = 'chunks';

// What every data widget loads (see codeSplitting below), but not: the translations
// (components/i18n/locales/), each a chunk loaded when its language is chosen; the payment
// methods' names, which only tables show (FAMILIES); the providing side of @lit/context, as only
// <bp-provider> and <bp-portal> provide; the events (components/events/), which go with the
// elements that fire them; the styles of fields, tables and link buttons (FIELDS_AND_TABLES).
const WIDGET_CORE =
  /node_modules\/(lit|lit-html|lit-element|@lit)\/(?!context\/lib\/(controllers\/context-provider|decorators\/provide|value-notifier))|components\/(styles\/(?!computed-colors|fields|tables|link-button)|context\/)|components\/i18n\/(?!locales\/|payment-method-label)|components\/base\/(define|task-states|store-data-element|account-data-element)\.ts|components\/data\/resources\.ts/;

/**
 * The styles of fields, tables and link buttons, in a chunk of their own for the elements that
 * show them: My Account and <bp-provider> show none, and leave them out.
 */
const FIELDS_AND_TABLES = /components\/styles\/(fields|tables|link-button)\.ts/;

const ENTRY = 'bp-entry:';

/**
 * Code that is loaded together, each family in one file: <bp-account-summary> with the account
 * information and usage it shows (not its Cancel autopay question, loaded when asked); the
 * portal host with <bp-provider>; the portal's own modules; the data tables with their pager
 * (and the payment methods' names, which the payment history's and the invoices' tables show);
 * <bp-reports> with <bp-report>. An entry registers only its own elements, so <bp-account-info>
 * alone loads the summary's code too (2.3 KB more) while the summary and the whole kit load
 * fewer, larger files, which gzip better (`npm run bench -- sizes`). The tickets are not grouped:
 * <bp-ticket-form> alone would load 3.4 KB more, for 2.3 KB less in the whole kit.
 */
const FAMILIES = [
  { name: 'my-account', test: /components\/(account-summary\/(?!cancel-autopay)|account-info\/|usage-meter\/)/ },
  { name: 'host', test: /components\/(provider\/|base\/(portal-host|brand-colors)|events\/host)|@lit\/context\/lib\/(controllers\/context-provider|value-notifier)/ },
  { name: 'portal', test: /components\/(portal\/|tickets\/ticket-counts)/ },
  { name: 'tables', test: /components\/(base\/(data-table|pager)|i18n\/payment-method-label)\.ts/ },
  { name: 'reports', test: /components\/(reports\/(?!report-chart|chart-spec)|data\/report-resources)/ },
];

/** The entries: the whole kit (components/index.ts) and one per element, by output name. */
function kitEntries(root = ROOT): Record<string, string> {
  const entries: Record<string, string> = { [KIT_NAME]: join(root, KIT_INDEX) };
  for (const element of kitElements(root)) entries[element.name] = ENTRY + element.name;
  return entries;
}

/**
 * An element's entry, made here rather than written: it registers the element and the elements
 * it shows (components/base/define.ts) and exports what the element's module exports. Element
 * modules do not register themselves, so the chunks below may group several.
 */
function elementEntries(root = ROOT): Plugin {
  const byId = new Map(kitElements(root).map((element) => [ENTRY + element.name, element]));
  return {
    name: 'bp-element-entries',
    resolveId(id) {
      // Vite hands lib entries over as paths under the root.
      const entry = id.slice(Math.max(0, id.indexOf(ENTRY)));
      return byId.has(entry) ? `\0${entry}` : null;
    },
    load(id) {
      const element = byId.get(id.slice(1));
      if (!id.startsWith('\0') || !element) return null;
      const module = JSON.stringify(join(root, element.file));
      const define = JSON.stringify(join(root, 'components/base/define.ts'));
      return `import { defineElement } from ${define};\nimport { ${element.className} } from ${module};\nexport * from ${module};\ndefineElement(${element.className});\n`;
    },
  };
}

const LAZY = 'bp-lazy:';

/** The module through which an element's code is loaded with `import()` (see below). */
export const lazyElementModule = (className: string) => `\0${LAZY}${className}`;

/**
 * An element's module loaded with `import()` (a portal section, the whole kit's elements, the
 * summary's payment form) is reached through a file that only re-exports it. Without it, the
 * family chunk holding the module would build a namespace object for it, and every such chunk
 * would load the bundler's helper for that; with it, the browser's own module namespace serves.
 */
function lazyElementFacades(root = ROOT): Plugin {
  const elements = kitElements(root);
  const byFile = new Map(elements.map((element) => [join(root, element.file), element]));
  const byClass = new Map(elements.map((element) => [element.className, element]));
  return {
    name: 'bp-lazy-element-facades',
    enforce: 'pre',
    resolveId(source, importer, options) {
      const kind = (options as { kind?: string }).kind;
      if (kind !== 'dynamic-import' || !importer || !source.startsWith('.')) return null;
      // Named by class, not path: the chunk groups below match paths, and must not take it in.
      const element = byFile.get(resolve(dirname(importer), source));
      return element ? lazyElementModule(element.className) : null;
    },
    load(id) {
      const element = id.startsWith(`\0${LAZY}`) ? byClass.get(id.slice(LAZY.length + 1)) : undefined;
      return element ? `export { ${element.className} } from ${JSON.stringify(join(root, element.file))};\n` : null;
    },
  };
}

/** Vite's settings for the kit, into `outDir`. */
export function kitBuildConfig(outDir = join(ROOT, KIT_OUT_DIR)): InlineConfig {
  return {
    configFile: false,
    root: ROOT,
    plugins: [minifyTemplates(), elementEntries(), lazyElementFacades(), precompressKit()],
    build: {
      outDir,
      emptyOutDir: true,
      lib: { entry: kitEntries(), formats: ['es'] },
      minify: 'oxc',
      rolldownOptions: {
        // Entries export what their element's module exports, and may export more (grouped chunks).
        preserveEntrySignatures: 'allow-extension',
        output: {
          // Vite minifies an ES library's syntax but keeps its whitespace and names; a kit served
          // to browsers as it is wants all of it.
          minify: true,
          // Nor /* @__PURE__ */ marks: they tell a bundler what it may drop, and these files are
          // already tree-shaken.
          comments: { annotation: false },
          entryFileNames: '[name].js',
          chunkFileNames: `${CHUNKS_DIR}/[name]-[hash].js`,
          // What every data widget loads anyway (Lit, tokens and styles, the loading states, the
          // store's resources, formats) in one file rather than a dozen: each file is
          // gzipped alone, so small ones cost more than their bytes (see `npm run bench -- sizes`).
          codeSplitting: {
            groups: [
              { name: 'widget', test: WIDGET_CORE, priority: 2 },
              { name: 'fields-tables', test: FIELDS_AND_TABLES, priority: 1, includeDependenciesRecursively: false },
              ...FAMILIES.map(({ name, test }) => ({ name, test, priority: 1, includeDependenciesRecursively: false })),
            ],
          },
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
