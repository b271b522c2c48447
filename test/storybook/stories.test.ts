import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { storybookCardFrame } from '../../.storybook/card-frame-plugin.ts';
import { freePort } from '../server/e2e-fixture.ts';
import { builtStorybook, type BuiltStorybook } from './built-storybook.ts';

/**
 * Every story of the built Storybook (`npm run build-storybook`), opened in Chromium as a
 * designer opens it: the story must render with no console error or uncaught exception, and
 * axe (WCAG 2.2 A and AA) must find no violation in it, in light and dark, at every width.
 * Known failures owned by other work are listed in KNOWN with the rule; a listed story that
 * passes fails the test too, so the list only shrinks.
 */

/** Story id → the axe rule it still fails, and whose work fixes it. */
const KNOWN: Record<string, { rule: string; owner: string }> = {};

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// Built before the tests are declared: each story is a test of its own.
const storybook: BuiltStorybook = builtStorybook();
let server: ReturnType<typeof serve>;
let origin: string;
let browser: Browser;

before(async () => {
  const app = new Hono();
  app.route('/', storybookCardFrame());
  // Storybook's pages name no icon, so the browser asks for /favicon.ico; its icon is an SVG.
  app.get('/favicon.ico', (c) => c.redirect('/favicon.svg'));
  app.use('/*', serveStatic({ root: storybook.relativeDir }));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = serve({ hostname: '127.0.0.1', port, fetch: app.fetch });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});

after(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
  storybook?.cleanup();
});

// A string, not a function: tsx would wrap the named helper in a `__name` call the page lacks.
const SETTLE = `(async () => {
  const elements = (root) => [...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el, ...elements(el.shadowRoot)] : [el]));
  for (let round = 0; round < 3; round++) {
    await new Promise((settle) => setTimeout(settle, 100));
    const all = elements(document);
    await Promise.all(all.map((el) => el.updateComplete));
    // Frames (the card frame) loaded, so axe sees what a person would.
    await Promise.all(all.filter((el) => el.localName === 'iframe' && el.contentDocument?.readyState !== 'complete')
      .map((frame) => new Promise((loaded) => { frame.addEventListener('load', loaded, { once: true }); setTimeout(loaded, 3000); })));
  }
})()`;

/** Opens a story alone (Storybook's iframe), waits for it to render, play and settle. */
async function openStory(page: Page, id: string): Promise<string> {
  await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`);
  const phase = await page.waitForFunction(
    () => {
      const render = (window as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__?.currentRender;
      return ['completed', 'finished', 'errored', 'aborted'].includes(render?.phase ?? '') && render!.phase;
    },
    undefined,
    { timeout: 15_000, polling: 50 },
  );
  // The elements' own work after the story's: fake API answers, Lit updates, the card frame.
  await page.evaluate(SETTLE);
  return String(await phase.jsonValue());
}

async function axeViolations(page: Page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe.run(
      { include: ['#storybook-root'] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] },
    ),
  );
  return results.violations.map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`) }));
}

describe('every story of the built Storybook', { concurrency: 3 }, () => {
  const ids = storybook.storyIds;
  test('the build lists every stories file', () => {
    assert.ok(ids.length >= 100, `${ids.length} stories`);
  });
  for (const id of ids) {
    test(id, async () => {
      const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
      try {
        const phase = await openStory(page, id);
        assert.ok(['completed', 'finished'].includes(phase), `the story ${phase} (its play function or render threw)`);
        assert.deepEqual(problems, [], 'no console error');
        const violations = await axeViolations(page);
        const known = KNOWN[id];
        if (known) {
          assert.ok(violations.some((v) => v.rule === known.rule), `${id} passes ${known.rule} now: take it off KNOWN`);
          assert.deepEqual(violations.filter((v) => v.rule !== known.rule), [], 'no other violation');
        } else {
          assert.deepEqual(violations, [], 'no axe violation');
        }
      } finally {
        await page.close();
      }
    });
  }
});
