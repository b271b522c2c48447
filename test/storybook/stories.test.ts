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

/** Opens a story alone (Storybook's iframe), waits for it to render, play and settle; `args`: `lang:fr;theme:dark`, as in its address. */
async function openStory(page: Page, id: string, args?: string): Promise<string> {
  await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story${args ? `&args=${args}` : ''}`);
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

// ---- controls: each story's element takes its attributes and properties from the args --------

/** The text a person reads in the story (through shadow roots), spaces folded. */
const STORY_TEXT = `(() => {
  const text = (node) => [...(node.shadowRoot ? node.shadowRoot.childNodes : []), ...node.childNodes]
    .map((c) => (c.nodeType === 3 ? c.textContent : c.nodeType === 1 && !['STYLE', 'SCRIPT'].includes(c.tagName) ? text(c) : '')).join(' ');
  return text(document.querySelector('#storybook-root')).replace(/\\s+/g, ' ');
})()`;

const storyText = (page: Page) => page.evaluate(STORY_TEXT) as Promise<string>;

interface SeenElement {
  /** A mark left on the element object: the same mark later means the same element. */
  mark: number;
  lang: string | null;
  theme: string | null;
  /** The element's text colour, which its theme sets. */
  color: string;
}
/** An element of the story, as the page sees it: its attributes and its surface. */
const seen = (page: Page, tag: string) => page.evaluate(describeElement(tag)) as Promise<SeenElement | null>;
const describeElement = (tag: string) => `(() => {
  const el = document.querySelector('#storybook-root ${tag}');
  if (!el) return null;
  el.__seen ??= Math.random();
  return { mark: el.__seen, lang: el.getAttribute('lang'), theme: el.getAttribute('theme'), color: getComputedStyle(el).color };
})()`;

/** Sets args as the Controls panel does: the preview's channel tells the story to re-render with them. */
async function updateArgs(page: Page, id: string, updatedArgs: Record<string, unknown>) {
  await page.evaluate(({ storyId, args }) => {
    (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit(event: string, payload: unknown): void } }).__STORYBOOK_ADDONS_CHANNEL__.emit('updateStoryArgs', { storyId, updatedArgs: args });
  }, { storyId: id, args: updatedArgs });
  await page.waitForTimeout(200);
  await page.evaluate(SETTLE);
}

describe('Storybook controls drive the element (args from the manifest)', { concurrency: 2 }, () => {
  const withPage = async (work: (page: Page, problems: string[]) => Promise<void>) => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    try {
      await work(page, problems);
      assert.deepEqual(problems, [], 'no console error');
    } finally {
      await page.close();
    }
  };

  test('args in the story’s address (&args=lang:fr;theme:dark) render the account summary in French, dark', () =>
    withPage(async (page) => {
      const id = 'widgets-bp-account-summary--populated';
      await openStory(page, id);
      const before = await seen(page, 'bp-account-summary');
      assert.ok((await storyText(page)).includes('Current Balance $452.78'), 'English, light, by default');
      await openStory(page, id, 'lang:fr;theme:dark');
      const text = await storyText(page);
      assert.match(text, /Solde actuel 452,78\s\$US/, text.slice(0, 300));
      assert.ok(!text.includes('Current Balance'));
      const after = (await seen(page, 'bp-account-summary'))!;
      assert.deepEqual([after.lang, after.theme], ['fr', 'dark']);
      assert.notEqual(after.color, before!.color, 'the dark theme’s text colour');
    }));

  test('a control changed (as the Controls panel does) re-renders the same element: lang, theme, then back, the story’s data kept', () =>
    withPage(async (page) => {
      const id = 'widgets-bp-usage-meter--populated';
      await openStory(page, id);
      const first = (await seen(page, 'bp-usage-meter'))!;
      assert.match(await storyText(page), /Current Usage/);
      await updateArgs(page, id, { lang: 'es', theme: 'dark' });
      const spanish = (await seen(page, 'bp-usage-meter'))!;
      assert.equal(spanish.mark, first.mark, 'the same element, re-rendered, not a new one');
      assert.deepEqual([spanish.lang, spanish.theme], ['es', 'dark']);
      assert.match(await storyText(page), /Consumo actual/);
      await updateArgs(page, id, { lang: undefined, theme: 'light' });
      const back = (await seen(page, 'bp-usage-meter'))!;
      assert.deepEqual([back.lang, back.theme], [null, 'light'], 'a control reset takes its attribute away');
      assert.match(await storyText(page), /Current Usage/, 'the page’s language again');
    }));

  test('a data property control: the account’s currency and name changed in `data` show at once', () =>
    withPage(async (page) => {
      const id = 'widgets-bp-account-summary--in-credit';
      await openStory(page, id);
      assert.match(await storyText(page), /\$25\.00 credit/);
      const data = await page.evaluate(() => (document.querySelector('#storybook-root bp-account-summary') as unknown as { data: { account: Record<string, unknown> } }).data);
      await updateArgs(page, id, { data: { ...data, account: { ...data.account, name: 'Renamed Harbor Cafe', currency: 'CAD' } } });
      const text = await storyText(page);
      assert.match(text, /Renamed Harbor Cafe/);
      assert.match(text, /CA\$25\.00 credit/, text.slice(0, 400));
    }));

  test('a boolean attribute (staff) and the portal’s account: each story keeps its fake API and state', () =>
    withPage(async (page) => {
      const thread = 'widgets-bp-ticket-thread--staff';
      await openStory(page, thread);
      assert.match(await storyText(page), /Assign to me/, 'the staff’s tools');
      await openStory(page, thread, 'staff:!false');
      assert.equal(await page.evaluate(`document.querySelector('#storybook-root bp-ticket-thread').hasAttribute('staff')`), false);
      assert.doesNotMatch(await storyText(page), /Assign to me/, 'the customer’s view');

      const portal = 'elements-bp-portal--head-office';
      await openStory(page, portal);
      assert.match(await storyText(page), /Account # C200100 /, 'the head office’s own account first');
      await openStory(page, portal, 'account:C200101');
      assert.equal(await page.evaluate(`document.querySelector('#storybook-root bp-portal').getAttribute('account')`), 'C200101');
      assert.match(await storyText(page), /Account # C200101 Account Name Cascade Outdoor Supply — Portland/, 'the location the control names');
      const loading = 'widgets-bp-invoice-list--loading';
      await openStory(page, loading, 'lang:fr');
      assert.match(await storyText(page), /Chargement/, 'still loading, in French');
    }));

  test('the Controls panel of the Storybook page: choosing dark and Français re-renders the story in its frame', () =>
    withPage(async (page) => {
      await page.setViewportSize({ width: 1400, height: 1000 });
      await page.goto(`${origin}/?path=/story/widgets-bp-account-summary--populated`);
      const frame = page.frameLocator('#storybook-preview-iframe');
      await frame.locator('bp-account-summary').getByText('Current Balance').waitFor({ timeout: 15_000 });
      await page.locator('input[name="control-theme"][value="dark"]').check();
      await page.locator('select#control-lang').selectOption('fr');
      const summary = frame.locator('#storybook-root bp-account-summary');
      await summary.getByText('Solde actuel').waitFor({ timeout: 10_000 });
      assert.equal(await summary.getAttribute('theme'), 'dark');
      assert.equal(await summary.getAttribute('lang'), 'fr');
      assert.match(page.url(), /args=.*lang:fr/, 'the address keeps the changed controls');
    }));
});
