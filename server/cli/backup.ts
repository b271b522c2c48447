import { audit } from '../services/audit.ts';
import { backupTo, pruneBackups } from '../services/backup.ts';
import { str, UsageError, withServices, type Command } from './command.ts';

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export const backupCommand: Command = {
  usage: 'backup --to DIR [--keep N]   (a consistent copy of the database and the ticket files, also while the server runs; --keep: delete all but the newest N there)',
  options: { to: str, keep: str },
  async run(values, _positionals, config) {
    if (typeof values.to !== 'string' || !values.to) throw new UsageError('--to is required: the folder to put the backup in.');
    const target = values.to;
    const keep = values.keep === undefined ? null : Number(values.keep);
    if (keep !== null && !(Number.isInteger(keep) && keep > 0)) throw new UsageError('--keep must be a whole number greater than zero.');
    await withServices(config, async ({ db }) => {
      const r = await backupTo(db, config.attachmentsDir, target, new Date());
      audit(db, { action: 'backup.made', detail: { via: 'cli', dir: r.dir } });
      console.log(
        `Backed up to ${r.dir}: the database (${mb(r.databaseBytes)}, integrity ok; ${r.counts.accounts} accounts, ${r.counts.invoices} invoices, ` +
          `${r.counts.payments} payments, ${r.counts.tickets} tickets) and ${r.attachments} ticket file(s) (${mb(r.attachmentBytes)}).`,
      );
      if (keep !== null) for (const removed of pruneBackups(target, keep)) console.log(`Removed the older backup ${removed}.`);
    });
  },
};
