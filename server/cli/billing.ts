import { sendInvoiceNotices } from '../services/invoice-notices.ts';
import { billingPolicyOf, billPeriod, describeBillingRun, BillingBlockedError } from '../services/billing/billing-run.ts';
import { InputError } from '../services/errors.ts';
import { str, UsageError, withServices, type Command } from './command.ts';

export const billCommand: Command = {
  usage: 'bill --period YYYY-MM   (one invoice per account; a billed period is never billed twice)',
  options: { period: str },
  async run(values, _positionals, config) {
    if (typeof values.period !== 'string') throw new UsageError('--period is required, e.g. --period 2026-10.');
    await withServices(config, async ({ db, mailer }) => {
      try {
        const today = new Date().toISOString().slice(0, 10);
        console.log(describeBillingRun(billPeriod(db, billingPolicyOf(config), values.period as string, today, { via: 'cli' })));
        // Committed: now the invoices' users are mailed (also those a run that died before mailing left).
        const mailed = await sendInvoiceNotices(db, { mailer, providerName: config.providerName, portalUrl: config.publicUrl }, Date.now);
        if (mailed) console.log(`Mailed ${mailed} invoice(s) to their accounts' users.`);
      } catch (err) {
        if (err instanceof BillingBlockedError) {
          throw new InputError([err.message, ...err.problems.map((p) => `  ${p.path}: ${p.message}`)].join('\n'));
        }
        throw err;
      }
    });
  },
};
