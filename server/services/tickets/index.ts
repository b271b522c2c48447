import type { Db } from '../../db/client.ts';
import type { Config } from '../../env.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { createAttachmentStore } from './attachment-store.ts';
import { createTicketNotifier } from './notifications.ts';
import { createTicketService, type TicketServiceDeps } from './tickets.ts';

/** The ticket service as the server (and the demo) run it: files in ATTACHMENTS_DIR, mail to SUPPORT_EMAIL and the account's users. */
export function createTicketsService(deps: { db: Db; config: Config; mailer: Mailer; now: () => number; pauseAt?: TicketServiceDeps['pauseAt'] }) {
  const { db, config, mailer } = deps;
  return createTicketService({
    db,
    store: createAttachmentStore(config.attachmentsDir),
    notify: createTicketNotifier(db, { mailer, providerName: config.providerName, portalUrl: config.publicUrl, supportEmail: config.supportEmail }),
    now: deps.now,
    ...(deps.pauseAt ? { pauseAt: deps.pauseAt } : {}),
  });
}
