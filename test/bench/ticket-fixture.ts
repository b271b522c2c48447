import type { Db } from '../../server/db/client.ts';
import { TICKET_SERVICES, TICKET_STATUSES } from '../../server/db/enums.ts';

const SUBJECTS = ['Phone keeps rebooting', 'Question about my invoice', 'Printer fax line noise', 'Move our main number', 'Voicemail PIN', 'Dropped calls', 'New seat for reception'];

/**
 * Tickets for the bench, written straight into the tables (the service would take minutes for
 * this many): `total` tickets spread over `accounts` accounts (created as B-numbers), of which
 * `onAccount` belong to `accountId`, five years of activity, a customer message each and a staff
 * reply on most; the viewers have read most of them.
 */
export function writeBenchTickets(db: Db, options: { total: number; accounts: number; accountId: number; onAccount: number; viewers: string[] }) {
  const sqlite = db.$client;
  const addAccount = sqlite.prepare("insert into accounts (number, name, address_line1, city, region, postal_code) values (?, ?, '1 Main St', 'Reno', 'NV', '89501')");
  const addTicket = sqlite.prepare(
    `insert into tickets (account_id, subject, service, status, assignee_id, created_by, created_at, last_activity_at, waiting_since, last_customer_message_id, last_staff_message_id)
     values (?, ?, ?, ?, ?, null, ?, ?, ?, 0, 0)`,
  );
  const addMessage = sqlite.prepare("insert into ticket_messages (ticket_id, author_name, side, internal, body, created_at) values (?, ?, ?, 0, ?, ?)");
  const setLast = sqlite.prepare('update tickets set last_customer_message_id = ?, last_staff_message_id = ? where id = ?');
  const addRead = sqlite.prepare('insert into ticket_reads (ticket_id, user_id, last_read_message_id) values (?, ?, ?)');
  const start = Date.UTC(2021, 0, 1);
  const span = 5 * 365 * 86_400_000;
  sqlite.transaction(() => {
    const accountIds = [options.accountId];
    for (let i = 1; i < options.accounts; i++) accountIds.push(Number(addAccount.run(`B${String(i).padStart(7, '0')}`, `Bench Customer ${i}`).lastInsertRowid));
    for (let i = 0; i < options.total; i++) {
      const accountId = i < options.onAccount ? options.accountId : accountIds[1 + (i % (accountIds.length - 1))]!;
      const at = new Date(start + Math.floor((i * 7919 % options.total) * (span / options.total))).toISOString();
      const status = TICKET_STATUSES[i % 10 === 0 ? 0 : i % 10 === 1 ? 1 : i % 10 < 4 ? 2 : 3]!;
      const answered = i % 10 !== 0;
      const ticketId = Number(
        addTicket.run(accountId, `${SUBJECTS[i % SUBJECTS.length]} #${i}`, TICKET_SERVICES[i % TICKET_SERVICES.length], status, i % 7 === 0 ? 'u_staff' : null, at, at, answered ? null : at).lastInsertRowid,
      );
      const customer = Number(addMessage.run(ticketId, 'Customer', 'customer', 'Something is wrong, please help.', at).lastInsertRowid);
      const staff = answered ? Number(addMessage.run(ticketId, 'Staff', 'staff', 'We are looking into it.', at).lastInsertRowid) : 0;
      setLast.run(customer, staff, ticketId);
      for (const viewer of options.viewers) if (i % 5 !== 0) addRead.run(ticketId, viewer, Math.max(customer, staff));
    }
  })();
  sqlite.pragma('optimize');
}
