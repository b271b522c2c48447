import { isLanguage, messagesFor, type Language } from '../i18n/messages.ts';
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { frameStyle } from './frame-style.ts';

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
    const style = frameStyle((name) => c.req.query(name));
    // In the payment form's language (`?lang=`): its labels here, its messages for the script.
    const language = isLanguage(c.req.query('lang')) ? (c.req.query('lang') as Language) : 'en';
    const t = messagesFor(language).cardFrame;
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
<html lang="${language}">
  <head>
    <meta charset="utf-8" />
    <title>${t.title}</title>
    <style>
      /* The form's own look (frame-style.ts), so these fields line up with and match its fields. */
      :root {
        color-scheme: ${style.scheme};
        ${raw(style.declarations)}
      }
      *, *::before, *::after { box-sizing: border-box; }
      body { margin: 0; font-family: var(--font); font-size: var(--font-size); line-height: 1.5; color: var(--text); background: transparent; }
      /* The form's grid: two columns with its gaps, one column when the form is narrow. */
      form { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: var(--gap-y) var(--gap-x); }
      @media (max-width: 479px) { form { grid-template-columns: minmax(0, 1fr); } }
      .wide { grid-column: 1 / -1; }
      .field { display: grid; gap: var(--label-gap); min-width: 0; }
      label, .label { font-weight: var(--label-weight); }
      input, select { width: 100%; min-width: 0; height: var(--field-height); padding: 0 var(--field-pad-x); border: 1px solid var(--border); border-radius: var(--radius); background: var(--field-bg); color: var(--field-text); font: inherit; }
      input[aria-invalid='true'], select[aria-invalid='true'] { border-color: var(--danger); }
      .error { color: var(--danger); font-size: var(--small-size); }
      .error:empty { display: none; }
      .expiry { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: var(--label-gap); }
      :focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
    </style>
  </head>
  <body data-origin="${origin}" data-api-login-id="${config.apiLoginId}" data-client-key="${config.clientKey}" data-messages="${JSON.stringify(t.errors)}">
    <form novalidate aria-label="${t.form}">
      ${input('firstName', t.firstName, { autocomplete: 'cc-given-name', required: '' })}
      ${input('lastName', t.lastName, { autocomplete: 'cc-family-name', required: '' })}
      <div class="wide">${input('cardNumber', t.cardNumber, { autocomplete: 'cc-number', inputmode: 'numeric', required: '' })}</div>
      <div class="field">
        <span id="expiry-label" class="label">${t.expiry}</span>
        <div class="expiry" role="group" aria-labelledby="expiry-label">
          <select id="month" name="month" aria-label="${t.expiryMonth}" aria-describedby="month-error" autocomplete="cc-exp-month">
            <option value="">${t.month}</option>
            ${monthOptions.map((m) => html`<option value="${m}">${m}</option>`)}
          </select>
          <select id="year" name="year" aria-label="${t.expiryYear}" aria-describedby="month-error" autocomplete="cc-exp-year">
            <option value="">${t.year}</option>
            ${years().map((y) => html`<option value="${y}">${y}</option>`)}
          </select>
        </div>
        <span class="error" id="month-error" aria-live="polite"></span>
      </div>
      ${input('cardCode', t.cardCode, { autocomplete: 'cc-csc', inputmode: 'numeric', required: '', maxlength: '4' })}
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
