import { eq, sql } from 'drizzle-orm';
import { deflateSync } from 'node:zlib';
import type { SessionUser } from '../auth/sessions.ts';
import { createAttachmentStore } from '../services/tickets/attachment-store.ts';
import type { IncomingFile } from '../services/tickets/incoming-files.ts';
import type { TicketScope } from '../services/tickets/ticket-detail.ts';
import { createTicketService } from '../services/tickets/tickets.ts';
import type { Db } from './client.ts';
import { accounts, users } from './schema.ts';

/** The demo's first ticket number: the guide's "Test Ticket" is 282, its eighth. */
const FIRST_NUMBER = 275;
const DAY = 86_400_000;

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const pngChunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const framed = Buffer.alloc(body.length + 8);
  framed.writeUInt32BE(data.length, 0);
  body.copy(framed, 4);
  framed.writeUInt32BE(crc32(body), body.length + 4);
  return framed;
};

/** A small picture of a desk phone whose screen shows an error, as a PNG (the demo's photo attachment). */
function deskPhonePng(): Uint8Array {
  const [width, height] = [160, 110];
  const inside = (x: number, y: number, x0: number, y0: number, x1: number, y1: number) => x >= x0 && x < x1 && y >= y0 && y < y1;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let rgb = [236, 240, 244];
      if (inside(x, y, 20, 15, 140, 100)) rgb = [55, 62, 72];
      if (inside(x, y, 35, 25, 125, 55)) rgb = [40, 110, 190];
      if (inside(x, y, 75, 30, 85, 45) || inside(x, y, 75, 48, 85, 52)) rgb = [250, 210, 60];
      for (let key = 0; key < 12; key++) {
        const kx = 40 + (key % 4) * 22;
        const ky = 62 + Math.floor(key / 4) * 12;
        if (inside(x, y, kx, ky, kx + 14, ky + 8)) rgb = [150, 158, 168];
      }
      raw.set(rgb, y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

const textFile = (name: string, content: string): IncomingFile => ({ name, type: 'text/plain', bytes: new TextEncoder().encode(content) });

/**
 * The demo's tickets, written through the ticket service (files in `attachmentsDir`, no mail):
 * open and closed ones with conversations over the last months, the guide's ticket 282 "Test
 * Ticket" (Hardware, C123456's front desk line) with a photo and a log, internal notes, one
 * waiting on the customer, one assigned, a "Question about this charge" on C123456's latest
 * invoice, and customers still waiting for an answer in the staff queue.
 */
export async function loadDemoTickets(db: Db, today: Date, attachmentsDir: string): Promise<void> {
  let clock = today.getTime();
  const tickets = createTicketService({ db, store: createAttachmentStore(attachmentsDir), notify: () => {}, now: () => clock });
  const at = (daysAgo: number, hour: number, minute = 0) => {
    const day = new Date(today.getTime() - daysAgo * DAY);
    clock = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute);
  };
  const user = (id: string): SessionUser => db.select({ id: users.id, email: users.email, name: users.name, role: users.role }).from(users).where(eq(users.id, id)).get()!;
  const account = (number: string) => db.select().from(accounts).where(eq(accounts.number, number)).get()!;
  const customerView = (number: string): TicketScope => ({ account: account(number), staffView: false });
  const staffView: TicketScope = { account: null, staffView: true };
  const staff = user('usr_demo_staff');
  const [dana, luis, jordan, avery, renee, grace, victor] = ['usr_demo_customer', 'usr_demo_bayview_office', 'usr_demo_headoffice', 'usr_demo_portland', 'usr_demo_lakeshore', 'usr_demo_summit', 'usr_demo_pioneer'].map(user) as SessionUser[];
  const say = (number: number, who: SessionUser, body: string, files: IncomingFile[] = []) => tickets.reply(who.role === 'staff' ? staffView : customerView(accountOf(number)), number, who, { body, internal: false }, files);
  const note = (number: number, body: string) => tickets.reply(staffView, number, staff, { body, internal: true }, []);
  /** Sets a status as someone who has read the ticket first (as anyone does before closing it). */
  const settle = (number: number, who: SessionUser, status: 'closed' | 'resolved' | 'pending_customer') => {
    const scope = who.role === 'staff' ? staffView : customerView(accountOf(number));
    tickets.detail(scope, number, who);
    tickets.setStatus(scope, number, who, status);
  };
  const accountOf = (number: number) => db.$client.prepare('select a.number from tickets t join accounts a on a.id = t.account_id where t.id = ?').pluck().get(number) as string;
  const subscription = (number: string, subscriber: string) =>
    db.$client.prepare('select s.id from subscriptions s join accounts a on a.id = s.account_id where a.number = ? and s.subscriber_number = ?').pluck().get(number, subscriber) as number | undefined;

  // An empty database: the first ticket takes FIRST_NUMBER.
  db.run(sql`DELETE FROM sqlite_sequence WHERE name = 'tickets'`);
  db.run(sql`INSERT INTO sqlite_sequence (name, seq) VALUES ('tickets', ${FIRST_NUMBER - 1})`);

  at(120, 15, 5);
  const bridge = await tickets.create(account('C310442'), renee!, { subject: 'Conference bridge PIN not accepted', service: 'trouble', message: 'Callers to our conference bridge hear "invalid PIN" even with the right one. Started this morning.' }, []);
  at(120, 16, 40);
  await say(bridge.number, staff, 'Thanks, Renee. A change on our side reset the bridge PINs. Yours is back to the one you chose; please try again.');
  at(121, 9, 12);
  await say(bridge.number, renee!, 'Works again, thank you.');
  at(121, 9, 30);
  settle(bridge.number, staff, 'closed');

  at(95, 10, 0);
  const seats = await tickets.create(account('C123456'), dana!, { subject: 'Add two seats for our new hygienists', service: 'account-change', message: 'We hired two hygienists who start on the 1st. Please add two seats with voicemail.' }, []);
  at(95, 13, 20);
  await say(seats.number, staff, 'Done: two seats with voicemail from the 1st. They will show on your next invoice, prorated for the month.');
  at(96, 8, 45);
  settle(seats.number, dana!, 'closed');

  at(80, 11, 30);
  const fax = await tickets.create(account('C418870'), grace!, { subject: 'Fax to email not arriving', service: 'trouble', message: 'Faxes sent to our main fax number no longer show up in the front desk mailbox.' }, []);
  at(80, 14, 10);
  await say(fax.number, staff, 'The mailbox rejected messages over 10 MB. We now split large faxes into several emails. Could you send a test fax?');
  at(81, 9, 0);
  await say(fax.number, grace!, 'Test fax arrived. Thanks!');
  at(81, 9, 25);
  settle(fax.number, staff, 'resolved');
  tickets.detail(customerView('C418870'), fax.number, grace!);

  at(60, 16, 0);
  const contact = await tickets.create(account('C200101'), avery!, { subject: 'Update the billing contact for Portland', service: 'account-change', message: 'Please send the Portland store bills to ap@cascade.example instead of me.' }, []);
  at(59, 10, 15);
  await say(contact.number, staff, 'Updated: invoices for C200101 now go to ap@cascade.example.');
  at(59, 10, 20);
  settle(contact.number, staff, 'closed');
  tickets.detail(customerView('C200101'), contact.number, avery!);

  at(45, 9, 40);
  const callerId = await tickets.create(account('C123456'), luis!, { subject: 'Caller ID shows our old practice name', service: 'trouble', message: 'Outgoing calls still show "Bayview Dental Assoc." instead of "Bayview Dental Group".' }, []);
  at(45, 12, 5);
  await say(callerId.number, staff, 'We can change the caller ID name on all your lines. Which numbers should show the new name: all of them, or only the main number?');
  at(45, 12, 6);
  settle(callerId.number, staff, 'pending_customer');
  tickets.detail(customerView('C123456'), callerId.number, luis!);

  at(30, 14, 0);
  const duplicate = await tickets.create(account('C527031'), victor!, { subject: 'Charged twice in September?', service: 'billing', message: 'Our bank shows two payments to you on the same day. Was one of them a mistake?' }, []);
  at(30, 15, 30);
  await note(duplicate.number, 'Checked the ledger: one payment is theirs, the other is for C418870 (same payer, Victor Ramos has both accounts).');
  at(30, 15, 45);
  await say(duplicate.number, staff, 'No mistake: one payment was for Pioneer Freight and the other for Summit Ridge Veterinary Clinic, which you also pay for. Both are on their accounts.');
  at(30, 15, 46);
  settle(duplicate.number, staff, 'resolved');

  at(20, 10, 30);
  const porting = await tickets.create(account('C200100'), jordan!, { subject: 'Porting our Boise fax number', service: 'account-change', message: 'We want to bring the Boise warehouse fax number (208-555-0147) over from our old carrier.' }, []);
  at(20, 11, 0);
  tickets.assign(porting.number, staff, 'me');
  await say(porting.number, staff, 'Happy to. We need a signed letter of authorization and a recent bill from the old carrier. I will send the form by mail today.');

  // The guide's ticket 282.
  at(12, 16, 20);
  const test = await tickets.create(
    account('C123456'),
    dana!,
    { subject: 'Test Ticket', service: 'hardware', subscriptionId: subscription('C123456', '001835'), message: 'The front desk phone reboots by itself a few times a day, usually in the middle of a call. Photo of the screen and the phone log attached.' },
    [
      { name: 'front-desk-phone.png', type: 'image/png', bytes: deskPhonePng() },
      textFile('phone-log.txt', '09:14:02 SIP registration lost\n09:14:05 rebooting\n11:52:40 SIP registration lost\n11:52:43 rebooting\n'),
    ],
  );
  at(12, 17, 5);
  await note(test.number, 'Same model as the recall list? Serial in the photo: check before replacing.');
  at(11, 9, 30);
  await say(test.number, staff, 'Thanks for the log. That handset has a known power fault. A replacement ships today; please send the old one back in the same box.');
  at(10, 8, 50);
  await say(test.number, dana!, 'Great, thank you. Will the replacement keep the same extension?');
  at(10, 10, 15);
  await say(test.number, staff, 'Yes: it is set up with extension 101 before it ships. Just plug it in.');

  at(3, 11, 0);
  const latest = db.$client
    .prepare(
      `select i.id, i.number, l.position, l.description from invoices i join accounts a on a.id = i.account_id join invoice_lines l on l.invoice_id = i.id
       where a.number = 'C123456' order by i.issue_date desc, l.kind = 'usage' desc, l.position limit 1`,
    )
    .get() as { id: number; number: string; position: number; description: string } | undefined;
  if (latest) {
    await tickets.create(
      account('C123456'),
      dana!,
      {
        subject: `Question about invoice ${latest.number}`,
        service: 'billing',
        invoiceId: latest.id,
        invoiceLine: latest.position,
        message: `About the line "${latest.description}" on invoice ${latest.number}: we did not expect this many minutes. Can you tell us which calls it covers?`,
      },
      [],
    );
  }

  at(2, 13, 25);
  await tickets.create(account('C200102'), jordan!, { subject: 'Payment plan for the Spokane balance', service: 'billing', message: 'Spokane fell behind while the store was closed for renovation. Can we pay the past-due amount over three months?' }, []);

  at(1, 17, 45);
  await tickets.create(
    account('C310442'),
    renee!,
    { subject: 'Voicemail emails arrive without the recording', service: 'trouble', message: 'Since yesterday, voicemail notification emails come without the audio attachment. Example headers attached.' },
    [textFile('voicemail-email-headers.txt', 'From: voicemail@harbourline.example\nSubject: New voicemail from 312-555-0188\nContent-Type: text/plain\n')],
  );
}
