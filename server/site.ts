import { Hono, type Env } from 'hono';
import { cors } from 'hono/cors';
import { readFileSync } from 'node:fs';
import { getPath } from 'hono/utils/url';
import type { AllowedOrigins } from './services/resellers/allowed-origins.ts';
import { readStaticFiles, serveStaticFiles, withGzip, type StaticFile } from './http/static-files.ts';

/** The kit's version (package.json): the versioned path's. */
export const KIT_VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

/** Where the element kit is served: `/kit/<version>/…` (the README's embed snippet), `/kit/…`, and `/lib/…` as before. */
export const KIT_PATH = '/kit/';
export const LEGACY_KIT_PATH = '/lib/';
/** The folder of the built site the kit is in (`npm run build` → dist/kit/). */
const KIT_DIR = 'kit';

/** A versioned file never changes: a new kit is a new version, so a year in any cache. */
export const VERSIONED_CACHE = 'public, max-age=31536000, immutable';
/** The unversioned path follows each release, so caches ask again after five minutes. */
export const UNVERSIONED_CACHE = 'public, max-age=300';

export interface SiteOptions {
  /** The built site (`npm run build`): the portal page and kit/. */
  siteDir: string;
  /** The origins that may load the kit: the portal's own, ALLOWED_ORIGINS and resellers' sites (the app's `deps.origins`). */
  allowedOrigins: AllowedOrigins;
  /** The version the versioned path names (default: package.json's). */
  version?: string;
}

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

const isKitPath = (path: string) => path.startsWith(KIT_PATH) || path.startsWith(LEGACY_KIT_PATH);

/**
 * The kit: other sites load it with `<script type="module" src=".../kit/<version>/billing-portal-kit.js">`,
 * and a module script (and each chunk it imports) is fetched in CORS mode. So the kit answers
 * allowed origins with CORS headers and with `Cross-Origin-Resource-Policy: cross-origin` (the
 * app's secure headers say `same-origin`, which would block the script on every other site).
 * Only the kit's scripts are shared so; its other files (declarations) are not served.
 */
export function kitRoutes(files: ReadonlyMap<string, StaticFile>, allowedOrigins: AllowedOrigins, version = KIT_VERSION) {
  const versioned = `${KIT_PATH}${version}/`;
  // dist/kit/x.js is `/kit/<version>/x.js`, `/kit/x.js` and `/lib/x.js`; only its scripts (at the
  // top or in chunks/), so another version, the declarations and any way up are not found. Each
  // is sent gzipped to browsers: the build's own gzip of it (`x.js.gz`, zopfli, read and checked
  // with the site), or else gzipped once, here (`npm run bench -- sizes` counts the build's bytes).
  const scripts = new Map<string, StaticFile>();
  for (const [path, file] of files) {
    if (!path.startsWith(KIT_PATH) || !path.endsWith('.js')) continue;
    const rest = path.slice(KIT_PATH.length);
    const served = withGzip(file);
    for (const base of [versioned, KIT_PATH, LEGACY_KIT_PATH]) scripts.set(base + rest, served);
  }
  const kit = new Hono();
  kit.use('*', cors({ origin: (origin) => (allowedOrigins.has(origin) ? origin : null), allowMethods: ['GET', 'HEAD'], maxAge: 600 }));
  kit.use('*', async (c, next) => {
    await next();
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('X-Content-Type-Options', 'nosniff');
    if (c.res.status === 200 || c.res.status === 304) c.header('Cache-Control', c.req.path.startsWith(versioned) ? VERSIONED_CACHE : UNVERSIONED_CACHE);
  });
  kit.use('*', serveStaticFiles(scripts));
  kit.all('*', (c) => c.text('Not found', 404));
  return kit;
}

/**
 * The whole server's request handler: the kit (above) in front of the app, and the built pages
 * after the app's routes, under its secure headers. The site is read into memory here, once.
 */
export function withSite<E extends Env>(app: Hono<E>, options: SiteOptions): Fetch {
  const files = readStaticFiles(options.siteDir);
  const kit = kitRoutes(files, options.allowedOrigins, options.version);
  app.use('/*', serveStaticFiles(files));
  // Split by the path as Hono routes it (not a URL parsed again for every request).
  return (request, env) => (isKitPath(getPath(request)) ? kit.fetch(request, env) : app.fetch(request, env as E['Bindings']));
}
