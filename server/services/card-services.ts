import type { Db } from '../db/client.ts';
import type { Mailer } from '../mail/mailer.ts';
import { createAutopayService, type AutopayGateway } from './autopay.ts';
import type { Background } from './background.ts';
import { createPaymentsService, type PaymentGateway } from './payments.ts';

export type CardGateway = PaymentGateway & AutopayGateway;

/** Card payments and autopay over one gateway, as the server and the CLI both use them. */
export function createCardServices(deps: {
  db: Db;
  gateway: CardGateway | null;
  background: Background;
  now: () => number;
  mail: { mailer: Mailer; providerName: string; portalUrl: string };
  settleDelayMs?: number;
}) {
  const { mail, ...rest } = deps;
  const payments = createPaymentsService({ ...rest, receipts: mail });
  const autopay = createAutopayService({ db: deps.db, gateway: deps.gateway, payments, now: deps.now, mail });
  return { payments, autopay };
}
