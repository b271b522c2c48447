import { Hono, type Env } from 'hono';
import { cors } from 'hono/cors';
import { getPath } from 'hono/utils/url';
import type { AllowedOrigins } from './services/resellers/allowed-origins.ts';
import { readStaticFiles, serveStaticFiles, type StaticFile } from './http/static-files.ts';

/** Where the element kit is served, as the README's embed snippet loads it. */
export const KIT_PATH = '/lib/';

export interface SiteOptions {
  /** The built site (`npm run build`): the portal page and lib/. */
  siteDir: string;
  /** The origins that may load the kit: the portal's own, ALLOWED_ORIGINS and resellers' sites (the app's `deps.origins`). */
  allowedOrigins: AllowedOrigins;
}

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

/**
 * The kit: other sites load it with `<script type="module" src=".../lib/billing-portal-kit.js">`,
 * and a module script is fetched in CORS mode. So /lib answers allowed origins with CORS headers
 * and with `Cross-Origin-Resource-Policy: cross-origin` (the app's secure headers say
 * `same-origin`, which would block the script on every other site). Only the kit is shared so.
 */
export function kitRoutes(files: ReadonlyMap<string, StaticFile>, allowedOrigins: AllowedOrigins) {
  const kit = new Hono();
  kit.use(`${KIT_PATH}*`, cors({ origin: (origin) => (allowedOrigins.has(origin) ? origin : null), allowMethods: ['GET', 'HEAD'], maxAge: 600 }));
  kit.use(`${KIT_PATH}*`, async (c, next) => {
    await next();
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('X-Content-Type-Options', 'nosniff');
  });
  kit.use(`${KIT_PATH}*`, serveStaticFiles(new Map([...files].filter(([path]) => path.startsWith(KIT_PATH)))));
  kit.all(`${KIT_PATH}*`, (c) => c.text('Not found', 404));
  return kit;
}

/**
 * The whole server's request handler: the kit (above) in front of the app, and the built pages
 * after the app's routes, under its secure headers. The site is read into memory here, once.
 */
export function withSite<E extends Env>(app: Hono<E>, options: SiteOptions): Fetch {
  const files = readStaticFiles(options.siteDir);
  const kit = kitRoutes(files, options.allowedOrigins);
  app.use('/*', serveStaticFiles(files));
  // Split by the path as Hono routes it (not a URL parsed again for every request).
  return (request, env) => (getPath(request).startsWith(KIT_PATH) ? kit.fetch(request, env) : app.fetch(request, env as E['Bindings']));
}
