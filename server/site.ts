import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Env } from 'hono';
import { cors } from 'hono/cors';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

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
  allowedOrigins: { has(origin: string): boolean };
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
export function kitRoutes(options: SiteOptions) {
  const root = relative(process.cwd(), resolve(options.siteDir));
  const version = options.version ?? KIT_VERSION;
  const versioned = `${KIT_PATH}${version}/`;
  const kit = new Hono();
  kit.use('*', cors({ origin: (origin) => (options.allowedOrigins.has(origin) ? origin : null), allowMethods: ['GET', 'HEAD'], maxAge: 600 }));
  kit.use('*', async (c, next) => {
    await next();
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('X-Content-Type-Options', 'nosniff');
    if (c.res.status === 200) c.header('Cache-Control', c.req.path.startsWith(versioned) ? VERSIONED_CACHE : UNVERSIONED_CACHE);
  });
  // `/kit/<version>/x.js`, `/kit/x.js` and `/lib/x.js` are all dist/kit/x.js; another version is not here.
  const file = (path: string): string | null => {
    const rest = path.startsWith(versioned) ? path.slice(versioned.length) : path.startsWith(LEGACY_KIT_PATH) ? path.slice(LEGACY_KIT_PATH.length) : path.slice(KIT_PATH.length);
    // A script at the top or in chunks/: no other folder (a version's is `0.1.0`, dots and all), no way up.
    return /^(?:[\w-]+\/)?[\w.-]+\.js$/.test(rest) && !rest.includes('..') ? `/${KIT_DIR}/${rest}` : null;
  };
  kit.get('*', (c, next) => (file(c.req.path) ? next() : c.text('Not found', 404)), serveStatic({ root, rewriteRequestPath: (path) => file(path)! }));
  kit.all('*', (c) => c.text('Not found', 404));
  return kit;
}

/**
 * The whole server's request handler: the kit (above) in front of the app, and the built pages
 * after the app's routes, under its secure headers.
 */
export function withSite<E extends Env>(app: Hono<E>, options: SiteOptions): Fetch {
  const kit = kitRoutes(options);
  app.use('/*', serveStatic({ root: relative(process.cwd(), resolve(options.siteDir)) }));
  return (request, env) => (isKitPath(new URL(request.url).pathname) ? kit.fetch(request, env) : app.fetch(request, env as E['Bindings']));
}
