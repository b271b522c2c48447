import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Env } from 'hono';
import { cors } from 'hono/cors';
import { relative, resolve } from 'node:path';

/** Where the element kit is served, as the README's embed snippet loads it. */
export const KIT_PATH = '/lib/';

export interface SiteOptions {
  /** The built site (`npm run build`): the portal page and lib/. */
  siteDir: string;
  /** The origins that may load the kit: the portal's own, ALLOWED_ORIGINS and resellers' sites (the app's `deps.origins`). */
  allowedOrigins: { has(origin: string): boolean };
}

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

/**
 * The kit: other sites load it with `<script type="module" src=".../lib/billing-portal-kit.js">`,
 * and a module script is fetched in CORS mode. So /lib answers allowed origins with CORS headers
 * and with `Cross-Origin-Resource-Policy: cross-origin` (the app's secure headers say
 * `same-origin`, which would block the script on every other site). Only the kit is shared so.
 */
export function kitRoutes(options: SiteOptions) {
  const root = relative(process.cwd(), resolve(options.siteDir));
  const kit = new Hono();
  kit.use(`${KIT_PATH}*`, cors({ origin: (origin) => (options.allowedOrigins.has(origin) ? origin : null), allowMethods: ['GET', 'HEAD'], maxAge: 600 }));
  kit.use(`${KIT_PATH}*`, async (c, next) => {
    await next();
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('X-Content-Type-Options', 'nosniff');
  });
  kit.use(`${KIT_PATH}*`, serveStatic({ root }));
  kit.all(`${KIT_PATH}*`, (c) => c.text('Not found', 404));
  return kit;
}

/**
 * The whole server's request handler: the kit (above) in front of the app, and the built pages
 * after the app's routes, under its secure headers.
 */
export function withSite<E extends Env>(app: Hono<E>, options: SiteOptions): Fetch {
  const kit = kitRoutes(options);
  app.use('/*', serveStatic({ root: relative(process.cwd(), resolve(options.siteDir)) }));
  return (request, env) => (new URL(request.url).pathname.startsWith(KIT_PATH) ? kit.fetch(request, env) : app.fetch(request, env as E['Bindings']));
}
