import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { createApp } from './app.ts';
import { openDatabase } from './db/client.ts';
import { billingPolicyOf } from './services/billing/billing-run.ts';
import { DEMO_PASSWORD, DEMO_SIGN_INS, hasAnyAccount, seedDemo } from './db/demo-data.ts';
import { ConfigError, loadConfig, type Config } from './env.ts';
import { createMailer } from './mail/mailer.ts';
import { queueCounts } from './mail/queue-status.ts';
import { startGateway } from './gateway/index.ts';
import { describeAutopayRun } from './cli/autopay.ts';
import { audit } from './services/audit.ts';
import { backupTo, pruneBackups } from './services/backup.ts';
import { runDaily } from './services/daily-schedule.ts';
import { startResellerDemo } from './reseller-demo.ts';
import { withSite } from './site.ts';

const SITE_DIR = 'dist';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

const config = readConfig();
const db = openDatabase(config.databasePath);

if (config.demoData && !hasAnyAccount(db)) {
  console.log('First start: filling the database with demo data…');
  await seedDemo(db, { today: new Date(), policy: billingPolicyOf(config), attachmentsDir: config.attachmentsDir });
}

const mailer = createMailer({ db, from: config.mailFrom, smtpUrl: config.smtpUrl, outboxDir: config.outboxDir });
const card = await startGateway(config);
const { app, deps, idle } = createApp({ db, config, mailer, gateway: card.gateway, cardFrame: card.cardFrame, webhookSignatureKey: card.webhookSignatureKey });
// Payments a stopped process (this server before a crash, or a CLI run) left waiting on the
// gateway are settled by asking it: at once, then as often as a lease can run out.
const settleOrphans = () => void deps.payments.settleOrphans().catch((err: unknown) => console.error('Settling open payments failed:', err));
settleOrphans();
setInterval(settleOrphans, (config.paymentLeaseSeconds * 1000) / 2).unref();
// Invoices a billing run left to be mailed (the CLI's, when it could not finish mailing): at once, then every few minutes.
const notifyInvoices = () => void deps.notifyInvoices().catch((err: unknown) => console.error('Mailing new invoices failed:', err));
notifyInvoices();
setInterval(notifyInvoices, 5 * 60_000).unref();

if (!existsSync(SITE_DIR)) console.warn(`No ${SITE_DIR}/ folder: run \`npm run build\` to serve the portal page and the kit (the API works without it).`);
// The pages, and the kit (/lib/) that allowed sites load from their own pages.
const handler = withSite(app, { siteDir: SITE_DIR, allowedOrigins: deps.origins });

// Autopay, each day at AUTOPAY_SCHEDULE (UTC), in this process.
if (config.autopaySchedule) {
  runDaily(config.autopaySchedule, async () => {
    const date = new Date().toISOString().slice(0, 10);
    const report = await deps.autopay.run(date);
    audit(db, { action: 'autopay.run', detail: { via: 'schedule', date, approved: report.approved, failed: report.failed, held: report.held, confirming: report.confirming } });
    console.log(describeAutopayRun(report));
  });
}

// A backup each day at BACKUP_SCHEDULE (UTC) into BACKUP_DIR, the last BACKUP_KEEP kept.
if (config.backups) {
  const { dir, schedule, keep } = config.backups;
  runDaily(schedule, async () => {
    const made = await backupTo(db, config.attachmentsDir, dir, new Date());
    audit(db, { action: 'backup.made', detail: { via: 'schedule', dir: made.dir } });
    const removed = pruneBackups(dir, keep);
    console.log(`Backed up to ${made.dir}${removed.length ? `; removed ${removed.length} older backup(s)` : ''}.`);
  });
}

// Expired sessions and old sign-in failures are only clutter: sweep them hourly.
const sweep = setInterval(() => {
  void deps.auth.sessions.deleteExpired();
  deps.auth.throttle.prune();
}, 3_600_000);
sweep.unref();

const server = serve({ fetch: handler, port: config.port, hostname: config.host }, () => {
  console.log(`\nBilling portal: ${config.publicUrl}  (API: ${config.publicUrl}/api/v1, OpenAPI: ${config.publicUrl}/api/v1/openapi.json)`);
  console.log(`Database: ${config.databasePath}   Mail: ${config.smtpUrl ? 'SMTP' : `${config.outboxDir}/ (.eml files)`}`);
  const unsent = queueCounts(db);
  if (unsent.waiting + unsent.givenUp) console.warn(`Mail not sent yet: ${unsent.waiting} waiting, ${unsent.givenUp} given up (npm run portal -- mail-queue).`);
  console.log(`Card payments: ${card.fakeUrl ? `the local fake Authorize.Net at ${card.fakeUrl}` : `Authorize.Net ${card.cardFrame.environment}`}`);
  console.log(`Autopay: ${config.autopaySchedule ? `every day at ${config.autopaySchedule} UTC` : 'run it with `npm run portal -- autopay` (or set AUTOPAY_SCHEDULE)'}`);
  console.log(`Backups: ${config.backups ? `every day at ${config.backups.schedule} UTC into ${config.backups.dir} (the last ${config.backups.keep} kept)` : 'run `npm run portal -- backup --to DIR` (or set BACKUP_DIR)'}`);
  if (config.demoData) {
    console.log(`\nDemo sign-ins (password ${DEMO_PASSWORD}):`);
    for (const s of DEMO_SIGN_INS) console.log(`  ${s.email.padEnd(30)} ${s.what}`);
  }
});

// The sample reseller site, on its own origin (RESELLER_DEMO_PORT, default PORT+1; 0: none), with the demo data.
const resellerDemo = config.demoData && config.resellerDemoPort
  ? await startResellerDemo({ db, portalUrl: config.publicUrl, host: config.host, port: config.resellerDemoPort }).catch((err: unknown) => {
      console.warn(`The sample reseller site did not start: ${String(err)}`);
      return null;
    })
  : null;
if (resellerDemo) console.log(`\nSample reseller site (Northbeam IT, signed in as its customer Lakeshore Legal): ${resellerDemo.url}`);

async function shutdown(signal: string) {
  console.log(`\n${signal}: finishing work in progress…`);
  server.close();
  await resellerDemo?.close();
  await idle();
  deps.payments.close();
  await card.close();
  db.$client.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
