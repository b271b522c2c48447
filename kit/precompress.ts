/**
 * The kit's files gzipped once, when the kit is built, with zopfli: standard gzip that any
 * browser decodes, about 3% smaller than zlib's best level. The build writes each file's gzip
 * beside it (`account-summary.js.gz`), the portal server sends those bytes to browsers that take
 * gzip (server/http/static-files.ts, after checking they are the file's), and
 * `npm run bench -- sizes` counts them (kit/sizes.ts): one function makes all three agree.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { PRECOMPRESSED_SUFFIX } from '../server/http/static-files.ts';

/**
 * Zopfli's passes per block. Measured on the kit (45 files, 423 KB, the chart chunk 161 KB): 1
 * pass is 2.92% smaller than zlib -9 in 1.3 s, 5 passes 3.04% in 1.5 s, 15 (zopfli's default)
 * 3.06% in 2.0 s, 50 3.09% in 3.8 s. Past 5, each 0.1 s buys a few bytes of the whole kit.
 */
export const ZOPFLI_ITERATIONS = 5;

type Zopfli = typeof import('@gfx/zopfli');
let zopfli: Promise<Zopfli> | undefined;

/**
 * @gfx/zopfli, loaded when first used. Its Emscripten glue adds process-wide handlers when it
 * loads: an uncaught error is thrown again (printing the whole glue's source) and an unhandled
 * rejection aborts. They are taken off again, so a process that builds the kit (the tests, the
 * bench) keeps Node's own handling of its errors.
 */
function loadZopfli(): Promise<Zopfli> {
  zopfli ??= (async () => {
    const uncaught = process.listeners('uncaughtException');
    const unhandled = process.listeners('unhandledRejection');
    const module = await import('@gfx/zopfli');
    for (const listener of process.listeners('uncaughtException')) if (!uncaught.includes(listener)) process.off('uncaughtException', listener);
    for (const listener of process.listeners('unhandledRejection')) if (!unhandled.includes(listener)) process.off('unhandledRejection', listener);
    return module;
  })();
  return zopfli;
}

/** A kit file as browsers get it: gzipped by zopfli (the same bytes for the same file, every time). */
export async function gzipKitFile(content: string | Uint8Array): Promise<Uint8Array> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return (await loadZopfli()).gzipAsync(bytes, { numiterations: ZOPFLI_ITERATIONS });
}

/**
 * Writes `<file>.gz` beside each file the build wrote (entries, chunks, and any asset or source
 * map), read back from the disk so that it is the gzip of exactly what is there.
 */
export function precompressKit(): Plugin {
  return {
    name: 'bp-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir;
      if (!dir) throw new Error('bp-precompress: the build writes no folder');
      for (const fileName of Object.keys(bundle)) {
        const file = join(dir, fileName);
        await writeFile(file + PRECOMPRESSED_SUFFIX, await gzipKitFile(await readFile(file)));
      }
    },
  };
}
