import { DEMO_PASSWORD, DEMO_SIGN_INS, resetDemo } from '../db/demo-data.ts';
import { audit } from '../services/audit.ts';
import { billingPolicyOf } from '../services/billing/billing-run.ts';
import { bool, UsageError, withServices, type Command } from './command.ts';

export const resetDemoCommand: Command = {
  usage: 'reset-demo --yes        (deletes all data, then loads the demo: accounts, users, two years of calls, invoices and payments)',
  options: { yes: bool },
  async run(v, _positionals, config) {
    if (!v.yes) throw new UsageError('reset-demo deletes all data: add --yes to confirm.');
    await withServices(config, async ({ db }) => {
      await resetDemo(db, { today: new Date(), policy: billingPolicyOf(config), attachmentsDir: config.attachmentsDir });
      audit(db, { action: 'demo.reset', detail: { via: 'cli' } });
      console.log(`Demo data loaded. Sign-ins (password ${DEMO_PASSWORD}): ${DEMO_SIGN_INS.map((s) => s.email).join(', ')}`);
    });
  },
};
