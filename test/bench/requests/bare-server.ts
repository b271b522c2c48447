/**
 * The yardstick of the request bench: a plain Hono app with one JSON route, served by
 * @hono/node-server in a process of its own, started as the portal's server is. Prints
 * `READY <json>` with its port.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/bare', (c) => c.json({ ok: true, message: 'a plain Hono route' }));
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`READY ${JSON.stringify({ port: info.port })}`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
