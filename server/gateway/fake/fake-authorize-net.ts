import { serve, type ServerType } from '@hono/node-server';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { signWebhookBody } from '../webhook-signature.ts';
import { Hono } from 'hono';
import { luhnValid, TEST_CARDS, ZIP_OUTCOMES, type Card } from './cards.ts';
import { failure, masked, ok, type Json } from './replies.ts';
import { createFakeTransactions, upgradeTransaction, type FakeBehaviour, type FakeTransaction } from './transactions.ts';

export type { FakeBehaviour, FakeTransaction };

/**
 * A local stand-in for Authorize.Net's JSON API (POST /xml/v1/request.api) and for the token
 * service Accept.js calls, for the demo and the tests: the calls the portal makes, with the real
 * response shapes (a BOM before the JSON, `messages.resultCode`, `transactionResponse` with
 * `responseCode` 1 approved / 2 declined / 3 error / 4 held for review, the duplicate window's
 * error 11), the sandbox's test cards and its zip 46282 decline; charges, authorizations,
 * captures, voids and refunds (transactions.ts); saved cards (CIM); signed notifications. What a
 * merchant does by hand in the Merchant Interface (review a held charge, void, refund, and the
 * daily settlement) it does on request. Tests can make it slow, fail or drop the connection.
 */

export interface FakeCredentials {
  apiLoginId: string;
  transactionKey: string;
  clientKey: string;
}

/**
 * The fake's API credentials: no secret, it only listens on loopback. Its webhook Signature Key
 * is another matter (anyone who can reach the portal could sign with a published one): each fake
 * makes its own at start, and the portal server started with it is handed it in-process.
 */
export const FAKE_CREDENTIALS: FakeCredentials = {
  apiLoginId: 'fake-login-id',
  transactionKey: 'fake-transaction-key',
  clientKey: 'fake-public-client-key',
};

/** Where the fake posts notifications; `send` replaces the network (tests hand it the app in-process). */
export interface FakeWebhook {
  url: string;
  /** The key to sign with: the fake's own unless the merchant set one (ANET_SIGNATURE_KEY). */
  signatureKey?: string;
  send?: (url: string, init: RequestInit) => Promise<Response> | Response;
}

interface FakeProfile {
  merchantCustomerId: string | null;
  email: string | null;
  paymentProfiles: Map<string, { card: Card; billTo: Json | null }>;
}

export interface FakeOptions {
  /**
   * A JSON file to keep the fake's records in (transactions, saved cards), read again whenever
   * another process changed it: the records outlive a restart, and the CLI's autopay run sees the
   * cards saved through the server, as with the real gateway. In memory without it.
   */
  statePath?: string;
}

export function createFakeAuthorizeNet(credentials: FakeCredentials = FAKE_CREDENTIALS, options: FakeOptions = {}) {
  const behaviour: FakeBehaviour = { delayMs: 0, replyDelayMs: 0, notifyDelayMs: 0, failNext: 0, dropNext: 0, dropAfterProcessingNext: 0, declineNext: 0 };
  const tokens = new Map<string, { card: Card; used: boolean; expiresAt: number }>();
  const transactions = new Map<string, FakeTransaction>();
  /** The latest transaction per card, amount and invoice number: the duplicate window's memory. */
  const recent = new Map<string, FakeTransaction>();
  const profiles = new Map<string, FakeProfile>();
  /** Where notifications go (with the Signature Key to sign them), once set. */
  let webhook: FakeWebhook | null = null;
  /** Deliveries under way, so tests can wait for them. */
  const deliveries = new Set<Promise<void>>();
  let nextId = 60_000_000_001;
  /** What it signs notifications with, made now and never written anywhere. */
  const signatureKey = randomBytes(64).toString('hex').toUpperCase();
  /** Keys the card fingerprints: a stolen state file gives no way to test guesses of card numbers. */
  let secret = randomBytes(32).toString('hex');
  const newId = () => String(nextId++);
  const store = fileStore(options.statePath, {
    dump: () => ({
      nextId,
      secret,
      tokens: [...tokens],
      transactions: [...transactions.values()],
      profiles: [...profiles].map(([id, p]) => [id, { ...p, paymentProfiles: [...p.paymentProfiles] }]),
    }),
    load(state: Json) {
      nextId = state.nextId;
      secret = state.secret;
      tokens.clear();
      for (const [k, v] of state.tokens) tokens.set(k, v);
      transactions.clear();
      recent.clear();
      for (const stored of state.transactions as FakeTransaction[]) {
        const t = upgradeTransaction(stored);
        transactions.set(t.transId, t);
        if (t.type !== 'refundTransaction') recent.set(`${t.card.fingerprint}|${t.amount}|${t.invoiceNumber}`, t);
      }
      profiles.clear();
      for (const [id, p] of state.profiles) profiles.set(id, { ...p, paymentProfiles: new Map(p.paymentProfiles) });
    },
  });

  function resolveCard(payment: Json | undefined, profile: Json | undefined): Card | { error: [string, string] } {
    if (payment?.opaqueData) {
      const token = tokens.get(String(payment.opaqueData.dataValue ?? ''));
      if (!token || token.used || token.expiresAt < Date.now()) return { error: ['E00114', 'Invalid OTS Token.'] };
      token.used = true;
      return token.card;
    }
    if (profile?.customerProfileId) {
      const saved = profiles.get(String(profile.customerProfileId))?.paymentProfiles.get(String(profile.paymentProfile?.paymentProfileId ?? ''));
      return saved?.card ?? { error: ['E00040', 'The record cannot be found.'] };
    }
    return { error: ['E00003', 'The payment is missing.'] };
  }

  const transactionBook = createFakeTransactions({ transactions, recent, behaviour, newId, resolveCard, notify: (eventType, t) => notify(eventType, t) });

  /** Authorize.Net allows one profile per merchantCustomerId: E00039 names the one there is. */
  function duplicateOf(merchantCustomerId: unknown, refId?: string) {
    if (!merchantCustomerId) return null;
    const existing = [...profiles].find(([, p]) => p.merchantCustomerId === String(merchantCustomerId));
    return existing ? failure('E00039', `A duplicate record with ID ${existing[0]} already exists.`, {}, refId) : null;
  }

  function newProfile(merchantCustomerId: unknown, email: unknown) {
    const id = newId();
    const profile: FakeProfile = { merchantCustomerId: merchantCustomerId ? String(merchantCustomerId) : null, email: email ? String(email) : null, paymentProfiles: new Map() };
    profiles.set(id, profile);
    return { id, profile };
  }

  /** A card saved from a token; liveMode checks it with the "issuer" first (zip 46282 declines). Returns its id or the failure. */
  function savePaymentProfile(profile: FakeProfile, paymentProfile: Json, validationMode: unknown, refId?: string) {
    const card = resolveCard(paymentProfile.payment, undefined);
    if ('error' in card) return failure(card.error[0], card.error[1], {}, refId);
    const zip = String(paymentProfile.billTo?.zip ?? card.zip ?? '');
    if (validationMode === 'liveMode' && ZIP_OUTCOMES[zip] === 'declined') return failure('E00027', 'This transaction has been declined.', {}, refId);
    const id = newId();
    profile.paymentProfiles.set(id, { card, billTo: paymentProfile.billTo ?? null });
    return id;
  }

  const paymentProfileView = (customerProfileId: string, id: string, saved: { card: Card; billTo: Json | null }, unmask: boolean) => ({
    customerProfileId,
    customerPaymentProfileId: id,
    ...(saved.billTo ? { billTo: saved.billTo } : {}),
    payment: { creditCard: { cardNumber: masked(saved.card), expirationDate: unmask ? `${saved.card.expYear}-${saved.card.expMonth}` : 'XXXX', cardType: saved.card.brand } },
  });

  /** Posts a signed notification of a transaction to the webhook, as Authorize.Net does. */
  function notify(eventType: string, t: FakeTransaction) {
    deliver(eventType, { responseCode: Number(t.responseCode), authCode: '', avsResponse: 'Y', authAmount: Number(t.amount), invoiceNumber: t.invoiceNumber ?? undefined, entityName: 'transaction', id: t.transId });
  }

  /** Posts a signed notification to the webhook; a failed delivery is only logged. */
  function deliver(eventType: string, payload: Json) {
    if (!webhook) return;
    const { url, send = fetch } = webhook;
    const body = JSON.stringify({ notificationId: randomUUID(), eventType, eventDate: new Date().toISOString(), webhookId: 'fake-webhook', payload });
    const signature = signWebhookBody(body, webhook.signatureKey ?? signatureKey);
    const delivery = new Promise((r) => setTimeout(r, behaviour.notifyDelayMs))
      .then(() => send(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', 'X-ANET-Signature': signature } }))
      .then((res) => {
        if (!res.ok) console.error(`[fake gateway] webhook to ${url} answered ${res.status}`);
      })
      .catch((err: unknown) => console.error(`[fake gateway] webhook to ${url} failed: ${String(err)}`))
      .finally(() => deliveries.delete(delivery));
    deliveries.add(delivery);
  }

  /** The fraud filter's review of a held transaction, decided by hand as a merchant would. */
  function review(transId: string, decision: 'approve' | 'decline') {
    store.refresh();
    const reviewed = transactionBook.review(transId, decision);
    store.save();
    return reviewed;
  }

  /** The day's settlement batch, run by hand: captured charges and refunds become settled (and refundable). */
  function settleBatch() {
    store.refresh();
    const settled = transactionBook.settleBatch();
    store.save();
    return settled;
  }

  function handle(root: string, body: Json): Json {
    const refId = body.refId ? String(body.refId) : undefined;
    const auth = body.merchantAuthentication ?? {};
    if (auth.name !== credentials.apiLoginId || auth.transactionKey !== credentials.transactionKey) {
      return failure('E00007', 'User authentication failed due to invalid authentication values.', {}, refId);
    }
    switch (root) {
      case 'createTransactionRequest':
        return transactionBook.create(body.transactionRequest ?? {}, refId);
      case 'getTransactionDetailsRequest': {
        const t = transactions.get(String(body.transId ?? ''));
        return t ? ok({ transaction: transactionBook.details(t) }, refId) : failure('E00040', 'The record cannot be found.', {}, refId);
      }
      case 'getUnsettledTransactionListRequest': {
        const list = transactionBook.unsettled();
        return ok({ transactions: list, totalNumInResultSet: list.length }, refId);
      }
      case 'createCustomerProfileRequest': {
        const profile = body.profile ?? {};
        const paymentProfiles = [].concat(profile.paymentProfiles ?? []) as unknown[];
        if (!paymentProfiles.every(isObject)) return failure('E00003', "The element 'paymentProfiles' has incomplete content.", {}, refId);
        const duplicate = duplicateOf(profile.merchantCustomerId, refId);
        if (duplicate) return duplicate;
        const created = newProfile(profile.merchantCustomerId, profile.email);
        const ids: string[] = [];
        for (const p of paymentProfiles as Json[]) {
          const saved = savePaymentProfile(created.profile, p, body.validationMode, refId);
          if (typeof saved !== 'string') {
            profiles.delete(created.id);
            return saved;
          }
          ids.push(saved);
        }
        return ok({ customerProfileId: created.id, customerPaymentProfileIdList: ids, customerShippingAddressIdList: [], validationDirectResponseList: [] }, refId);
      }
      case 'createCustomerPaymentProfileRequest': {
        const profile = profiles.get(String(body.customerProfileId ?? ''));
        if (!profile) return failure('E00040', 'The record cannot be found.', {}, refId);
        const saved = savePaymentProfile(profile, body.paymentProfile ?? {}, body.validationMode, refId);
        if (typeof saved !== 'string') return saved;
        return ok({ customerProfileId: String(body.customerProfileId), customerPaymentProfileId: saved }, refId);
      }
      case 'createCustomerProfileFromTransactionRequest': {
        const t = transactions.get(String(body.transId ?? ''));
        if (!t || t.type === 'refundTransaction' || t.responseCode === '2' || t.responseCode === '3') return failure('E00040', 'The record cannot be found.', {}, refId);
        let target: { id: string; profile: FakeProfile };
        if (body.customerProfileId) {
          const profile = profiles.get(String(body.customerProfileId));
          if (!profile) return failure('E00040', 'The record cannot be found.', {}, refId);
          target = { id: String(body.customerProfileId), profile };
        } else {
          const duplicate = duplicateOf(body.customer?.merchantCustomerId, refId);
          if (duplicate) return duplicate;
          target = newProfile(body.customer?.merchantCustomerId, body.customer?.email);
        }
        const paymentId = newId();
        // The saved card keeps the billing address the charge was made with.
        target.profile.paymentProfiles.set(paymentId, { card: t.card, billTo: t.billTo });
        return ok({ customerProfileId: target.id, customerPaymentProfileIdList: [paymentId], customerShippingAddressIdList: [] }, refId);
      }
      case 'getCustomerProfileRequest': {
        const profile = profiles.get(String(body.customerProfileId ?? ''));
        if (!profile) return failure('E00040', 'The record cannot be found.', {}, refId);
        return ok({
          profile: {
            customerProfileId: String(body.customerProfileId),
            merchantCustomerId: profile.merchantCustomerId ?? undefined,
            email: profile.email ?? undefined,
            paymentProfiles: [...profile.paymentProfiles].map(([id, saved]) => paymentProfileView(String(body.customerProfileId), id, saved, body.unmaskExpirationDate === true)),
          },
        }, refId);
      }
      case 'getCustomerPaymentProfileRequest': {
        const id = String(body.customerPaymentProfileId ?? '');
        const saved = profiles.get(String(body.customerProfileId ?? ''))?.paymentProfiles.get(id);
        if (!saved) return failure('E00040', 'The record cannot be found.', {}, refId);
        return ok({ paymentProfile: paymentProfileView(String(body.customerProfileId), id, saved, body.unmaskExpirationDate === true) }, refId);
      }
      case 'deleteCustomerPaymentProfileRequest': {
        const profile = profiles.get(String(body.customerProfileId ?? ''));
        const id = String(body.customerPaymentProfileId ?? '');
        if (!profile?.paymentProfiles.delete(id)) return failure('E00040', 'The record cannot be found.', {}, refId);
        deliver('net.authorize.customer.paymentProfile.deleted', { customerProfileId: Number(body.customerProfileId), entityName: 'customerPaymentProfile', id });
        return ok({}, refId);
      }
      default:
        return failure('E00045', `The fake does not implement ${root}.`, {}, refId);
    }
  }

  /** What Accept.js does in the browser: card data in, a one-time token out (valid 15 minutes). */
  function tokenize(body: Json) {
    store.refresh();
    const error = (code: string, text: string) => ({ messages: { resultCode: 'Error', message: [{ code, text }] } });
    if (body.authData?.clientKey !== credentials.clientKey || body.authData?.apiLoginID !== credentials.apiLoginId) return error('E_WC_21', 'User authentication failed due to invalid authentication values.');
    const card = body.cardData ?? {};
    const number = String(card.cardNumber ?? '').replace(/\s/g, '');
    if (!luhnValid(number)) return error('E_WC_05', 'Please provide valid credit card number.');
    const month = String(card.month ?? '').padStart(2, '0');
    const year = String(card.year ?? '');
    const fullYear = year.length === 2 ? `20${year}` : year;
    const expires = Date.UTC(Number(fullYear), Number(month), 1);
    if (!/^(0[1-9]|1[0-2])$/.test(month) || !/^\d{4}$/.test(fullYear) || expires <= Date.now()) return error('E_WC_06', 'Please provide valid expiration month and year.');
    if (!/^\d{3,4}$/.test(String(card.cardCode ?? ''))) return error('E_WC_15', 'Please provide valid CVV.');
    const dataValue = randomBytes(24).toString('base64');
    const saved: Card = { fingerprint: createHmac('sha256', secret).update(number).digest('hex'), last4: number.slice(-4), brand: TEST_CARDS[number] ?? 'Visa', expMonth: month, expYear: fullYear, zip: card.zip ? String(card.zip) : null };
    tokens.set(dataValue, { card: saved, used: false, expiresAt: Date.now() + 15 * 60_000 });
    store.save();
    return { opaqueData: { dataDescriptor: 'COMMON.ACCEPT.INAPP.PAYMENT', dataValue }, messages: { resultCode: 'Ok', message: [{ code: 'I_WC_01', text: 'Successful.' }] } };
  }

  /** What the merchant does by hand in the Merchant Interface goes through the same API. */
  function merchant(transactionRequest: Json) {
    store.refresh();
    const answer = handle('createTransactionRequest', { merchantAuthentication: { name: credentials.apiLoginId, transactionKey: credentials.transactionKey }, transactionRequest });
    store.save();
    return answer.transactionResponse as Json;
  }
  const cardOf = (transId: string) => ({ creditCard: { cardNumber: transactions.get(transId)?.card.last4 ?? '', expirationDate: 'XXXX' } });
  const dollars = (cents: number) => (cents / 100).toFixed(2);

  const app = new Hono<{ Bindings: { incoming: IncomingMessage } }>();
  const drop = (c: { env: { incoming: IncomingMessage } }) => {
    c.env.incoming.socket.destroy();
    return new Response(null);
  };
  app.use('*', async (c, next) => {
    if (behaviour.delayMs) await new Promise((r) => setTimeout(r, behaviour.delayMs));
    await next();
  });
  app.post('/xml/v1/request.api', async (c) => {
    if (behaviour.dropNext > 0) {
      behaviour.dropNext--;
      return drop(c);
    }
    if (behaviour.failNext > 0) {
      behaviour.failNext--;
      return c.text('Internal Server Error', 500);
    }
    const text = (await c.req.text()).replace(/^\uFEFF/, '');
    let body: Json;
    try {
      body = JSON.parse(text) as Json;
    } catch {
      return reply(c, failure('E00002', 'The content-type specified is not supported.'));
    }
    // One request element holding an object, like the XML it stands for; anything else is unreadable.
    const root = isObject(body) ? (Object.keys(body)[0] ?? '') : '';
    if (!isObject(body) || !isObject(body[root])) return reply(c, failure('E00003', 'An error occurred while parsing the request: the root element is missing or empty.'));
    store.refresh();
    const answer = handle(root, body[root]);
    store.save();
    if (root === 'createTransactionRequest' && behaviour.replyDelayMs) await new Promise((r) => setTimeout(r, behaviour.replyDelayMs));
    if (root === 'createTransactionRequest' && behaviour.dropAfterProcessingNext > 0) {
      behaviour.dropAfterProcessingNext--;
      return drop(c);
    }
    return reply(c, answer);
  });
  app.post('/fake-accept/token', async (c) => c.json(tokenize(await c.req.json().catch(() => ({})))));
  app.post('/fake/review', async (c) => {
    const { transId, decision } = (await c.req.json().catch(() => ({}))) as Json;
    return review(String(transId), decision === 'decline' ? 'decline' : 'approve') ? c.json({ ok: true }) : c.json({ error: 'No held transaction with that id.' }, 404);
  });
  app.post('/fake/settle', (c) => c.json({ settled: settleBatch() }));
  app.post('/fake/behaviour', async (c) => {
    Object.assign(behaviour, await c.req.json().catch(() => ({})));
    return c.json(behaviour);
  });

  return {
    app,
    behaviour,
    /** The key it signs notifications with: hand it to the portal server in-process, never publish it. */
    signatureKey,
    transactions,
    profiles,
    review,
    settleBatch,
    /** Refunds part or all of a settled charge, as in the Merchant Interface; the transactionResponse. */
    refund: (transId: string, amountCents: number) => merchant({ transactionType: 'refundTransaction', amount: dollars(amountCents), payment: cardOf(transId), refTransId: transId }),
    /** Voids an unsettled transaction (a charge, or a refund), as in the Merchant Interface; the transactionResponse. */
    void: (transId: string) => merchant({ transactionType: 'voidTransaction', refTransId: transId }),
    /** Sends notifications (signed) to this URL from now on; null stops them. */
    setWebhook(target: FakeWebhook | null) {
      webhook = target;
    },
    /** Resolves when every notification sent so far has been delivered (or failed). */
    async deliveriesDone() {
      while (deliveries.size) await Promise.all(deliveries);
    },
    tokenize: (cardData: Json) => tokenize({ authData: { clientKey: credentials.clientKey, apiLoginID: credentials.apiLoginId }, cardData }),
    /** Accept.js's whole request (authData and cardData), as the card frame's stand-in sends it. */
    acceptRequest: (request: unknown) => tokenize((request ?? {}) as Json),
    /** Listens on loopback (an ephemeral port unless given); resolves with its base URL. */
    async listen(port = 0): Promise<{ url: string; close: () => Promise<void> }> {
      const server: ServerType = await new Promise((resolve) => {
        const s = serve({ fetch: (request, env) => app.fetch(request, env), port, hostname: '127.0.0.1' }, () => resolve(s));
      });
      const address = server.address() as AddressInfo;
      return {
        url: `http://127.0.0.1:${address.port}`,
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
      };
    },
  };
}

export type FakeAuthorizeNet = ReturnType<typeof createFakeAuthorizeNet>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Authorize.Net puts a byte order mark before its JSON, and answers 200 even to what it refuses. */
const reply = (c: { body: (data: string, status: 200, headers: Record<string, string>) => Response }, answer: unknown) =>
  c.body(`\uFEFF${JSON.stringify(answer)}`, 200, { 'Content-Type': 'application/json; charset=utf-8' });

/** Keeps the fake's records in a JSON file, written whole (via a rename) after each change. */
function fileStore(path: string | undefined, state: { dump: () => unknown; load: (saved: Json) => void }) {
  let seen = 0;
  const refresh = () => {
    if (!path || !existsSync(path)) return;
    const modified = statSync(path).mtimeMs;
    if (modified === seen) return;
    state.load(JSON.parse(readFileSync(path, 'utf8')) as Json);
    seen = modified;
  };
  refresh();
  return {
    /** Reads the file again if another process wrote it since. */
    refresh,
    save() {
      if (!path) return;
      writeFileSync(`${path}.tmp`, JSON.stringify(state.dump()));
      renameSync(`${path}.tmp`, path);
      seen = statSync(path).mtimeMs;
    },
  };
}
