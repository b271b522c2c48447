/**
 * The portal's server for the request bench, in a process of its own: the real app on a SQLite
 * file with the summary's ten years of bills, the built site in front of it as
 * `server/index.ts` serves them, and the real clock. Signs in solo@example.com and prints
 * `READY <json>` with the port and the bearer token. BENCH_SITE_DIR: the built pages.
 */
import { serve } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withSite } from '../../../server/site.ts';
import { testApp } from '../../server/helpers.ts';
import { tenYearsOfBills } from '../fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'bp-bench-api-'));
const t = await testApp({ DATABASE_PATH: join(dir, 'portal.db') }, { now: Date.now });
await tenYearsOfBills(t);
const allowedOrigins = new Set([new URL(t.config.publicUrl).origin, ...t.config.allowedOrigins]);
const handler = withSite(t.app, { siteDir: process.env.BENCH_SITE_DIR ?? 'dist', allowedOrigins });
const { token } = await t.login('solo@example.com');
const server = serve({ fetch: handler, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`READY ${JSON.stringify({ port: info.port, token })}`));
process.once('SIGTERM', () =>
  server.close(() => {
    t.db.$client.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }),
);
