import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { html } from 'hono/html';

/** What the card frame needs to know: who the merchant is at Authorize.Net, and which Accept.js to load. */
export interface CardFrameConfig {
  apiLoginId: string;
  /** Authorize.Net's public client key (safe in a browser). */
  clientKey: string;
  environment: 'sandbox' | 'production' | 'fake';
  /** For the fake: turns Accept.js's request into its reply. */
  tokenize?: (request: unknown) => unknown;
}

const ACCEPT_JS = {
  sandbox: 'https://jstest.authorize.net/v1/Accept.js',
  production: 'https://js.authorize.net/v1/Accept.js',
} as const;

const asset = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
const FRAME_JS = asset('frame.js');
const ACCEPT_FAKE_JS = asset('accept-fake.js');

const monthOptions = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

/**
 * GET /card-frame: the card fields, for an iframe. The host page's origin comes in `?origin=`
 * and must be the portal's own or one of ALLOWED_ORIGINS: the frame talks only to it, and only
 * such pages may frame it. The frame runs sandboxed (no same-origin), so even a page on the
 * portal's own origin cannot reach into it.
 */
export function cardFrameRoutes(config: CardFrameConfig, allowedOrigins: { has(origin: string): boolean }) {
  const years = () => Array.from({ length: 12 }, (_, i) => String(new Date().getUTCFullYear() + i));
  const app = new Hono();
  app.get('/card-frame', (c) => {
    const origin = c.req.query('origin') ?? '';
    if (!allowedOrigins.has(origin)) return c.text('This page may only be shown inside the billing portal.', 400);
    const dark = c.req.query('theme') === 'dark';
    const acceptSrc = config.environment === 'fake' ? '/card-frame/accept-fake.js' : ACCEPT_JS[config.environment];
    const acceptHost = config.environment === 'fake' ? '' : new URL(acceptSrc).origin;
    c.header('Content-Security-Policy', `default-src 'none'; script-src 'self' ${acceptHost}; connect-src 'self' ${acceptHost} https://apitest.authorize.net https://api2.authorize.net; style-src 'unsafe-inline'; frame-ancestors ${origin}; form-action 'none'; base-uri 'none'`);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
    const input = (name: string, label: string, attrs: Record<string, string>) => html`
      <div class="field">
        <label for="${name}">${label}</label>
        <input id="${name}" name="${name}" aria-describedby="${name}-error" ${Object.entries(attrs).map(([k, v]) => html`${k}="${v}" `)} />
        <span class="error" id="${name}-error" aria-live="polite"></span>
      </div>`;
    return c.html(html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Card details</title>
    <style>
      :root { color-scheme: ${dark ? 'dark' : 'light'}; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
      body { margin: 0; color: ${dark ? '#e8ecf1' : '#1b1f24'}; background: transparent; }
      form { display: grid; grid-template-columns: 1fr 1fr; gap: 0.75rem 1rem; }
      .wide { grid-column: 1 / -1; }
      .field { display: grid; gap: 0.25rem; }
      label { font-weight: 600; }
      input, select { min-height: 2.5rem; padding: 0.5rem 0.75rem; border: 1px solid ${dark ? '#3a4350' : '#d0d7de'}; border-radius: 4px; background: ${dark ? '#222831' : '#ffffff'}; color: inherit; font: inherit; }
      input[aria-invalid='true'], select[aria-invalid='true'] { border-color: ${dark ? '#ff8a80' : '#b42318'}; }
      .error { color: ${dark ? '#ff8a80' : '#b42318'}; font-size: 0.875rem; }
      .error:empty { display: none; }
      .expiry { display: flex; gap: 0.5rem; }
      .expiry select { flex: 1; }
      :focus-visible { outline: 2px solid ${dark ? '#93c7ff' : '#0b5cad'}; outline-offset: 2px; }
    </style>
  </head>
  <body data-origin="${origin}" data-api-login-id="${config.apiLoginId}" data-client-key="${config.clientKey}">
    <form novalidate aria-label="Credit card">
      ${input('firstName', 'First name on card', { autocomplete: 'cc-given-name', required: '' })}
      ${input('lastName', 'Last name on card', { autocomplete: 'cc-family-name', required: '' })}
      <div class="wide">${input('cardNumber', 'Card number', { autocomplete: 'cc-number', inputmode: 'numeric', required: '' })}</div>
      <div class="field">
        <span id="expiry-label"><strong>Expiry</strong></span>
        <div class="expiry" role="group" aria-labelledby="expiry-label">
          <select id="month" name="month" aria-label="Expiry month" aria-describedby="month-error" autocomplete="cc-exp-month">
            <option value="">Month</option>
            ${monthOptions.map((m) => html`<option value="${m}">${m}</option>`)}
          </select>
          <select id="year" name="year" aria-label="Expiry year" aria-describedby="month-error" autocomplete="cc-exp-year">
            <option value="">Year</option>
            ${years().map((y) => html`<option value="${y}">${y}</option>`)}
          </select>
        </div>
        <span class="error" id="month-error" aria-live="polite"></span>
      </div>
      ${input('cardCode', 'Card security code', { autocomplete: 'cc-csc', inputmode: 'numeric', required: '', maxlength: '4' })}
    </form>
    <script src="${acceptSrc}" ${config.environment === 'fake' ? html`data-token-url="/card-frame/token"` : ''}></script>
    <script src="/card-frame/frame.js"></script>
  </body>
</html>`);
  });
  const script = (source: string) => (c: { body: (b: string, s: 200, h: Record<string, string>) => Response }) =>
    c.body(source, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cross-Origin-Resource-Policy': 'cross-origin', 'Cache-Control': 'no-cache' });
  app.get('/card-frame/frame.js', script(FRAME_JS));
  if (config.environment === 'fake' && config.tokenize) {
    const tokenize = config.tokenize;
    app.get('/card-frame/accept-fake.js', script(ACCEPT_FAKE_JS));
    // Called from the sandboxed frame, whose origin is opaque ("null"): readable by any origin, as Authorize.Net's is.
    app.post('/card-frame/token', async (c) => {
      c.header('Access-Control-Allow-Origin', '*');
      let request: unknown;
      try {
        request = JSON.parse(await c.req.text());
      } catch {
        return c.json({ messages: { resultCode: 'Error', message: [{ code: 'E_WC_14', text: 'Accept.js encryption failed.' }] } });
      }
      return c.json(tokenize(request));
    });
  }
  return app;
}
