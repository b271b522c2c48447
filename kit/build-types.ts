/**
 * `npm run build:types`: the kit's TypeScript declarations. tsc writes the components' .d.ts
 * (with the HTMLElementTagNameMap and HTMLElementEventMap entries the modules declare) into
 * types/ of the kit's folder, and each entry gets a .d.ts beside its .js (`account-summary.d.ts`),
 * which is what package.json's `exports` point at. The API client's types, inferred from the
 * server's routes, are written out in the components' declarations, so the server's own .d.ts
 * that tsc writes on the way are dropped.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { KIT_OUT_DIR } from './build.ts';
import { KIT_INDEX, KIT_NAME, ROOT, kitElements } from './elements.ts';

export function buildTypes(outDir = join(ROOT, KIT_OUT_DIR)): void {
  const types = join(outDir, 'types');
  rmSync(types, { recursive: true, force: true });
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.kit.json'), '--outDir', types], { stdio: 'inherit' });
  for (const dir of readdirSync(types)) if (dir !== 'components') rmSync(join(types, dir), { recursive: true, force: true });
  const reexport = (file: string) => `export * from './types/${file}';\n`;
  writeFileSync(join(outDir, `${KIT_NAME}.d.ts`), reexport(KIT_INDEX));
  for (const element of kitElements()) writeFileSync(join(outDir, `${element.name}.d.ts`), reexport(element.file));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildTypes();
  console.log(`Declarations of the kit and its ${kitElements().length} elements in ${KIT_OUT_DIR}/.`);
}
