import { OpenAPIHono } from '@hono/zod-openapi';
import type { AuthService } from '../auth/service.ts';
import type { ActiveSession } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import type { Config } from '../env.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Background } from '../services/background.ts';
import type { AutopayService } from '../services/autopay.ts';
import type { PaymentsService } from '../services/payments.ts';
import { errorBody, issuesFrom } from './errors.ts';

/** Everything a request handler may use; built once by `createApp`. */
export interface Deps {
  db: Db;
  config: Config;
  mailer: Mailer;
  background: Background;
  auth: AuthService;
  payments: PaymentsService;
  autopay: AutopayService;
  /** The key Authorize.Net signs webhook notifications with; null: no webhooks. */
  webhookSignatureKey: string | null;
  now: () => number;
}

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
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return c.json(errorBody('VALIDATION', 'Some of the request is missing or invalid.', { issues: issuesFrom(result.error) }), 400);
      }
    },
  });
}
