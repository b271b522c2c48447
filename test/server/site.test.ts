import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { UNVERSIONED_CACHE, withSite } from '../../server/site.ts';
import { PORTAL, RESELLER, testApp } from './helpers.ts';

/**
 * The built site as the server serves it (server/site.ts): read into memory at start, the pages
 * under the app's secure headers, the kit with CORS for allowed origins, each with an ETag that
 * answers 304, and hashed assets cached for good.
 */
describe('the built site, from memory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-site-'));
  const files = {
    'index.html': '<!doctype html><title>Portal</title><script type="module" src="/assets/portal-DY_D2k7x.js"></script>',
    'reseller.html': '<!doctype html><title>Reseller</title>',
    'assets/portal-DY_D2k7x.js': 'console.log("portal");',
    'kit/billing-portal-kit.js': 'export const kit = true;',
    'help/index.html': '<!doctype html><title>Help</title>',
  };
  // Made ahead of time, beside the file (as the kit's build does): not zlib's bytes, to tell them apart.
  const ASSET_GZ = gzipSync(files['assets/portal-DY_D2k7x.js'], { level: 1 });
  let site: (request: Request) => Response | Promise<Response>;
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => site(new Request(`${PORTAL}${path}`, { method, headers }));

  before(async () => {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    writeFileSync(join(dir, 'assets/portal-DY_D2k7x.js.gz'), ASSET_GZ);
    const t = await testApp();
    site = withSite(t.app, { siteDir: dir, allowedOrigins: new Set([PORTAL, RESELLER]) });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a page: its bytes, type, length, ETag, revalidated each time, under the CSP and the secure headers', async () => {
    for (const path of ['/', '/index.html']) {
      const page = await get(path);
      assert.equal(page.status, 200, path);
      assert.equal(await page.text(), files['index.html']);
      assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal(page.headers.get('content-length'), String(Buffer.byteLength(files['index.html'])));
      assert.match(page.headers.get('etag') ?? '', /^"[\w-]{22}"$/);
      assert.equal(page.headers.get('cache-control'), 'no-cache');
      assert.ok(page.headers.get('last-modified'));
      assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
      assert.equal(page.headers.get('x-frame-options'), 'SAMEORIGIN');
      assert.equal(page.headers.get('cross-origin-resource-policy'), 'same-origin');
    }
    assert.equal(await (await get('/help/')).text(), files['help/index.html'], "a folder's index page");
    assert.equal(await (await get('/help')).text(), files['help/index.html']);
    assert.notEqual((await get('/reseller.html')).headers.get('etag'), (await get('/')).headers.get('etag'), 'an ETag per content');
  });

  test('If-None-Match with its ETag answers 304 without a body, with the same headers to keep', async () => {
    const etag = (await get('/')).headers.get('etag')!;
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await get('/', { 'If-None-Match': ifNoneMatch });
      assert.equal(again.status, 304, ifNoneMatch);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), etag);
      assert.equal(again.headers.get('cache-control'), 'no-cache');
      assert.match(again.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    }
    const changed = await get('/', { 'If-None-Match': '"something-else"' });
    assert.equal(changed.status, 200);
    assert.equal(await changed.text(), files['index.html']);
  });

  test('a hashed asset is cached for a year, immutable; the kit at an unversioned path for five minutes, shared with allowed origins only', async () => {
    const asset = await get('/assets/portal-DY_D2k7x.js');
    assert.equal(asset.status, 200);
    assert.equal(asset.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');

    const kit = await get('/lib/billing-portal-kit.js', { Origin: RESELLER });
    assert.equal(await kit.text(), files['kit/billing-portal-kit.js']);
    assert.equal(kit.headers.get('cache-control'), UNVERSIONED_CACHE);
    assert.equal(kit.headers.get('access-control-allow-origin'), RESELLER);
    assert.equal(kit.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(kit.headers.get('x-content-type-options'), 'nosniff');
    const cached = await get('/lib/billing-portal-kit.js', { Origin: RESELLER, 'If-None-Match': kit.headers.get('etag')! });
    assert.equal(cached.status, 304);
    assert.equal(cached.headers.get('cache-control'), UNVERSIONED_CACHE);
    assert.equal(cached.headers.get('access-control-allow-origin'), RESELLER);
    assert.equal((await get('/lib/billing-portal-kit.js', { Origin: 'https://evil.example.net' })).headers.get('access-control-allow-origin'), null);
  });

  test('HEAD has the headers and no body; nothing outside the files is served, however the path is written', async () => {
    const head = await get('/', {}, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    assert.equal(head.headers.get('content-length'), String(Buffer.byteLength(files['index.html'])));
    for (const path of ['/nope.html', '/lib/nope.js', '/assets/', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/..%2f..%2fpackage.json', '//index.html']) {
      assert.equal((await get(path)).status, 404, path);
    }
    assert.equal((await get('/', {}, 'POST')).status, 404, 'a write to a page');
    const api = await get('/api/v1/nope');
    assert.equal(api.status, 404);
    assert.equal(((await api.json()) as { error: { code: string } }).error.code, 'NOT_FOUND', 'the API keeps its error shape');
  });

  test("a file's .gz beside it is its gzip, for a browser that takes gzip, and no file of its own", async () => {
    const zipped = await get('/assets/portal-DY_D2k7x.js', { 'Accept-Encoding': 'gzip, br' });
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    const body = Buffer.from(await zipped.arrayBuffer());
    assert.deepEqual(body, ASSET_GZ);
    assert.equal(gunzipSync(body).toString(), files['assets/portal-DY_D2k7x.js']);
    assert.equal(zipped.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.match(zipped.headers.get('vary') ?? '', /Accept-Encoding/);
    const plain = await get('/assets/portal-DY_D2k7x.js');
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(await plain.text(), files['assets/portal-DY_D2k7x.js']);
    assert.equal((await get('/assets/portal-DY_D2k7x.js.gz')).status, 404);
    assert.equal((await get('/', { 'Accept-Encoding': 'gzip' })).headers.get('content-encoding'), null, 'a page without one is sent as it is');
  });

  test('the site is read at start: a file written later is not served, nor a change', async () => {
    writeFileSync(join(dir, 'late.html'), '<!doctype html>');
    writeFileSync(join(dir, 'reseller.html'), 'changed');
    assert.equal((await get('/late.html')).status, 404);
    assert.equal(await (await get('/reseller.html')).text(), files['reseller.html']);
  });
});
