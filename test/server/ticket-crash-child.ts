/**
 * A server process that dies while saving a ticket with files: it opens a ticket on C100001 as
 * u_solo through the real ticket service and, at the point named on the command line (`staged`:
 * files written, message not committed; `committed`: message committed, files not renamed),
 * tells its parent and waits to be killed. Run by ticket-crash.test.ts.
 */
import { openDatabase } from '../../server/db/client.ts';
import { accounts } from '../../server/db/schema.ts';
import { eq } from 'drizzle-orm';
import { createAttachmentStore } from '../../server/services/tickets/attachment-store.ts';
import { createTicketService } from '../../server/services/tickets/tickets.ts';

const [dbPath, dir, point] = process.argv.slice(2) as [string, string, 'staged' | 'committed'];
const db = openDatabase(dbPath);
const tickets = createTicketService({
  db,
  store: createAttachmentStore(dir),
  notify: () => {},
  now: Date.now,
  pauseAt: (at) => (at === point ? new Promise(() => process.send!('paused')) : Promise.resolve()),
});
const account = db.select().from(accounts).where(eq(accounts.number, 'C100001')).get()!;
const file = (name: string, content: string) => ({ name, type: 'text/plain', bytes: new TextEncoder().encode(content) });
await tickets.create(
  account,
  { id: 'u_solo', email: 'solo@example.com', name: 'Solo', role: 'customer' },
  { subject: 'Crash', service: 'other', message: 'Two files' },
  [file('a.txt', 'first file\n'), file('b.txt', 'second file\n')],
);
process.send!('finished');
