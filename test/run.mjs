#!/usr/bin/env node
// `npm test`: type check, server tests (node --test), browser tests (web-test-runner in
// Chromium). Ends with one plain line "N passed, N failed" for the whole run and exits
// non-zero on any failure. `npm test -- server` (or browser, storybook, types) runs one part.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
const work = mkdtempSync(join(tmpdir(), 'bp-test-'));

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => join(dir, f));
}

/** Runs a command with the terminal; returns its exit status. */
function run(title, command, args, env = {}) {
  console.log(`\n=== ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function counts(file, status) {
  const parsed = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8').trim() || '{}') : {};
  const passed = parsed.passed ?? 0;
  let failed = parsed.failed ?? 0;
  // A runner that failed without reporting a failed test (crash, bad config) still fails the run.
  if (status !== 0 && failed === 0) failed = 1;
  return { passed, failed };
}

const parts = {
  types() {
    const status = run('Type check (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', '.']);
    return status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  },
  server() {
    // The kit's packaging tests build and load the kit in Node and Chromium as the server tests do.
    const files = [...testFiles('test/server'), ...testFiles('test/kit')];
    if (!files.length) return { passed: 0, failed: 0 };
    const out = join(work, 'server.json');
    const status = run('Server and kit tests (node --test)', process.execPath, [
      '--import', 'tsx', '--test', '--test-concurrency=2',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=./test/node-test-counts.mjs', `--test-reporter-destination=${out}`,
      ...files,
    ]);
    return counts(out, status);
  },
  browser() {
    if (!testFiles('test/components').length) return { passed: 0, failed: 0 };
    const out = join(work, 'browser.json');
    const status = run('Browser tests (web-test-runner, Chromium)', bin('web-test-runner'), [], { BP_TEST_COUNTS_FILE: out });
    return counts(out, status);
  },
  // Builds Storybook once (about 15 s) and opens each story in Chromium; after the others, so
  // its load does not slow the server tests' timeouts.
  storybook() {
    const files = testFiles('test/storybook');
    if (!files.length) return { passed: 0, failed: 0 };
    const out = join(work, 'storybook.json');
    const status = run('Storybook stories (built, each opened in Chromium with axe)', process.execPath, [
      '--import', 'tsx', '--test',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=./test/node-test-counts.mjs', `--test-reporter-destination=${out}`,
      ...files,
    ]);
    return counts(out, status);
  },
};

const wanted = process.argv.slice(2).filter((a) => a in parts);
let passed = 0;
let failed = 0;
for (const name of wanted.length ? wanted : Object.keys(parts)) {
  const result = parts[name]();
  passed += result.passed;
  failed += result.failed;
}
rmSync(work, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
