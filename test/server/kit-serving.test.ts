import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { gzipKitFile } from '../../kit/precompress.ts';
import { GZIP_LEVEL, readStaticFiles } from '../../server/http/static-files.ts';
import { KIT_VERSION, UNVERSIONED_CACHE, VERSIONED_CACHE, kitRoutes } from '../../server/site.ts';

/**
 * How the portal serves the built kit (dist/kit/): at `/kit/<version>/…`, cached for a year as
 * immutable (a new kit is a new version), and at `/kit/…` and the older `/lib/…`, which follow
 * each release and so are cached briefly; to allowed origins with CORS and a cross-origin
 * resource policy (a module script and each chunk it imports are fetched in CORS mode).
 */

const RESELLER = 'https://portal.acme.example';
const site = mkdtempSync(join(tmpdir(), 'bp-kit-serving-'));
mkdirSync(join(site, 'kit', 'chunks'), { recursive: true });
mkdirSync(join(site, 'kit', 'types'), { recursive: true });
writeFileSync(join(site, 'kit', 'billing-portal-kit.js'), 'import "./chunks/lit-Ab12.js";\n');
writeFileSync(join(site, 'kit', 'account-summary.js'), 'import "./chunks/lit-Ab12.js";\n');
writeFileSync(join(site, 'kit', 'chunks', 'lit-Ab12.js'), 'export {};\n');
const WIDGET = `export const styles = \`${':host { display: block; }\n'.repeat(200)}\`;\n`;
writeFileSync(join(site, 'kit', 'chunks', 'widget-Cd34.js'), WIDGET);
// As the build writes them (kit/precompress.ts): the file gzipped, beside it.
const WIDGET_GZ = await gzipKitFile(WIDGET);
writeFileSync(join(site, 'kit', 'chunks', 'widget-Cd34.js.gz'), WIDGET_GZ);
// A .gz that is not its file's: left from an older build, and not gzip at all.
const TABLES = `export const columns = [${'"amount", "due", '.repeat(100)}];\n`;
writeFileSync(join(site, 'kit', 'chunks', 'tables-Ef56.js'), TABLES);
writeFileSync(join(site, 'kit', 'chunks', 'tables-Ef56.js.gz'), gzipSync(TABLES.replace('amount', 'total')));
const PAGER = `export const pages = [${'1, 2, 3, '.repeat(100)}];\n`;
writeFileSync(join(site, 'kit', 'chunks', 'pager-Gh78.js'), PAGER);
writeFileSync(join(site, 'kit', 'chunks', 'pager-Gh78.js.gz'), PAGER);
writeFileSync(join(site, 'kit', 'account-summary.d.ts'), 'export {};\n');
writeFileSync(join(site, 'kit', 'types', 'index.d.ts'), 'export {};\n');
writeFileSync(join(site, 'secret.txt'), 'not the kit\n');
const warnings: string[] = [];
const files = readStaticFiles(site, (message) => warnings.push(message));
const kit = kitRoutes(files, new Set([RESELLER]));
after(() => rmSync(site, { recursive: true, force: true }));

const get = (path: string, origin = RESELLER) => kit.request(path, { headers: { Origin: origin } });

describe('the kit', () => {
  test('at /kit/<version>/: every entry and chunk, immutable for a year, with CORS for an allowed origin', async () => {
    for (const file of ['billing-portal-kit.js', 'account-summary.js', 'chunks/lit-Ab12.js']) {
      const reply = await get(`/kit/${KIT_VERSION}/${file}`);
      assert.equal(reply.status, 200, file);
      assert.match(reply.headers.get('content-type') ?? '', /javascript/, file);
      assert.equal(reply.headers.get('cache-control'), VERSIONED_CACHE, file);
      assert.equal(reply.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      assert.equal(reply.headers.get('access-control-allow-origin'), RESELLER, file);
      assert.match(reply.headers.get('vary') ?? '', /Origin/, 'a shared cache keeps one answer per origin');
      assert.equal(reply.headers.get('cross-origin-resource-policy'), 'cross-origin', file);
      assert.equal(reply.headers.get('x-content-type-options'), 'nosniff', file);
    }
  });

  test('at /kit/ and /lib/ without a version: the same files, cached five minutes, with CORS', async () => {
    for (const path of ['/kit/billing-portal-kit.js', '/kit/chunks/lit-Ab12.js', '/lib/billing-portal-kit.js', '/lib/account-summary.js']) {
      const reply = await get(path);
      assert.equal(reply.status, 200, path);
      assert.equal(await reply.text(), path.endsWith('lit-Ab12.js') ? 'export {};\n' : 'import "./chunks/lit-Ab12.js";\n', path);
      assert.equal(reply.headers.get('cache-control'), UNVERSIONED_CACHE, path);
      assert.doesNotMatch(UNVERSIONED_CACHE, /immutable/);
      assert.equal(reply.headers.get('access-control-allow-origin'), RESELLER, path);
      assert.equal(reply.headers.get('cross-origin-resource-policy'), 'cross-origin', path);
    }
  });

  test('a preflight from an allowed origin is answered; an origin not allowed gets the file but no CORS grant', async () => {
    const preflight = await kit.request(`/kit/${KIT_VERSION}/billing-portal-kit.js`, { method: 'OPTIONS', headers: { Origin: RESELLER, 'Access-Control-Request-Method': 'GET' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), RESELLER);
    const stranger = await get(`/kit/${KIT_VERSION}/billing-portal-kit.js`, 'https://elsewhere.example');
    assert.equal(stranger.headers.get('access-control-allow-origin'), null, 'the browser refuses the module to that site');
  });

  test('another version, the declarations, anything outside the kit and a way up are not found (and not cached)', async () => {
    for (const path of [
      '/kit/0.0.1/billing-portal-kit.js',
      `/kit/${KIT_VERSION}/missing.js`,
      `/kit/${KIT_VERSION}/account-summary.d.ts`,
      '/kit/types/index.d.ts',
      `/kit/${KIT_VERSION}/types/index.d.ts`,
      '/kit/../secret.txt',
      `/kit/${KIT_VERSION}/..%2F..%2Fsecret.txt`,
      '/lib/%2E%2E/secret.txt',
    ]) {
      const reply = await get(path);
      assert.equal(reply.status, 404, path);
      assert.equal(reply.headers.get('cache-control'), null, `${path}: a miss is not kept a year`);
    }
  });
});

describe('the kit, compressed', () => {
  const path = `/kit/${KIT_VERSION}/chunks/widget-Cd34.js`;
  const ask = (headers: Record<string, string>) => kit.request(path, { headers: { Origin: RESELLER, ...headers } });

  test("a browser that accepts gzip gets the build's gzip of the script (zopfli, beside it): the bytes npm run bench -- sizes counts", async () => {
    const reply = await ask({ 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get('content-encoding'), 'gzip');
    const body = new Uint8Array(await reply.arrayBuffer());
    assert.equal(gunzipSync(body).toString(), WIDGET, 'the file itself');
    assert.deepEqual(body, WIDGET_GZ, 'the bytes of widget-Cd34.js.gz');
    assert.deepEqual(body, await gzipKitFile(WIDGET), 'the very bytes the size figures count');
    assert.ok(body.byteLength < gzipSync(WIDGET, { level: GZIP_LEVEL }).byteLength, 'fewer than zlib at its best level');
    assert.ok(body.byteLength < WIDGET.length / 10);
    assert.equal(reply.headers.get('content-length'), String(body.byteLength));
    assert.match(reply.headers.get('content-type') ?? '', /javascript/);
    assert.match(reply.headers.get('vary') ?? '', /Accept-Encoding/, 'a shared cache keeps the two encodings apart');
    assert.match(reply.headers.get('vary') ?? '', /Origin/);
    assert.equal(reply.headers.get('cache-control'), VERSIONED_CACHE);
    assert.equal(reply.headers.get('access-control-allow-origin'), RESELLER);
  });

  test('a client that does not accept gzip (or refuses it with q=0) gets the file as it is, not its .gz, under another ETag', async () => {
    const zipped = await ask({ 'Accept-Encoding': 'gzip' });
    for (const headers of [{}, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'br, gzip;q=0' }] as Record<string, string>[]) {
      const reply = await ask(headers);
      assert.equal(reply.headers.get('content-encoding'), null, JSON.stringify(headers));
      assert.equal(await reply.text(), WIDGET);
      assert.equal(reply.headers.get('content-length'), String(WIDGET.length));
      assert.match(reply.headers.get('vary') ?? '', /Accept-Encoding/);
      assert.notEqual(reply.headers.get('etag'), zipped.headers.get('etag'), 'two representations, two ETags');
    }
  });

  test('a revalidation names the ETag of the encoding it holds: 304 for it, the other encoding for the other', async () => {
    const zipped = await ask({ 'Accept-Encoding': 'gzip' });
    const plain = await ask({});
    const again = await ask({ 'Accept-Encoding': 'gzip', 'If-None-Match': zipped.headers.get('etag')! });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), zipped.headers.get('etag'));
    const switched = await ask({ 'Accept-Encoding': 'gzip', 'If-None-Match': plain.headers.get('etag')! });
    assert.equal(switched.status, 200, 'holding the plain file does not answer for the gzipped one');
    assert.equal(switched.headers.get('content-encoding'), 'gzip');
    assert.equal((await ask({ 'If-None-Match': plain.headers.get('etag')! })).status, 304);
  });

  test('a .gz that is not its file gzipped (stale, or not gzip) is ignored with a warning: the file is gzipped at start, as one without a .gz', async () => {
    for (const [file, text] of [['tables-Ef56.js', TABLES], ['pager-Gh78.js', PAGER], ['lit-Ab12.js', 'export {};\n']] as const) {
      const reply = await kit.request(`/kit/${KIT_VERSION}/chunks/${file}`, { headers: { Origin: RESELLER, 'Accept-Encoding': 'gzip' } });
      assert.equal(reply.status, 200, file);
      assert.equal(reply.headers.get('content-encoding'), 'gzip', file);
      const body = new Uint8Array(await reply.arrayBuffer());
      assert.equal(gunzipSync(body).toString(), text, `${file}: the file itself, never the bytes of its .gz`);
      assert.deepEqual(body, new Uint8Array(gzipSync(text, { level: GZIP_LEVEL })), `${file}: zlib's best level`);
      assert.equal(await (await kit.request(`/kit/${KIT_VERSION}/chunks/${file}`, { headers: { Origin: RESELLER } })).text(), text, `${file}, plain`);
    }
    assert.equal(warnings.length, 2, warnings.join('\n'));
    assert.match(warnings.join('\n'), /tables-Ef56\.js\.gz is not kit.chunks.tables-Ef56\.js gzipped/);
    assert.match(warnings.join('\n'), /pager-Gh78\.js\.gz is not kit.chunks.pager-Gh78\.js gzipped/);
  });

  test('a .gz beside its file is not a file of its own', async () => {
    for (const file of ['widget-Cd34.js.gz', 'tables-Ef56.js.gz', 'pager-Gh78.js.gz']) {
      assert.equal(files.has(`/kit/chunks/${file}`), false, file);
      assert.equal((await get(`/kit/${KIT_VERSION}/chunks/${file}`)).status, 404, file);
    }
  });
});
