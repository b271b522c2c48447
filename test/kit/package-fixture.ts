import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildKit, KIT_OUT_DIR } from '../../kit/build.ts';
import { buildTypes } from '../../kit/build-types.ts';
import { ROOT } from '../../kit/elements.ts';

/**
 * A project of a reseller's developer, in a temporary folder, with the kit installed in its
 * node_modules as npm would install the package: package.json (its `exports`, `types`) and the
 * built dist/kit/ (scripts and declarations). The kit's own dependencies (lit's and hono's types,
 * which the declarations name) resolve from the kit's node_modules, as they would be installed
 * beside it. `links` are other packages the project has (react, react-dom).
 */
export interface ConsumerProject {
  dir: string;
  /** The installed kit's dist/kit/. */
  kitDir: string;
  write(file: string, text: string): string;
  cleanup(): void;
}

export async function consumerProject(options: { types?: boolean; links?: string[] } = {}): Promise<ConsumerProject> {
  const dir = mkdtempSync(join(tmpdir(), 'bp-consumer-'));
  const installed = join(dir, 'node_modules', 'billing-portal-kit');
  const kitDir = join(installed, KIT_OUT_DIR);
  mkdirSync(installed, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const { name, version, type, exports, types, customElements, files, dependencies } = pkg;
  writeFileSync(join(installed, 'package.json'), JSON.stringify({ name, version, type, exports, types, customElements, files, dependencies }, null, 2));
  symlinkSync(join(ROOT, 'node_modules'), join(installed, 'node_modules'), 'dir');
  await buildKit({ outDir: kitDir });
  if (options.types) buildTypes(kitDir);
  for (const link of options.links ?? []) {
    mkdirSync(dirname(join(dir, 'node_modules', link)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', link), join(dir, 'node_modules', link), 'dir');
  }
  return {
    dir,
    kitDir,
    write(file, text) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
      return join(dir, file);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Copies a built kit folder (for serving it as dist/kit/ of a site). */
export const copyKit = (from: string, to: string) => cpSync(from, to, { recursive: true });
