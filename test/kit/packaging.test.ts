import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { KIT_NAME, ROOT, kitElements, tagsRegisteredBy } from '../../kit/elements.ts';
import { gzipKitFile } from '../../kit/precompress.ts';
import { measureKit } from '../../kit/sizes.ts';
import { KIT_VERSION, withSite } from '../../server/site.ts';
import { freePort } from '../server/e2e-fixture.ts';
import { consumerProject, type ConsumerProject } from './package-fixture.ts';

/**
 * The kit as a developer installs it: each element on its own entry (registering itself and the
 * elements it renders, nothing else), the whole kit on the package's main entry, in a plain page
 * (`<script type="module">` from the portal) and through a bundler, and TypeScript declarations a
 * consumer's project compiles against.
 */

const elements = kitElements();
let project: ConsumerProject;
let origin: string;
/** A plain page with module scripts (the site is read when the server starts: written before it). */
const PLAIN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>plain</title>
  <script type="module" src="/kit/${KIT_VERSION}/usage-meter.js"></script>
  <script type="module" src="/kit/${KIT_VERSION}/invoice-list.js"></script>
  <script type="module" src="/kit/${KIT_VERSION}/${KIT_NAME}.js"></script></head>
  <body><bp-usage-meter></bp-usage-meter></body></html>`;

let server: ReturnType<typeof serve>;
let browser: Browser;

before(async () => {
  project = await consumerProject({ types: true });
  const site = join(project.kitDir, '..');
  project.write('node_modules/billing-portal-kit/dist/blank.html', '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>blank</title></head><body></body></html>');
  project.write('node_modules/billing-portal-kit/dist/plain.html', PLAIN_PAGE);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = serve({ hostname: '127.0.0.1', port, fetch: withSite(new Hono(), { siteDir: site, allowedOrigins: new Set([origin]) }) });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
});

after(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
  project?.cleanup();
});

/**
 * A fresh page of the portal's origin that fails the test on any console error, uncaught error
 * or failed request; except the API's: this origin has none, and a portal or provider put in the
 * page asks it who is signed in.
 */
async function blankPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => r.status() >= 400 && !new URL(r.url()).pathname.startsWith('/api/') && problems.push(`${r.status()} ${r.url()}`));
  await page.goto(`${origin}/blank.html`);
  return { page, problems };
}

/** Imports the versioned entries in order; answers which elements are defined then, and whether each entry exports the class defined for its tag. */
function importEntries(page: Page, names: string[]) {
  const urls = names.map((n) => `/kit/${KIT_VERSION}/${n}.js`);
  const tags = elements.map((e) => e.tag);
  return page.evaluate(
    async ({ urls, tags }) => {
      const modules: Record<string, unknown>[] = [];
      for (const url of urls) modules.push(await import(url));
      const defined = tags.filter((tag) => customElements.get(tag));
      const exported = defined.filter((tag) => modules.some((m) => Object.values(m).includes(customElements.get(tag))));
      return { defined, exported };
    },
    { urls, tags },
  );
}

describe('each element on its own entry', () => {
  for (const element of elements) {
    test(`billing-portal-kit/${element.name} registers <${element.tag}> and only what it renders`, async () => {
      const { page, problems } = await blankPage();
      const { defined, exported } = await importEntries(page, [element.name]);
      const expected = tagsRegisteredBy(element.file);
      assert.ok(expected.includes(element.tag));
      assert.deepEqual(defined, expected, `importing ${element.name}.js registers ${expected.join(', ')} and none of the other ${elements.length - expected.length}`);
      assert.ok(exported.includes(element.tag), `${element.name}.js exports the class of <${element.tag}>`);
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});

/** Puts one of each tag in the page (or in a shadow root of the page's own); answers which are defined once `wait` ms pass or all are. */
function useEveryElement(page: Page, where: 'document' | 'shadow root', wait = 5000) {
  const tags = elements.map((e) => e.tag);
  return page.evaluate(
    async ({ tags, where, wait }) => {
      const holder = document.createElement('div');
      document.body.append(holder);
      const root = where === 'document' ? holder : holder.attachShadow({ mode: 'open' });
      for (const tag of tags) root.append(document.createElement(tag));
      if (where === 'shadow root') {
        const kit = (await import(`/kit/${(window as unknown as { kitVersion: string }).kitVersion}/billing-portal-kit.js`)) as { registerElementsIn(root: ShadowRoot): Promise<void> };
        await kit.registerElementsIn(root as ShadowRoot);
      }
      const all = Promise.all(tags.map((tag) => customElements.whenDefined(tag)));
      await Promise.race([all, new Promise((done) => setTimeout(done, wait))]);
      return tags.filter((tag) => customElements.get(tag));
    },
    { tags, where, wait },
  );
}

/** The kit's files a page downloaded (under /kit/<version>/), with their bytes on the wire. */
function downloadedKitFiles(page: Page) {
  return page.evaluate((prefix) =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => e.name.includes(prefix))
      .map((e) => ({ file: e.name.slice(e.name.indexOf(prefix) + prefix.length), bytes: e.encodedBodySize, decoded: e.decodedBodySize })),
  `/kit/${KIT_VERSION}/`);
}

describe('the whole kit', () => {
  test('billing-portal-kit registers every element in components/, each when the page first uses it', async () => {
    const { page, problems } = await blankPage();
    const { defined } = await importEntries(page, [KIT_NAME]);
    assert.deepEqual(defined, [], 'nothing is registered, nor its code loaded, before the page uses it');
    const tags = await page.evaluate(async (url) => ((await import(url)) as { KIT_TAGS: string[] }).KIT_TAGS, `/kit/${KIT_VERSION}/${KIT_NAME}.js`);
    assert.deepEqual([...tags].sort(), elements.map((e) => e.tag), 'components/index.ts knows every element');
    assert.deepEqual(await useEveryElement(page, 'document'), elements.map((e) => e.tag), 'each tag put in the page is registered');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('elements in a shadow root of the page’s own are registered once the page hands the root to registerElementsIn', async () => {
    const { page, problems } = await blankPage();
    await page.evaluate((version) => ((window as unknown as { kitVersion: string }).kitVersion = version), KIT_VERSION);
    assert.deepEqual(await useEveryElement(page, 'shadow root'), elements.map((e) => e.tag));
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('single entries and the whole kit on one page share their code: nothing is defined twice', async () => {
    const { page, problems } = await blankPage();
    await importEntries(page, ['usage-meter', 'account-summary', KIT_NAME, 'invoice-list']);
    assert.deepEqual(await useEveryElement(page, 'document'), elements.map((e) => e.tag));
    assert.deepEqual(problems, [], 'no "already been used with this registry" error');
    await page.close();
  });

  test('a page that loads the whole kit downloads the files, and the gzipped bytes, npm run bench -- sizes counts: the entry, then what it shows', async () => {
    const { page, problems } = await blankPage();
    const kit = await measureKit();
    await importEntries(page, [KIT_NAME]);
    const counted = kit.entry(KIT_NAME);
    let downloaded = await downloadedKitFiles(page);
    assert.deepEqual(downloaded.map((d) => d.file).sort(), [...counted.files].sort(), 'the same files (no element, no language, no chart)');
    assert.equal(downloaded.reduce((sum, d) => sum + d.bytes, 0), counted.gzip, 'the same bytes: the server sends them gzipped as counted');
    for (const { file, bytes } of downloaded) assert.equal(bytes, statSync(join(project.kitDir, `${file}.gz`)).size, `${file}: the .gz the build wrote beside it`);
    assert.ok(counted.gzip < downloaded.reduce((sum, d) => sum + d.decoded, 0) / 2, 'compressed');

    await page.evaluate(() => document.body.append(document.createElement('bp-usage-meter')));
    await page.evaluate(() => customElements.whenDefined('bp-usage-meter'));
    const showing = kit.wholeKitShowing(['bp-usage-meter']);
    downloaded = await downloadedKitFiles(page);
    assert.deepEqual(downloaded.map((d) => d.file).sort(), [...showing.files].sort(), 'then the meter’s code, as counted');
    assert.equal(downloaded.reduce((sum, d) => sum + d.bytes, 0), showing.gzip);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the build writes beside each file its gzip (zopfli, kit/precompress.ts), which decodes to it', async () => {
    const written = readdirSync(project.kitDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    assert.ok(written.length > 20);
    for (const file of written) {
      const gz = readFileSync(join(project.kitDir, `${file}.gz`));
      assert.deepEqual(gunzipSync(gz), readFileSync(join(project.kitDir, file)), file);
    }
    const [chunk] = written.filter((f) => f.startsWith('chunks/widget-'));
    assert.ok(chunk, 'the widget chunk');
    assert.deepEqual(new Uint8Array(readFileSync(join(project.kitDir, `${chunk}.gz`))), await gzipKitFile(readFileSync(join(project.kitDir, chunk))), 'the same bytes as the shared function makes');
  });

  test('a plain page loads elements with <script type="module"> tags, and they render', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${origin}/plain.html`);
    // Upgraded and rendered: its heading is in its shadow root (alone, with no provider, it loads nothing).
    await page.locator('bp-usage-meter').getByRole('heading', { name: 'Current Usage' }).waitFor({ timeout: 5000 });
    // One base path per page: the same chunk at two addresses would be two modules, each defining the elements.
    await page.evaluate(() => document.body.append(document.createElement('bp-portal')));
    const defined = page.evaluate(() => customElements.whenDefined('bp-portal').then(() => true));
    assert.equal(await Promise.race([defined, new Promise((done) => setTimeout(() => done(false), 5000))]), true, 'the whole kit, loaded beside the single entries, registers what the page adds');
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('in a TypeScript project', () => {
  const consumer = `
import { BpAccountSummary, BpPaymentSuccessEvent, createApiClient, type ApiClient } from 'billing-portal-kit';
import { BpUsageMeter } from 'billing-portal-kit/usage-meter';
import type { BpTicketThread } from 'billing-portal-kit/ticket-thread';

// The tag map: createElement and querySelector know each element's class.
const summary: BpAccountSummary = document.createElement('bp-account-summary');
summary.accountNumber = 'C123456';
summary.theme = 'dark';
const meter: BpUsageMeter | null = document.querySelector('bp-usage-meter');
const thread = document.createElement('bp-ticket-thread') satisfies BpTicketThread;
thread.ticketNumber = 282;
thread.staff = true;
const provider = document.createElement('bp-provider');
provider.sessionToken = 'token-from-the-reseller-backend';
provider.fetcher = fetch;

// The event map: a listener gets the event's class and its typed detail.
summary.addEventListener('bp-payment-success', (event) => {
  const e: BpPaymentSuccessEvent = event;
  const cents: number = e.detail.payment.amount;
  console.log(cents);
});
document.createElement('bp-invoice-list').addEventListener('bp-invoice-open', (e) => console.log(e.detail.invoice.number));

// The API client is typed from the portal's routes.
const client: ApiClient = createApiClient({ apiBase: 'https://portal.example.com' });
void client.api.v1.accounts[':number'].summary.$get({ param: { number: 'C123456' } });

// Wrong uses do not compile (each line below must be an error).
// @ts-expect-error an account number is a string
summary.accountNumber = 123456;
// @ts-expect-error theme is light, dark or auto
summary.theme = 'purple';
// @ts-expect-error a ticket number is a number
thread.ticketNumber = '282';
// @ts-expect-error the payment event carries a payment, not an invoice
summary.addEventListener('bp-payment-success', (e) => e.detail.invoice);
// @ts-expect-error the whole kit gives the classes as types: a class itself is on its own entry
customElements.define('my-summary', class extends BpAccountSummary {});
// @ts-expect-error no such element
import { BpNoSuchElement } from 'billing-portal-kit/no-such-element';
console.log(meter, BpNoSuchElement);
`;

  for (const resolution of ['Bundler', 'NodeNext'] as const) {
    test(`compiles against the declarations (moduleResolution ${resolution}, strict, library files checked)`, () => {
      project.write('main.ts', consumer);
      project.write('package.json', JSON.stringify({ name: 'reseller-site', private: true, type: 'module' }));
      const module = resolution === 'Bundler' ? 'ESNext' : 'NodeNext';
      project.write(
        'tsconfig.json',
        JSON.stringify({
          compilerOptions: { target: 'ES2022', module, moduleResolution: resolution, lib: ['ES2023', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, skipLibCheck: false, types: [] },
          files: ['main.ts'],
        }),
      );
      try {
        execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project.dir], { encoding: 'utf8' });
      } catch (err) {
        assert.fail(`tsc failed:\n${(err as { stdout?: string }).stdout}`);
      }
    });
  }
});

describe('in a bundler', () => {
  // The meter comes in one file with the account summary that shows it (kit/build.ts, FAMILIES): not with anything else.
  test('`import "billing-portal-kit/usage-meter"` bundles the meter and not the rest of the kit', async () => {
    project.write('meter-page.js', "import { BpUsageMeter } from 'billing-portal-kit/usage-meter';\nconsole.log(BpUsageMeter.name);\n");
    const result = await build({
      configFile: false,
      root: project.dir,
      logLevel: 'silent',
      build: { write: false, lib: { entry: join(project.dir, 'meter-page.js'), formats: ['es'], fileName: 'meter-page' } },
    });
    const code = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : [])).map((c) => ('code' in c ? c.code : '')).join('\n');
    assert.match(code, /bp-usage-meter/);
    for (const other of ['bp-ticket-queue', 'bp-portal', 'bp-invoice-list', 'bp-reports', 'bp-ticket-form']) assert.doesNotMatch(code, new RegExp(`"${other}"|'${other}'`), `${other} is not in the bundle`);
  });
});
