import { createRequire } from 'node:module';

/**
 * Card payments through Authorize.Net's JSON API, spoken with the official `authorizenet` SDK.
 * Nothing outside server/gateway/ imports the SDK. The SDK needs three kinds of care:
 * - it never calls back when the HTTP request fails (it only logs): we watch its error slot and
 *   keep our own timer, and both mean "outcome unknown", settled later by asking the gateway;
 * - it makes winston loggers per request and never lets them go: it gets a silent one instead;
 * - Authorize.Net answers JSON with a byte order mark, which the SDK hands over as a string.
 */

const require = createRequire(import.meta.url);
const sdk = require('authorizenet') as { APIControllers: Record<string, new (request: object, config: object) => SdkController> };
const winston = createRequire(require.resolve('authorizenet'))('winston') as {
  loggers: { loggers: Map<string, unknown>; get(id: string, options?: unknown): unknown };
};

interface SdkController {
  setEnvironment(url: string): void;
  execute(callback: () => void): void;
  getResponse(): unknown;
  _error: unknown;
}

/** Authorize.Net's JSON, read field by field as the API documents it; the SDK gives it no types. */
type Json = Record<string, any>;

export const ANET_ENDPOINTS = {
  sandbox: 'https://apitest.authorize.net/xml/v1/request.api',
  production: 'https://api2.authorize.net/xml/v1/request.api',
} as const;

export interface GatewayConfig {
  apiLoginId: string;
  transactionKey: string;
  /** The JSON API's URL (the fake's, sandbox or production). */
  endpoint: string;
  /** How long a call may take before its outcome counts as unknown. */
  timeoutMs: number;
  /** The currencies the merchant account takes (ISO codes); US dollars unless said. */
  currencies?: readonly string[];
}

export type ChargeOutcome = 'approved' | 'declined' | 'held' | 'error' | 'voided';

export interface ChargeResult {
  outcome: ChargeOutcome;
  transactionId: string | null;
  authCode: string | null;
  cardBrand: string | null;
  last4: string | null;
  /** The gateway's reason code and text, e.g. "2" "This transaction has been declined." */
  code: string;
  message: string;
}

/** A transaction as the gateway sees it now (getTransactionDetails). */
export interface GatewayTransaction {
  transId: string;
  /** authCaptureTransaction, refundTransaction, … */
  type: string;
  /** Authorize.Net's transactionStatus: capturedPendingSettlement, settledSuccessfully, voided, refundPendingSettlement, … */
  status: string;
  /** The charge a refund pays back. */
  refTransId: string | null;
  /** Cents: what it settles for, or what was asked when nothing settles (a void). */
  amountCents: number;
  /** Our reference (the order's invoice number), when it has one. */
  invoiceNumber: string | null;
  /** As the outcome of a charge. */
  result: ChargeResult;
}

/** The call timed out, failed in transit or got no answer: the charge may or may not have happened. */
export class GatewayOutcomeUnknown extends Error {
  override name = 'GatewayOutcomeUnknown';
}

/** The gateway answered, but not about a transaction (bad credentials, a malformed request). */
export class GatewayRefused extends Error {
  override name = 'GatewayRefused';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** E00040 "The record cannot be found.": the gateway has no such transaction, profile or saved card. */
export class GatewayRecordNotFound extends GatewayRefused {
  override name = 'GatewayRecordNotFound';
}

export type PaymentSource =
  | { opaqueData: { dataDescriptor: string; dataValue: string } }
  | { profile: { customerProfileId: string; paymentProfileId: string } };

export interface ChargeRequest {
  amountCents: number;
  /** The amount's currency (ISO code): one of the gateway's `currencies`. */
  currency: string;
  source: PaymentSource;
  /** Our reference for the payment (up to 20 characters): how an unknown outcome is found again. */
  invoiceNumber: string;
  description: string;
  billTo?: { firstName?: string; lastName?: string; address?: string; city?: string; state?: string; zip?: string; country?: string };
}

export interface SavedCardIds {
  customerProfileId: string;
  paymentProfileId: string;
}

export interface SavedCard {
  brand: string;
  last4: string;
  expMonth: number | null;
  expYear: number | null;
}

export interface SaveCardRequest {
  /** The customer's profile at the gateway, when the portal already has one. */
  customerProfileId: string | null;
  /** Our customer: the account number (merchantCustomerId) and an email for the profile. */
  customer: { id: string; email: string };
  opaqueData: { dataDescriptor: string; dataValue: string };
  billTo?: ChargeRequest['billTo'];
  /** liveMode checks the card with the issuer before saving it; testMode only checks its form. */
  validationMode: 'liveMode' | 'testMode';
}

const SDK_LOGGERS = /^(ApiOperationBase|[A-Za-z]+Controller|[A-Za-z]+Type|[A-Za-z]+Request|[A-Za-z]+Response)\d+$/;

/**
 * The SDK asks winston for a new logger (named with a random number) for every request and every
 * contract object, formats each request into it even with logging off, and never lets them go.
 * Its loggers are replaced by one that does nothing: no leak, no work, and no request (with its
 * token) written anywhere.
 */
const SILENT = { debug() {}, info() {}, warn() {}, error() {}, verbose() {}, silly() {}, log() {} };
const registeredGet = winston.loggers.get.bind(winston.loggers);
winston.loggers.get = (id: string, options?: unknown) => (SDK_LOGGERS.test(id) ? SILENT : registeredGet(id, options));

const dollars = (cents: number) => (cents / 100).toFixed(2);

/** A charge's transactionStatus as its outcome: taken (captured or to be), refused, held for review, cancelled. */
function outcomeOf(status: string): ChargeOutcome {
  if (['capturedPendingSettlement', 'settledSuccessfully', 'authorizedPendingCapture', 'pendingSettlement', 'pendingFinalSettlement', 'updatingSettlement', 'approvedReview'].includes(status)) return 'approved';
  if (status === 'declined') return 'declined';
  if (status === 'voided') return 'voided';
  if (status.startsWith('FDS') || status === 'underReview') return 'held';
  return 'error';
}

export function createAuthorizeNetGateway(config: GatewayConfig) {
  const merchantAuthentication = { name: config.apiLoginId, transactionKey: config.transactionKey };
  const sdkConfig = { timeout: config.timeoutMs, clientId: 'billing-portal-kit', logger: { enabled: false, location: './', level: 'error' }, proxy: { setProxy: false, proxyUrl: '' } };

  /** One API call: resolves with the parsed answer, or rejects with GatewayOutcomeUnknown. */
  function call(controllerName: string, request: Json): Promise<Json> {
    const Controller = sdk.APIControllers[controllerName]!;
    return new Promise<Json>((resolve, reject) => {
      const controller = new Controller(request, sdkConfig);
      controller.setEnvironment(config.endpoint);
      const unknown = (why: string) => reject(new GatewayOutcomeUnknown(`No answer from the payment gateway (${why}).`));
      const timer = setTimeout(() => unknown(`no reply within ${config.timeoutMs} ms`), config.timeoutMs);
      // The SDK records a failed request here and does nothing else.
      let failed: unknown = null;
      Object.defineProperty(controller, '_error', {
        get: () => failed,
        set(error: unknown) {
          failed = error;
          if (error) {
            clearTimeout(timer);
            unknown(error instanceof Error ? error.message : 'the request failed');
          }
        },
      });
      controller.execute(() => {
        clearTimeout(timer);
        const raw = controller.getResponse();
        try {
          resolve(typeof raw === 'string' ? (JSON.parse(raw.replace(/^\uFEFF/, '')) as Json) : (raw as Json));
        } catch {
          unknown('an unreadable reply');
        }
      });
    });
  }

  /** The reply of a call that is not a charge: its content, or GatewayRefused with the gateway's words. */
  function expectOk(response: Json): Json {
    if (response.messages?.resultCode === 'Ok') return response;
    throw refusal(response);
  }

  function refusal(response: Json): GatewayRefused {
    const m = firstMessage(response);
    return m.code === 'E00040' ? new GatewayRecordNotFound(m.code, m.text) : new GatewayRefused(m.code, m.text);
  }

  /** E00039 "A duplicate record with ID 1234 already exists.": the customer has a profile we lost track of. */
  const existingProfileId = (response: Json) => (firstMessage(response).code === 'E00039' ? (/ID (\d+)/.exec(firstMessage(response).text)?.[1] ?? null) : null);

  const firstMessage = (response: Json) => (response.messages?.message?.[0] ?? { code: 'E00001', text: 'The gateway answered without a message.' }) as { code: string; text: string };

  function chargeResult(response: Json): ChargeResult {
    const t = response.transactionResponse as Json | undefined;
    if (!t || !t.responseCode) {
      const m = firstMessage(response);
      throw new GatewayRefused(m.code, m.text);
    }
    const outcome = ({ '1': 'approved', '2': 'declined', '3': 'error', '4': 'held' } as const)[String(t.responseCode) as '1' | '2' | '3' | '4'] ?? 'error';
    const error = t.errors?.[0] as { errorCode: string; errorText: string } | undefined;
    const message = t.messages?.[0] as { code: string; description: string } | undefined;
    return {
      outcome,
      transactionId: t.transId && t.transId !== '0' ? String(t.transId) : null,
      authCode: t.authCode || null,
      cardBrand: t.accountType || null,
      last4: typeof t.accountNumber === 'string' ? t.accountNumber.slice(-4) : null,
      code: error?.errorCode ?? message?.code ?? firstMessage(response).code,
      message: error?.errorText ?? message?.description ?? firstMessage(response).text,
    };
  }

  /** One createTransactionRequest; its transactionResponse as a ChargeResult. */
  const transact = async (transactionRequest: Json, refId?: string) =>
    chargeResult(await call('CreateTransactionController', { createTransactionRequest: { merchantAuthentication, ...(refId ? { refId } : {}), transactionRequest } }));

  /** A charge or an authorization of a card (a one-time token from Accept.js) or a saved payment profile. */
  function chargeOf(transactionType: 'authCaptureTransaction' | 'authOnlyTransaction', request: ChargeRequest) {
    const payment = 'opaqueData' in request.source ? { payment: { opaqueData: request.source.opaqueData } } : {};
    const profile = 'profile' in request.source ? { profile: { customerProfileId: request.source.profile.customerProfileId, paymentProfile: { paymentProfileId: request.source.profile.paymentProfileId } } } : {};
    // Authorize.Net reads the elements in the order of its schema.
    const transactionRequest = {
      transactionType,
      amount: dollars(request.amountCents),
      currencyCode: request.currency,
      ...payment,
      ...profile,
      order: { invoiceNumber: request.invoiceNumber, description: request.description },
      ...(request.billTo ? { billTo: request.billTo } : {}),
    };
    return transact(transactionRequest, request.invoiceNumber);
  }

  async function transaction(transId: string): Promise<GatewayTransaction> {
    const details = await call('GetTransactionDetailsController', { getTransactionDetailsRequest: { merchantAuthentication, transId } });
    const t = details.transaction as Json | undefined;
    if (!t) throw refusal(details);
    const status = String(t.transactionStatus);
    const settled = Number(t.settleAmount ?? 0);
    return {
      transId: String(t.transId),
      type: String(t.transactionType),
      status,
      refTransId: t.refTransId ? String(t.refTransId) : null,
      amountCents: Math.round((settled > 0 ? settled : Number(t.authAmount ?? 0)) * 100),
      invoiceNumber: t.order?.invoiceNumber ? String(t.order.invoiceNumber) : null,
      result: {
        outcome: outcomeOf(status),
        transactionId: String(t.transId),
        authCode: null,
        cardBrand: t.payment?.creditCard?.cardType ?? null,
        last4: String(t.payment?.creditCard?.cardNumber ?? '').slice(-4) || null,
        code: status,
        message: `Found at the gateway: ${status}.`,
      },
    };
  }

  return {
    /** The currencies the merchant account takes: a charge names one of them. */
    currencies: config.currencies ?? ['USD'],
    /** Charges a card (a one-time token from Accept.js) or a saved payment profile. */
    charge: (request: ChargeRequest) => chargeOf('authCaptureTransaction', request),

    /** Authorizes a card without taking the money yet (captured later, or voided). */
    authorize: (request: ChargeRequest) => chargeOf('authOnlyTransaction', request),

    /** Takes the money of an authorization: all of it, or less. */
    capture: (transId: string, amountCents?: number) =>
      transact({ transactionType: 'priorAuthCaptureTransaction', ...(amountCents === undefined ? {} : { amount: dollars(amountCents) }), refTransId: transId }),

    /** Cancels a transaction not yet settled (a charge, an authorization, a refund). */
    void: (transId: string) => transact({ transactionType: 'voidTransaction', refTransId: transId }),

    /** Pays back part or all of a settled charge to its card, named by its last four digits (the gateway asks no more). */
    refund: (request: { transId: string; amountCents: number; last4: string }) =>
      transact({ transactionType: 'refundTransaction', amount: dollars(request.amountCents), payment: { creditCard: { cardNumber: request.last4, expirationDate: 'XXXX' } }, refTransId: request.transId }),

    /**
     * Settles an unknown outcome: the charge with our reference, if the gateway has one (a refund
     * may carry a reference too: it is not the charge). Null means the gateway never took it.
     */
    async findCharge(invoiceNumber: string): Promise<ChargeResult | null> {
      const list = await call('GetUnsettledTransactionListController', { getUnsettledTransactionListRequest: { merchantAuthentication } });
      const candidates = ((list.transactions ?? []) as Json[]).filter((t) => t.invoiceNumber === invoiceNumber).reverse();
      for (const candidate of candidates) {
        const found = await transaction(String(candidate.transId));
        if (found.type !== 'refundTransaction') return found.result;
      }
      return null;
    },

    /** A transaction as the gateway sees it now (a held charge may since have been approved, a charge refunded or voided). */
    transaction,

    /**
     * Saves a card (a one-time token) as a payment profile of the customer's profile, creating
     * the profile when the customer has none. The card is checked with the issuer first.
     */
    async saveCard(request: SaveCardRequest): Promise<SavedCardIds> {
      const paymentProfile = { ...(request.billTo ? { billTo: request.billTo } : {}), payment: { opaqueData: request.opaqueData } };
      const addTo = async (customerProfileId: string) => {
        const reply = expectOk(
          await call('CreateCustomerPaymentProfileController', {
            createCustomerPaymentProfileRequest: { merchantAuthentication, customerProfileId, paymentProfile, validationMode: request.validationMode },
          }),
        );
        return { customerProfileId, paymentProfileId: String(reply.customerPaymentProfileId) };
      };
      if (request.customerProfileId) return addTo(request.customerProfileId);
      const reply = await call('CreateCustomerProfileController', {
        createCustomerProfileRequest: {
          merchantAuthentication,
          profile: { merchantCustomerId: request.customer.id, email: request.customer.email, paymentProfiles: [paymentProfile] },
          validationMode: request.validationMode,
        },
      });
      const existing = existingProfileId(reply);
      if (existing) return addTo(existing);
      const created = expectOk(reply);
      return { customerProfileId: String(created.customerProfileId), paymentProfileId: String(created.customerPaymentProfileIdList?.[0]) };
    },

    /** Saves the card of an approved transaction as a payment profile (the token it used is spent). */
    async saveCardFromTransaction(request: { transId: string; customerProfileId: string | null; customer: { id: string; email: string } }): Promise<SavedCardIds> {
      const ask = (customerProfileId: string | null) =>
        call('CreateCustomerProfileFromTransactionController', {
          createCustomerProfileFromTransactionRequest: {
            merchantAuthentication,
            transId: request.transId,
            ...(customerProfileId ? { customerProfileId } : { customer: { merchantCustomerId: request.customer.id, email: request.customer.email } }),
          },
        });
      let reply = await ask(request.customerProfileId);
      const existing = existingProfileId(reply);
      if (existing) reply = await ask(existing);
      const ok = expectOk(reply);
      return { customerProfileId: String(ok.customerProfileId), paymentProfileId: String(ok.customerPaymentProfileIdList?.at(-1)) };
    },

    /** What a saved card is: brand, last four, expiry (the only card facts the portal keeps). */
    async savedCard(ids: SavedCardIds): Promise<SavedCard> {
      const reply = expectOk(
        await call('GetCustomerPaymentProfileController', {
          getCustomerPaymentProfileRequest: { merchantAuthentication, customerProfileId: ids.customerProfileId, customerPaymentProfileId: ids.paymentProfileId, unmaskExpirationDate: true },
        }),
      );
      const card = (reply.paymentProfile?.payment?.creditCard ?? {}) as Json;
      const [year, month] = String(card.expirationDate ?? '').split('-').map(Number);
      return { brand: String(card.cardType ?? 'Card'), last4: String(card.cardNumber ?? '').slice(-4), expMonth: month || null, expYear: year || null };
    },

    async deleteSavedCard(ids: SavedCardIds): Promise<void> {
      const reply = await call('DeleteCustomerPaymentProfileController', {
        deleteCustomerPaymentProfileRequest: { merchantAuthentication, customerProfileId: ids.customerProfileId, customerPaymentProfileId: ids.paymentProfileId },
      });
      try {
        expectOk(reply);
      } catch (err) {
        // Already gone is what we wanted.
        if (!(err instanceof GatewayRecordNotFound)) throw err;
      }
    },
  };
}

export type AuthorizeNetGateway = ReturnType<typeof createAuthorizeNetGateway>;
