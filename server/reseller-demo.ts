import { serve } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { DEMO_RESELLER } from './db/demo-data.ts';
import { resellers } from './db/schema.ts';
import { audit } from './services/audit.ts';
import { addResellerOrigin, rotateResellerKey } from './services/resellers/resellers.ts';
import { brandDeclarations, THEME_BRANDS, type ThemeBrandId } from '../demo/brands.ts';
import { KIT_VERSION } from './site.ts';

/**
 * The sample reseller site of `npm start`: Northbeam IT's "client billing" page on an origin of
 * its own (another port), as a reseller would run it. Its backend is the few lines marked below
 * (the README shows the same in Express): ask the portal for a portal session for the customer
 * signed in to the reseller's site, and put the token on the page, which loads the kit from the
 * portal and signs in with it. Each page load asks anew (a token works once, for two minutes).
 */

const asset = (name: string) => readFileSync(new URL(`../demo/${name}`, import.meta.url), 'utf8');

/**
 * The demo's brand switch: the reseller's own brand (from its record), or one of the kit's
 * sample brands (demo/brands.ts) set as global tokens on the widgets' wrapper, inside
 * <bp-provider> so they take over from the record's colour.
 */
const SWITCH: [string, string][] = [
  ['northbeam', 'Northbeam IT (its record)'],
  ...Object.entries(THEME_BRANDS)
    .filter(([id]) => id !== 'provider')
    .map(([id, brand]): [string, string] => [id, brand.name]),
];
const brandSwitch = (current: string) =>
  `<ul>${SWITCH.map(([id, name]) => `<li><a href="/?brand=${id}"${id === current ? ' aria-current="page"' : ''}>${name}</a></li>`).join('')}</ul>`;
const brandsCss = SWITCH.filter(([id]) => id in THEME_BRANDS)
  // The site's own dark surface and text (set on its body for its own look) give way to the kit's.
  .map(([id]) => `.layout[data-brand='${id}'] { --bp-dark-surface: initial; --bp-dark-text: initial; ${brandDeclarations(id as ThemeBrandId)} }`)
  .join('\n');

export interface ResellerDemoOptions {
  db: Db;
  /** The reseller and the customer its site signs in (default: the demo's, Northbeam IT and Lakeshore Legal). */
  reseller?: { slug: string; customer: { account: string; email: string } };
  /** The portal's address (PUBLIC_URL): the page loads the kit from it, the backend calls its API. */
  portalUrl: string;
  host: string;
  port: number;
}

/** Starts the sample site; null when the database has no demo reseller (DEMO_DATA off, or a real database). */
export async function startResellerDemo({ db, portalUrl, host, port, reseller = DEMO_RESELLER }: ResellerDemoOptions): Promise<{ url: string; close(): Promise<void> } | null> {
  if (!db.select({ id: resellers.id }).from(resellers).where(eq(resellers.slug, reseller.slug)).get()) return null;
  const url = `http://localhost:${port}`;
  // The site's origin joins the reseller's (so the portal lets it in), and its backend gets a key, kept in memory only.
  addResellerOrigin(db, reseller.slug, url);
  const { key } = rotateResellerKey(db, reseller.slug);
  audit(db, { action: 'reseller.key_rotated', detail: { reseller: reseller.slug, via: 'reseller demo site' } });
  const page = asset('reseller.html');
  const { customer } = reseller;

  const site = new Hono();
  site.use('*', async (c, next) => {
    await next();
    // The policy a reseller's page needs for the kit: scripts, requests and the card frame from the portal.
    c.header('Content-Security-Policy', `default-src 'self'; script-src ${portalUrl}; style-src 'self'; img-src 'self' ${portalUrl} data:; connect-src ${portalUrl}; frame-src ${portalUrl}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`);
    c.header('X-Content-Type-Options', 'nosniff');
  });

  site.get('/', async (c) => {
    // ---- The sample reseller backend: a portal session for the customer signed in here. ----
    const reply = await fetch(`${portalUrl}/api/v1/portal-sessions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ account: customer.account, email: customer.email }),
    });
    if (!reply.ok) return c.text(`The billing portal refused the portal session (${reply.status}).`, 502);
    const { token } = (await reply.json()) as { token: string };
    c.header('Cache-Control', 'no-store'); // the token works once: never serve the page from a cache
    const wanted = c.req.query('brand') ?? 'northbeam';
    const brand = SWITCH.some(([id]) => id === wanted) ? wanted : 'northbeam';
    return c.html(page.replaceAll('%PORTAL_URL%', portalUrl).replaceAll('%KIT_VERSION%', KIT_VERSION).replace('%SESSION_TOKEN%', token).replaceAll('%BRAND%', brand).replace('%BRAND_SWITCH%', brandSwitch(brand)));
    // ---- end of the sample backend ----
  });
  site.get('/reseller.css', (c) => c.body(asset('reseller.css'), 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  site.get('/brands.css', (c) => c.body(brandsCss, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  site.get('/northbeam-logo.svg', (c) => c.body(asset('northbeam-logo.svg'), 200, { 'Content-Type': 'image/svg+xml' }));

  const server = serve({ fetch: site.fetch, port, hostname: host });
  await new Promise<void>((ready, fail) => server.once('listening', ready).once('error', fail));
  return { url, close: () => new Promise((done) => server.close(() => done())) };
}
