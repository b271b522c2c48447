import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'vite';
import { createReseller } from '../../server/services/resellers/resellers.ts';
import { consumerProject, type ConsumerProject } from '../kit/package-fixture.ts';
import { fillCard, freePort, startPortal, type PortalServer } from './e2e-fixture.ts';

/**
 * The widgets in a React 19 app, end to end in Chromium: a reseller's app that installed the
 * kit (`import 'billing-portal-kit/account-summary'`, bundled by Vite with React and react-dom),
 * on the reseller's own origin, whose backend asks the portal for a portal session. React sets
 * the elements' attributes and properties and listens to their events; the customer is signed
 * in with no form and pays through the card frame, and the app hears of the payment.
 */

const APP = `
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'billing-portal-kit/provider';
import 'billing-portal-kit/account-summary';
import 'billing-portal-kit/invoice-list';
import { BpPaymentForm } from 'billing-portal-kit/payment-form';

function Billing({ portal, token }) {
  const [paid, setPaid] = useState(null);
  const [opened, setOpened] = useState(null);
  return (
    <bp-provider api-base={portal} sessionToken={token}>
      <h1>Acme billing</h1>
      {/* account-number is an attribute; accountNumber (an element property) React 19 sets as a property */}
      <bp-account-summary accountNumber="C100001" theme="light"></bp-account-summary>
      <bp-invoice-list account-number="C100001" onbp-invoice-open={(e) => setOpened(e.detail.invoice.number)}></bp-invoice-list>
      <bp-payment-form mode="pay" onbp-payment-success={(e) => setPaid(e.detail.payment)}></bp-payment-form>
      <p role="status">{paid ? \`React heard: paid \${paid.amount} cents, \${paid.status}\` : 'React heard: nothing yet'}</p>
      <p>{opened ? \`React heard: opened invoice \${opened}\` : ''}</p>
      <p>{customElements.get('bp-payment-form') === BpPaymentForm ? 'one payment form class' : 'two classes'}</p>
    </bp-provider>
  );
}

const root = document.getElementById('root');
createRoot(root).render(<StrictMode><Billing portal={root.dataset.portal} token={root.dataset.token} /></StrictMode>);
`;

let portal: PortalServer;
let project: ConsumerProject;
let site: Server;
let siteOrigin: string;

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css' };

before(async () => {
  const sitePort = await freePort();
  siteOrigin = `http://localhost:${sitePort}`;
  portal = await startPortal();
  // The reseller sells to Solo Dental (C100001); its app's origin is allowed by its record alone.
  const { key } = createReseller(portal.t.db, { name: 'Acme Telecom', slug: 'acme', origins: [siteOrigin], accounts: ['C100001'] });

  project = await consumerProject({ links: ['react', 'react-dom', 'scheduler'] });
  project.write('main.jsx', APP);
  await build({
    configFile: false,
    root: project.dir,
    logLevel: 'silent',
    build: { outDir: join(project.dir, 'public'), emptyOutDir: true, rolldownOptions: { input: join(project.dir, 'main.jsx'), output: { entryFileNames: 'app.js' } } },
  });

  // The reseller's backend: a portal session for its signed-in customer, on the page it serves.
  site = createServer(async (req, res) => {
    if (req.url === '/') {
      const reply = await fetch(`${portal.origin}/api/v1/portal-sessions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ account: 'C100001', email: 'solo@example.com' }),
      });
      const { token } = (await reply.json()) as { token: string };
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Acme — billing</title>
<script type="module" src="/app.js"></script></head>
<body><div id="root" data-portal="${portal.origin}" data-token="${token}"></div></body></html>`);
      return;
    }
    const file = normalize(req.url ?? '').replace(/^(\.\.[/\\])+/, '');
    try {
      const body = readFileSync(join(project.dir, 'public', file));
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => site.listen(sitePort, '127.0.0.1', done));
});

after(async () => {
  await new Promise<void>((done) => (site ? site.close(() => done()) : done()));
  await portal?.close();
  project?.cleanup();
});

describe('the widgets in a React 19 app on a reseller’s origin', () => {
  test('React sets attributes and properties, the customer is signed in by a portal session, pays through the card frame, and React hears the events', async () => {
    const page = await portal.newPage();
    const problems: string[] = [];
    // A 401 may be logged by a request made before the token is exchanged (as embed-e2e allows); every other error counts.
    page.on('console', (m) => m.type() === 'error' && !/status of 401/.test(m.text()) && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${siteOrigin}/`);

    const summary = page.locator('bp-account-summary');
    await summary.getByText('Solo Dental').first().waitFor();
    assert.equal(await page.getByLabel('Password').count(), 0, 'signed in with no form');
    assert.equal(await page.getByText('one payment form class').count(), 1, 'the app’s import and the kit share one class');
    // React 19: a prop the element has is set as a property, a dashed one as an attribute.
    const set = await page.evaluate(() => {
      const s = document.querySelector('bp-account-summary')!;
      const p = document.querySelector('bp-provider')!;
      return { accountNumber: s.accountNumber, stray: s.getAttributeNames().filter((a) => a !== 'theme'), apiBase: p.getAttribute('api-base'), tokenAttr: p.hasAttribute('sessiontoken') };
    });
    assert.deepEqual(set, { accountNumber: 'C100001', stray: [], apiBase: portal.origin, tokenAttr: false });

    const form = page.locator('bp-payment-form');
    await fillCard(form.frameLocator('iframe[title="Card details"]'));
    await form.getByRole('button', { name: 'Make a payment' }).click();
    await form
      .getByText(/Thank you: your payment of \$[\d,.]+ with Visa ending in 1111 was approved/)
      .waitFor({ timeout: 15_000 })
      .catch(async (err) => assert.fail(`${err}\nthe form says: ${await form.evaluate((f) => f.shadowRoot?.textContent?.replace(/\s+/g, ' '))}`));
    const [payment] = portal.t.db.$client.prepare('select status, amount_cents as amount from payments').all() as { status: string; amount: number }[];
    assert.equal(payment?.status, 'approved');
    await page.getByRole('status').getByText(`React heard: paid ${payment!.amount} cents, approved`).waitFor();
    // An event from the invoice list reaches React's handler.
    const invoices = page.locator('bp-invoice-list');
    const invoice = page.locator('bp-invoice-list').getByRole('button', { name: /invoice \S+: show lines/ }).first();
    const number = /invoice (\S+):/.exec((await invoice.textContent()) ?? '')![1];
    await invoice.click();
    await page.getByText(`React heard: opened invoice ${number}`).waitFor();

    // The summary, another element, shows the new balance: one store under the provider.
    await summary.getByText('$0.00').first().waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });
});
