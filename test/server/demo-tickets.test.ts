import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { createApp } from '../../server/app.ts';
import { openDatabase } from '../../server/db/client.ts';
import { DEMO_PASSWORD, seedDemo } from '../../server/db/demo-data.ts';
import { loadConfig } from '../../server/env.ts';
import { createMailer } from '../../server/mail/mailer.ts';
import { billingPolicyOf } from '../../server/services/billing/billing-run.ts';
import { PORTAL } from './helpers.ts';

describe("the demo's tickets", () => {
  let request: (path: string, who: string) => Promise<Response>;
  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-demo-tickets-'));
    const config = loadConfig({ DATABASE_PATH: join(dir, 'portal.db'), PUBLIC_URL: PORTAL, DEMO_DATA: 'false' });
    const db = openDatabase(config.databasePath);
    await seedDemo(db, { today: new Date(), policy: billingPolicyOf(config), attachmentsDir: config.attachmentsDir });
    const { app } = createApp({ db, config, mailer: createMailer({ db, from: config.mailFrom, outboxDir: join(dir, 'outbox'), log: () => {} }) });
    const tokens = new Map<string, string>();
    for (const email of ['customer@example.com', 'staff@example.com']) {
      const res = await app.request('/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: PORTAL }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
      tokens.set(email, ((await res.json()) as { token: string }).token);
    }
    request = async (path, who) => app.request(`/api/v1${path}`, { headers: { Authorization: `Bearer ${tokens.get(who)}` } });
  });

  test("C123456 has the guide's ticket 282, Test Ticket, Hardware, open, about its front desk line, with open and closed tickets beside it and unread replies", async () => {
    const page = (await (await request('/accounts/C123456/tickets', 'customer@example.com')).json()) as {
      tickets: { number: number; status: string; service: string; subject: string; subscriberNumber: string | null; subscriberName: string | null }[];
      unreadCount: number;
    };
    const guide = page.tickets.find((x) => x.number === 282);
    assert.deepEqual(guide && [guide.subject, guide.service, guide.status, guide.subscriberNumber, guide.subscriberName], ['Test Ticket', 'hardware', 'open', '001835', 'Front desk']);
    assert.ok(page.tickets.some((x) => x.status === 'closed') && page.tickets.some((x) => x.subject.startsWith('Question about invoice')));
    assert.ok(page.unreadCount >= 1);
  });

  test('ticket 282 is a conversation with a photo and a log, downloadable; the staff see its internal note, the customer does not', async () => {
    type Ticket = { messages: { author: { side: string }; internal: boolean; attachments: { id: number; fileName: string; contentType: string }[] }[] };
    const mine = (await (await request('/accounts/C123456/tickets/282', 'customer@example.com')).json()) as Ticket;
    assert.ok(mine.messages.length >= 4 && new Set(mine.messages.map((m) => m.author.side)).size === 2);
    const files = mine.messages.flatMap((m) => m.attachments);
    assert.deepEqual(files.map((f) => [f.fileName, f.contentType]), [['front-desk-phone.png', 'image/png'], ['phone-log.txt', 'text/plain']]);
    for (const file of files) assert.equal((await request(`/accounts/C123456/tickets/282/attachments/${file.id}`, 'customer@example.com')).status, 200);
    const staffSees = (await (await request('/tickets/282', 'staff@example.com')).json()) as Ticket;
    assert.equal(staffSees.messages.filter((m) => m.internal).length, 1);
    assert.equal(mine.messages.filter((m) => m.internal).length, 0);
  });

  test('the staff queue holds tickets of several accounts, customers waiting first', async () => {
    const queue = (await (await request('/tickets', 'staff@example.com')).json()) as { tickets: { accountNumber: string; waitingSince: string | null }[]; waiting: number };
    assert.ok(queue.waiting >= 2);
    assert.ok(queue.tickets.slice(0, queue.waiting).every((x) => x.waitingSince !== null));
    assert.ok(new Set(queue.tickets.map((x) => x.accountNumber)).size >= 5);
  });
});
