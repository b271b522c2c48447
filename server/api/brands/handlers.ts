import type { MiddlewareHandler } from 'hono';
import { createRouter } from '../../http/context.ts';
import { brandBySlug, publicBrand, storedLogo } from '../../services/resellers/brand.ts';
import { NotFoundError } from '../../services/errors.ts';
import { brand, brandLogo } from './routes.ts';

/** Resellers' brands, public: a reseller's page shows its brand on the sign-in screen, before anyone signs in. */
export const brandHandlers = createRouter()
  .openapi(brand, (c) => {
    const { db, config } = c.var.deps;
    const found = publicBrand(brandBySlug(db, c.req.valid('param').reseller, config.publicUrl));
    if (!found) throw new NotFoundError('The reseller');
    return c.json(found, 200);
  })
  .openapi(brandLogo, (c) => {
    const logo = storedLogo(c.var.deps.db, c.req.valid('param').reseller);
    if (!logo) throw new NotFoundError('The logo');
    return c.body(new Uint8Array(logo.image), 200, {
      'Content-Type': logo.type,
      // Its address changes with the record (`?v=`), so a day's cache is safe.
      'Cache-Control': 'public, max-age=86400',
    });
  });

/**
 * Runs outside the pages' secure headers (app.ts mounts it before them): a logo is shown by the
 * resellers' pages on other origins, which the pages' `same-origin` resource policy would block;
 * and an SVG opened on its own runs nothing and loads nothing.
 */
export const logoHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  c.res.headers.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
};
