import { startGateway } from '../gateway/index.ts';
import { audit } from '../services/audit.ts';
import type { AutopayRunReport } from '../services/autopay.ts';
import { createBackground } from '../services/background.ts';
import { createCardServices } from '../services/card-services.ts';
import { str, UsageError, withServices, type Command } from './command.ts';

/** One line per outcome, then what happened to each account. */
export function describeAutopayRun(r: AutopayRunReport): string {
  const counts = `Autopay ${r.date}: ${r.enrolled} account(s) on autopay; ${r.approved} approved, ${r.held} held for review, ${r.confirming} being confirmed, ${r.failed} failed, ${r.skipped} skipped.`;
  return [counts, ...r.lines.map((l) => `  ${l}`)].join('\n');
}

export const autopayCommand: Command = {
  usage: 'autopay [--date YYYY-MM-DD]   (charges the balance due of each autopay account whose bill is due; never twice for one bill)',
  options: { date: str },
  async run(values, _positionals, config) {
    const date = typeof values.date === 'string' ? values.date : new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new UsageError('--date must be a day such as 2026-11-25.');
    // No webhooks from the CLI's fake: the portal server may not be running.
    const card = await startGateway(config, { notifyServer: false });
    try {
      await withServices(config, async ({ db, mailer }) => {
        const background = createBackground();
        const mail = { mailer, providerName: config.providerName, portalUrl: config.publicUrl };
        const { payments, autopay } = createCardServices({
          db,
          gateway: card.gateway,
          background,
          now: Date.now,
          mail,
          settleDelayMs: config.paymentSettleDelayMs,
          leaseMs: config.paymentLeaseSeconds * 1000,
        });
        try {
          const report = await autopay.run(date);
          audit(db, { action: 'autopay.run', detail: { via: 'cli', date, approved: report.approved, failed: report.failed, held: report.held, confirming: report.confirming } });
          console.log(describeAutopayRun(report));
          // Payments the gateway did not answer are asked about before the command ends.
          await background.idle();
        } finally {
          payments.close();
        }
      });
    } finally {
      await card.close();
    }
  },
};
