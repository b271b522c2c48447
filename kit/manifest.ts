/**
 * The custom elements manifest made in memory, as `npm run analyze` writes custom-elements.json
 * (same config: custom-elements-manifest.config.mjs): for Storybook's docs and controls and for
 * the docs test, so neither reads a stale file.
 */
import type { Package } from 'custom-elements-manifest/schema';
// @ts-expect-error The analyzer's CLI module has no type declarations.
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { ROOT } from './elements.ts';

export async function analyzeKit(root = ROOT): Promise<Package> {
  return (await cli({ argv: ['analyze', '--quiet'], cwd: root, noWrite: true })) as Package;
}
