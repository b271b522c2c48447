import { afterEach, beforeEach } from 'node:test';
import type { InferRequestType } from 'hono/client';
import { createAuthorizeNetGateway } from '../../server/gateway/authorize-net.ts';
import { createFakeAuthorizeNet, FAKE_CREDENTIALS, type FakeAuthorizeNet } from '../../server/gateway/fake/fake-authorize-net.ts';
import { runBilling } from '../../server/services/billing/billing-run.ts';
import { loadBillingData } from './billing-fixture.ts';
import { testApp, type TestApp } from './helpers.ts';
import type { AppOptions } from '../../server/app.ts';

/**
 * What the payment and autopay tests share: a fresh fake gateway per test (its duplicate window
 * must not see the other tests' payments), the test app with two invoices for C100001, card
 * tokens, and ways to look for card data where it must never be.
 */
/** How long the tests' gateway waits for the fake before the outcome is unknown. */
export const GATEWAY_TIMEOUT_MS = 1500;

export function useFakeGateway() {
  const state = { fake: createFakeAuthorizeNet(), server: null as { url: string; close: () => Promise<void> } | null };
  beforeEach(async () => {
    state.fake = createFakeAuthorizeNet();
    state.server = await state.fake.listen();
  });
  afterEach(() => state.server?.close());
  return {
    get fake(): FakeAuthorizeNet {
      return state.fake;
    },
    /** The fake's JSON API. */
    endpoint: () => `${state.server!.url}/xml/v1/request.api`,
    /** The gateway over the fake. Its timeout leaves a busy test machine room; tests of a slow gateway make the fake slower than it. */
    gateway: (timeoutMs = GATEWAY_TIMEOUT_MS) => createAuthorizeNetGateway({ ...FAKE_CREDENTIALS, endpoint: `${state.server!.url}/xml/v1/request.api`, timeoutMs }),
  };
}

export const POLICY = { termsDays: 30, lateFee: { ratePpm: 0, minimumCents: 0 } };

/** The test app with two invoices for C100001 (September's and October's, due 30 days after 2026-11-25) and the gateway. */
export async function gatewayApp(gateway: NonNullable<AppOptions['gateway']>, options: Pick<AppOptions, 'webhookSignatureKey'> = {}) {
  const t = await testApp({}, { gateway, settleDelayMs: 50, ...options });
  await loadBillingData(t.db);
  runBilling(t.db, '2026-09', '2026-11-25', POLICY);
  runBilling(t.db, '2026-10', '2026-11-25', POLICY);
  const invoices = t.db.$client.prepare('select id, total_cents as total, due_date as dueDate from invoices where account_id = ? order by period').all(t.ids.solo) as {
    id: number;
    total: number;
    dueDate: string;
  }[];
  const { bearer } = await t.login('solo@example.com');
  return { t, bearer, invoices };
}

/** The test app with the fake delivering its notifications to it in-process; every delivery is kept (to be sent again). */
export async function notifiedApp(fake: FakeAuthorizeNet, gateway: NonNullable<AppOptions['gateway']>) {
  const app = await gatewayApp(gateway, { webhookSignatureKey: fake.signatureKey });
  const delivered: { body: string; signature: string; status: number; eventType: string }[] = [];
  fake.setWebhook({
    url: 'http://portal.test/api/v1/webhooks/authorize-net',
    send: async (_url, init) => {
      const res = await app.t.app.request('/api/v1/webhooks/authorize-net', init);
      const body = String(init.body);
      delivered.push({ body, signature: new Headers(init.headers).get('X-ANET-Signature')!, status: res.status, eventType: (JSON.parse(body) as { eventType: string }).eventType });
      return res;
    },
  });
  return { ...app, delivered };
}

/** A notification posted to the app as Authorize.Net would (signed when `signature` is given). */
export const postNotification = (t: TestApp, body: string, signature?: string) =>
  t.app.request('/api/v1/webhooks/authorize-net', { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...(signature ? { 'X-ANET-Signature': signature } : {}) } });

export const BILL_TO = { firstName: 'Dana', lastName: 'Whitfield', address: '1 Main St', city: 'Reno', state: 'NV', zip: '89501', country: 'US' };

let keys = 0;
export const newKey = () => `test-key-${++keys}-${Date.now()}`;

/** What the card frame would post: a one-time token for the card. */
export function cardToken(fake: FakeAuthorizeNet, card = '4111111111111111', zip = BILL_TO.zip) {
  const token = fake.tokenize({ cardNumber: card, month: '12', year: '2031', cardCode: '123', zip });
  if (!('opaqueData' in token)) throw new Error('no token');
  return token.opaqueData;
}

type PaymentBody = InferRequestType<ReturnType<TestApp['api']>['accounts'][':number']['payments']['$post']>['json'];

/** A card payment through the typed client, with an Idempotency-Key. */
export function pay(t: TestApp, bearer: Record<string, string>, body: PaymentBody, key = newKey(), number = 'C100001') {
  return t.api(bearer).accounts[':number'].payments.$post({ param: { number }, header: { 'idempotency-key': key }, json: body });
}

export const balances = (t: TestApp, invoices: { id: number; total: number }[]) =>
  invoices.map((i) => i.total - (t.db.$client.prepare('select coalesce(sum(amount_cents), 0) from payment_allocations where invoice_id = ?').pluck().get(i.id) as number));

/** Everything written to stdout and stderr until `stop()`. */
export function captureOutput() {
  const chunks: string[] = [];
  const original = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  const tap = (write: typeof process.stdout.write) => ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    chunks.push(String(chunk));
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  process.stdout.write = tap(original.out);
  process.stderr.write = tap(original.err);
  return {
    stop() {
      process.stdout.write = original.out;
      process.stderr.write = original.err;
      return chunks.join('');
    },
  };
}

/** Every text in the database, to look for what must never be stored. */
export const everything = (t: TestApp) =>
  (t.db.$client.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]).map((table) => JSON.stringify(t.db.$client.prepare(`select * from "${table}"`).all())).join('\n');
