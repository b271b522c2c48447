import { OpenAPIHono } from '@hono/zod-openapi';
import { accountRouter } from './api/account-router.ts';
import { accountDetailHandlers, accountHandlers } from './api/accounts/handlers.ts';
import { authHandlers } from './api/auth/handlers.ts';
import { autopayHandlers } from './api/autopay/handlers.ts';
import { brandHandlers, logoHeaders } from './api/brands/handlers.ts';
import { errorBody } from './api/common.ts';
import { invoiceHandlers } from './api/invoices/handlers.ts';
import { paymentHandlers } from './api/payments/handlers.ts';
import { portalSessionExchangeHandlers, portalSessionHandlers } from './api/portal-sessions/handlers.ts';
import { providerHandlers } from './api/provider/handlers.ts';
import { reportHandlers } from './api/reports/handlers.ts';
import { serviceHandlers } from './api/services/handlers.ts';
import { subAccountHandlers } from './api/sub-accounts/handlers.ts';
import { summaryHandlers } from './api/summary/handlers.ts';
import { ticketQueueHandlers } from './api/ticket-queue/handlers.ts';
import { ticketHandlers, ticketLimitHandlers } from './api/tickets/handlers.ts';
import { webhookHandlers } from './api/webhooks/handlers.ts';
import { sessionMiddleware } from './auth/middleware.ts';
import { createAuthService } from './auth/service.ts';
import { cardFrameRoutes, type CardFrameConfig } from './card-frame/routes.ts';
import type { Db } from './db/client.ts';
import type { Config } from './env.ts';
import { limitBodies, tooLargeMessage } from './http/body-limit.ts';
import { apiSecureHeaderRecord, secureHeaderRecord } from './http/page-policies.ts';
import { replyHeaders } from './http/reply-headers.ts';
import { MAX_TICKET_REQUEST_BYTES, TICKET_REQUEST_TOO_LARGE } from './services/tickets/limits.ts';
import type { AppEnv, Deps } from './http/context.ts';
import { handleError } from './http/errors.ts';
import { sendInvoiceNotices } from './services/invoice-notices.ts';
import type { Mailer } from './mail/mailer.ts';
import { createBackground, type Background } from './services/background.ts';
import { createCardServices, type CardGateway } from './services/card-services.ts';
import { createTicketsService } from './services/tickets/index.ts';

/** The ticket routes that take multipart bodies with files: the account's new ticket and reply, the staff's reply. */
const TICKET_WRITES_WITH_FILES = /^\/api\/v1\/(accounts\/[^/]+\/tickets(\/[^/]+\/messages)?|tickets\/[^/]+\/messages)$/;
import { createAllowedOrigins } from './services/resellers/allowed-origins.ts';

export interface AppOptions {
  db: Db;
  config: Config;
  mailer: Mailer;
  /** Milliseconds since the epoch; tests move it to check expiry. */
  now?: () => number;
  background?: Background;
  /** The card gateway (server/index.ts starts the fake one without credentials); null: no card payments. */
  gateway?: CardGateway | null;
  /** How long after an unanswered gateway call the gateway is asked about it (default: PAYMENT_SETTLE_DELAY_MS). */
  settleDelayMs?: number;
  /** The Signature Key of gateway webhooks (the fake's, or ANET_SIGNATURE_KEY); without it no webhooks are taken. */
  webhookSignatureKey?: string | null;
  /** The card frame's Accept.js settings; without them there is no /card-frame. */
  cardFrame?: CardFrameConfig;
}

/** The API (everything under /api/v1); `server/index.ts` adds the static site and listens. */
export function createApp(options: AppOptions) {
  const now = options.now ?? Date.now;
  const background = options.background ?? createBackground();
  const mail = { mailer: options.mailer, providerName: options.config.providerName, portalUrl: options.config.publicUrl };
  const { payments, autopay } = createCardServices({
    db: options.db,
    gateway: options.gateway ?? null,
    background,
    now,
    mail,
    settleDelayMs: options.settleDelayMs ?? options.config.paymentSettleDelayMs,
    leaseMs: options.config.paymentLeaseSeconds * 1000,
  });
  const tickets = createTicketsService({ db: options.db, config: options.config, mailer: options.mailer, now });
  // Files of messages a crash interrupted: finished or removed before the first request.
  tickets.recover();
  const deps: Deps = {
    db: options.db,
    config: options.config,
    now,
    auth: createAuthService({ db: options.db, config: options.config, mailer: options.mailer, background, now }),
    payments,
    autopay,
    tickets,
    webhookSignatureKey: options.webhookSignatureKey ?? null,
    // The portal's own origin, ALLOWED_ORIGINS, and the resellers' sites (read from the database, cached).
    origins: createAllowedOrigins(options.db, [new URL(options.config.publicUrl).origin, ...options.config.allowedOrigins], now),
    notifyInvoices: () => {
      const mailing = sendInvoiceNotices(options.db, mail, now);
      // Tracked, so shutdown and tests wait for the mails it queues.
      background.run('invoice mails', () => mailing.then(() => undefined));
      return mailing;
    },
  };

  const api = new OpenAPIHono<AppEnv>();
  api.use('*', sessionMiddleware(deps));
  // Each account resource mounts on the account-scoped router, which signs in and finds the account once.
  const accountResources = accountRouter()
    .route('/', accountDetailHandlers)
    .route('/', invoiceHandlers)
    .route('/', summaryHandlers)
    .route('/', paymentHandlers)
    .route('/', autopayHandlers)
    .route('/', ticketHandlers)
    .route('/', reportHandlers)
    .route('/', serviceHandlers)
    .route('/', subAccountHandlers);
  const routes = api
    .route('/', authHandlers)
    .route('/', portalSessionExchangeHandlers)
    .route('/', accountHandlers)
    .route('/', accountResources)
    .route('/', ticketQueueHandlers)
    .route('/', ticketLimitHandlers)
    .route('/', webhookHandlers)
    .route('/', brandHandlers)
    .route('/', portalSessionHandlers)
    .route('/provider', providerHandlers);

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'billing-portal-kit API', version: '1.0.0', description: 'Customer self-service billing portal. Amounts are integer cents.' },
    servers: [{ url: '/api/v1' }],
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  api.openAPIRegistry.registerComponent('securitySchemes', 'providerKey', { type: 'http', scheme: 'bearer', description: 'PROVIDER_API_KEY' });
  api.openAPIRegistry.registerComponent('securitySchemes', 'resellerKey', { type: 'http', scheme: 'bearer', description: 'A reseller API key (npm run portal -- create-reseller)' });

  const root = new OpenAPIHono<AppEnv>();
  // First, so that every reply has them, a 413 of the body limits too. The card frame sets its
  // own headers: it is made to be framed by the allowed origins.
  root.use(
    '*',
    replyHeaders({
      secure: secureHeaderRecord({ strictTransportSecurity: options.config.publicUrl.startsWith('https:') }),
      apiSecure: apiSecureHeaderRecord({ strictTransportSecurity: options.config.publicUrl.startsWith('https:') }),
      apiPath: '/api/v1',
      allowedOrigins: deps.origins,
      ownHeadersPrefix: '/card-frame',
    }),
  );
  // Only requests that may carry a body go through the limits (a GET or HEAD has none).
  root.on(
    ['POST', 'PUT', 'PATCH', 'DELETE'],
    '*',
    limitBodies([
      { path: '/api/v1/provider/imports/', maxBytes: options.config.importMaxBytes, message: tooLargeMessage('The file', options.config.importMaxBytes) },
      // A new ticket, a customer's reply or a staff reply (or note) may carry files; its handler reads and checks them under the same limit.
      { path: TICKET_WRITES_WITH_FILES, maxBytes: MAX_TICKET_REQUEST_BYTES, message: TICKET_REQUEST_TOO_LARGE },
    ]),
  );
  root.use('/api/v1/brands/:reseller/logo', logoHeaders);
  // The one error handler, for the API too: an onError of its own would make Hono wrap each of the
  // API's handlers and middleware in a composition of its own, run on every request.
  root.onError(handleError);
  if (options.cardFrame) root.route('/', cardFrameRoutes(options.cardFrame, deps.origins));
  const app = root.route('/api/v1', routes);
  // Unknown API paths answer in the error shape, before the static site (server/index.ts) sees them.
  root.all('/api/v1/*', (c) => c.json(errorBody('NOT_FOUND', 'There is no such API route.'), 404));
  return { app, deps, idle: async () => (await background.idle(), await options.mailer.idle()) };
}

export type AppType = ReturnType<typeof createApp>['app'];
