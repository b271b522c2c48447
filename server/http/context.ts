import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Env, MiddlewareHandler } from 'hono';
import { validationHook } from '../api/common.ts';
import { signedIn } from '../auth/middleware.ts';
import type { AuthService } from '../auth/service.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import type { Config } from '../env.ts';
import type { AutopayService } from '../services/autopay.ts';
import type { PaymentsService } from '../services/payments.ts';
import type { TicketsService } from '../services/tickets/tickets.ts';
import type { AllowedOrigins } from '../services/resellers/allowed-origins.ts';

/** Everything a request handler may use; built once by `createApp`. */
export interface Deps {
  db: Db;
  config: Config;
  auth: AuthService;
  payments: PaymentsService;
  autopay: AutopayService;
  tickets: TicketsService;
  /** The key Authorize.Net signs webhook notifications with; null: no webhooks. */
  webhookSignatureKey: string | null;
  /** Sites that may call the API and frame the card fields: the portal, ALLOWED_ORIGINS, resellers' sites. */
  origins: AllowedOrigins;
  now: () => number;
  /** Mails the issued invoices nobody was told of yet (services/invoice-notices.ts), as background work; how many. */
  notifyInvoices(): Promise<number>;
}

/** Handlers read these with `c.get(name)`: hono's `c.var` copies all of them into a new object on each use. */
export interface AppEnv {
  Variables: {
    deps: Deps;
    /** The signed-in session, or null. */
    session: ActiveSession | null;
    /** The client's address (see TRUST_PROXY), or null when unknown. */
    ip: string | null;
  };
}

/** A router whose schema failures answer with the one error shape (400 VALIDATION). */
export function createRouter<E extends Env = AppEnv>() {
  return new OpenAPIHono<E>({ defaultHook: validationHook });
}

/**
 * The route behind a gate (a sign-in, the provider key) that runs before any of its input is
 * read. Contracts carry no middleware (they also run in the browser), so handlers add it here.
 */
export const guarded = <R extends RouteConfig, G extends MiddlewareHandler<AppEnv>>(route: R, gate: G) => ({ ...route, middleware: [gate] as [G] });

/** The route, answering 401 when nobody is signed in. Account resources need not: the account-scoped router signs in for them. */
export const whenSignedIn = <R extends RouteConfig>(route: R) => guarded(route, signedIn);
