import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export interface BuiltStorybook {
  dir: string;
  /** `dir` relative to the working directory (what serveStatic takes). */
  relativeDir: string;
  /** The ids of the stories (not the docs pages), from the build's index.json. */
  storyIds: string[];
  cleanup(): void;
}

/**
 * Storybook as `npm run build-storybook` builds it (offline: telemetry off, nothing fetched),
 * into a temporary folder; or the build in STORYBOOK_DIR, when one was made already.
 */
export function builtStorybook(): BuiltStorybook {
  const given = process.env.STORYBOOK_DIR;
  const dir = given ? resolve(given) : mkdtempSync(join(tmpdir(), 'bp-storybook-'));
  if (!given) {
    const build = spawnSync('npm', ['run', 'build-storybook', '--', '--output-dir', dir, '--quiet'], { encoding: 'utf8', env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } });
    if (build.status !== 0) throw new Error(`npm run build-storybook failed:\n${build.stdout}\n${build.stderr}`);
  }
  const index = join(dir, 'index.json');
  if (!existsSync(index)) throw new Error(`no Storybook build in ${dir}`);
  const entries = Object.values(JSON.parse(readFileSync(index, 'utf8')).entries as Record<string, { id: string; type: string }>);
  return {
    dir,
    relativeDir: relative(process.cwd(), dir) || '.',
    storyIds: entries.filter((e) => e.type === 'story').map((e) => e.id),
    cleanup: () => given || rmSync(dir, { recursive: true, force: true }),
  };
}
