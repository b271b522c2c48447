/**
 * What a page downloads for an entry of the kit, from a real build (kit/build.ts): the entry's
 * file and every chunk it imports statically, each gzipped alone as the portal server sends it:
 * with the function the build writes each file's `.gz` with (kit/precompress.ts, zopfli), those
 * `.gz` being what the server sends (server/site.ts; test/server/kit-serving.test.ts checks the
 * server's reply, test/kit/packaging.test.ts what Chromium downloads). Chunks loaded with `import()` (charts,
 * languages) are counted apart: a page pays for them only when it shows one.
 */
import type { Rolldown } from 'vite';
import { buildKit, lazyElementModule } from './build.ts';
import { KIT_NAME, kitElements } from './elements.ts';
import { gzipKitFile } from './precompress.ts';

/** Chart code: a module whose path names a chart (components/charts/, usage-chart.ts, a charting library). */
export const isChartModule = (id: string) => /chart/i.test(id);

export interface EntrySize {
  /** Bytes gzipped of the entry and its static imports. */
  gzip: number;
  /** The files counted. */
  files: string[];
  /** Chart modules among them (should be none). */
  chartModules: string[];
}

export interface KitSizes {
  entry(name: string): EntrySize;
  /**
   * What a page that loads the whole kit (`billing-portal-kit.js`) downloads to show these
   * elements: the kit's entry, and the code the kit loads for each on its first use.
   */
  wholeKitShowing(tags: string[]): EntrySize;
  /** Chunks only ever imported with `import()`, and the chart modules in them. */
  lazyChunks: { file: string; gzip: number; chartModules: string[] }[];
}

export async function measureKit(): Promise<KitSizes> {
  const chunks = await buildKit({ write: false });
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const gzipped = new Map<string, number>();
  for (const c of chunks) gzipped.set(c.fileName, (await gzipKitFile(c.code)).byteLength);
  const gzip = (c: Rolldown.OutputChunk) => gzipped.get(c.fileName)!;
  const charts = (c: Rolldown.OutputChunk) => c.moduleIds.filter(isChartModule);

  const staticClosure = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const dep of byFile.get(file)?.imports ?? []) staticClosure(dep, seen);
    return seen;
  };
  const staticallyReached = new Set(chunks.filter((c) => c.isEntry).flatMap((c) => [...staticClosure(c.fileName)]));

  const sizeOf = (files: Iterable<string>): EntrySize => {
    const counted = [...new Set(files)].map((f) => byFile.get(f)!);
    return { gzip: counted.reduce((sum, c) => sum + gzip(c), 0), files: counted.map((c) => c.fileName), chartModules: counted.flatMap(charts) };
  };
  const entryFile = (name: string) => {
    const entry = chunks.find((c) => c.isEntry && c.name === name);
    if (!entry) throw new Error(`no entry ${name} in the kit`);
    return entry.fileName;
  };
  const classNames = new Map(kitElements().map((e) => [e.tag, e.className]));
  const lazyCodeFile = (tag: string) => {
    const id = lazyElementModule(classNames.get(tag) ?? '');
    const chunk = chunks.find((c) => c.moduleIds.includes(id));
    if (!chunk) throw new Error(`the whole kit does not load <${tag}> on its own`);
    return chunk.fileName;
  };

  return {
    entry: (name) => sizeOf(staticClosure(entryFile(name))),
    wholeKitShowing: (tags) => sizeOf([entryFile(KIT_NAME), ...tags.map(lazyCodeFile)].flatMap((file) => [...staticClosure(file)])),
    lazyChunks: chunks.filter((c) => !staticallyReached.has(c.fileName)).map((c) => ({ file: c.fileName, gzip: gzip(c), chartModules: charts(c) })),
  };
}
