import { createAutopayService, type AutopayGateway } from './autopay.ts';
import { createPaymentsService, type PaymentGateway, type PaymentMailer, type PaymentsDeps } from './payments.ts';

export type CardGateway = PaymentGateway & AutopayGateway;

/** Card payments and autopay over one gateway, as the server and the CLI both use them. */
export function createCardServices(deps: Omit<PaymentsDeps, 'gateway' | 'receipts'> & { gateway: CardGateway | null; mail: PaymentMailer }) {
  const { mail, ...rest } = deps;
  const payments = createPaymentsService({ ...rest, receipts: mail });
  const autopay = createAutopayService({ db: deps.db, gateway: deps.gateway, payments, now: deps.now, mail });
  return { payments, autopay };
}
