import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { runBilling } from '../../server/services/billing/billing-run.ts';
import { loadBillingData } from './billing-fixture.ts';
import { errorOf, okJson, PORTAL, testApp, type TestApp } from './helpers.ts';
import { asJson, formOf, pdf, png, stored, text, ticketPath, ticketsOf } from './ticket-fixture.ts';

type Headers = Record<string, string>;
const MINUTE = 60_000;

/** The test app with billing data (C100001 has line 001835 "Reception"), and everyone signed in. */
async function ticketApp() {
  const t = await testApp({ SUPPORT_EMAIL: 'help@provider.example' });
  await loadBillingData(t.db);
  const as: Record<'solo' | 'hq' | 'east' | 'staff', Headers> = {} as never;
  for (const who of ['solo', 'hq', 'east', 'staff'] as const) as[who] = (await t.login(`${who}@example.com`)).bearer;
  const tickets = (who: Headers) => t.api(who).accounts[':number'].tickets;
  /** Opens a ticket through the typed client; the clock moves a minute first, so times differ. */
  const open = async (who: Headers, number: string, fields: Partial<{ subject: string; service: 'billing' | 'trouble' | 'account-change' | 'hardware' | 'other'; message: string; subscriptionId: number; invoiceId: number; invoiceLine: number }> = {}) => {
    t.clock.now += MINUTE;
    return okJson(tickets(who).$post({ param: { number }, ...asJson({ subject: 'Phone keeps rebooting', service: 'hardware' as const, message: 'Since Monday.', ...fields }) }));
  };
  const reply = async (who: Headers, number: string, ticket: number, message: string) => {
    t.clock.now += MINUTE;
    return okJson(tickets(who)[':ticketNumber'].messages.$post({ param: { number, ticketNumber: String(ticket) }, ...asJson({ message }) }));
  };
  const staffReply = async (ticket: number, message: string, internal = false) => {
    t.clock.now += MINUTE;
    return okJson(t.api(as.staff).tickets[':ticketNumber'].messages.$post({ param: { ticketNumber: String(ticket) }, ...asJson({ message, internal }) }));
  };
  const list = (who: Headers, number: string, query: { status?: 'open' | 'pending_customer' | 'resolved' | 'closed'; q?: string; page?: string; pageSize?: string } = {}) =>
    okJson(tickets(who).$get({ param: { number }, query }));
  const detail = (who: Headers, number: string, ticket: number) => okJson(tickets(who)[':ticketNumber'].$get({ param: { number, ticketNumber: String(ticket) } }));
  const setStatus = (who: Headers, number: string, ticket: number, status: 'open' | 'closed') => {
    t.clock.now += MINUTE;
    return tickets(who)[':ticketNumber'].$patch({ param: { number, ticketNumber: String(ticket) }, json: { status } });
  };
  const staffSet = (ticket: number, json: { status?: 'open' | 'pending_customer' | 'resolved' | 'closed'; assignee?: 'me' | null }) => {
    t.clock.now += MINUTE;
    return okJson(t.api(as.staff).tickets[':ticketNumber'].$patch({ param: { ticketNumber: String(ticket) }, json }));
  };
  const subscriptionId = (externalId: string) => t.db.$client.prepare('select id from subscriptions where external_id = ?').pluck().get(externalId) as number;
  return Object.assign(t, { as, open, reply, staffReply, list, detail, setStatus, staffSet, subscriptionId });
}

describe('a ticket: customers and the provider in one conversation', () => {
  let t: Awaited<ReturnType<typeof ticketApp>>;
  before(async () => {
    t = await ticketApp();
  });

  test("a customer opens a ticket about one of the account's lines: the next number, status Open, first in the list with the guide's columns", async () => {
    const { subscribers } = await okJson(t.api(t.as.solo).accounts[':number']['ticket-subscribers'].$get({ param: { number: 'C100001' } }));
    const reception = subscribers.find((s) => s.subscriberNumber === '001835');
    assert.deepEqual([reception?.subscriberName, reception?.product], ['Reception', 'VoIP Business 10,000']);
    const first = await t.open(t.as.solo, 'C100001', { subject: 'Test Ticket', service: 'hardware', subscriptionId: reception!.subscriptionId });
    const second = await t.open(t.as.solo, 'C100001', { subject: 'Second one', service: 'billing' });
    assert.equal(second.number, first.number + 1);
    assert.deepEqual([first.status, first.service, first.subscription?.subscriberNumber, first.messages.length], ['open', 'hardware', '001835', 1]);
    const page = await t.list(t.as.solo, 'C100001');
    assert.deepEqual(page.tickets.map((x) => x.number), [second.number, first.number], 'newest activity first');
    const row = page.tickets[1]!;
    assert.deepEqual(Object.keys(row).sort(), ['createdAt', 'lastActivityAt', 'number', 'service', 'status', 'subject', 'subscriberName', 'subscriberNumber', 'unread']);
    assert.deepEqual([row.status, row.service, row.subscriberNumber, row.subscriberName, row.subject], ['open', 'hardware', '001835', 'Reception', 'Test Ticket']);
  });

  test('the list filters by status, searches subjects (and numbers), and pages; a reply brings a ticket to the top', async () => {
    const local = await ticketApp();
    const made = [];
    for (const subject of ['Fax line noise', 'Invoice question', 'Move our main number', 'Fax machine again']) made.push(await local.open(local.as.solo, 'C100001', { subject }));
    await local.setStatus(local.as.solo, 'C100001', made[1]!.number, 'closed');
    await local.reply(local.as.solo, 'C100001', made[0]!.number, 'Still noisy.');
    const all = await local.list(local.as.solo, 'C100001');
    assert.deepEqual(all.tickets.map((x) => x.subject), ['Fax line noise', 'Invoice question', 'Fax machine again', 'Move our main number']);
    assert.deepEqual((await local.list(local.as.solo, 'C100001', { status: 'closed' })).tickets.map((x) => x.subject), ['Invoice question']);
    assert.deepEqual((await local.list(local.as.solo, 'C100001', { q: 'fax' })).tickets.map((x) => x.subject), ['Fax line noise', 'Fax machine again']);
    assert.deepEqual((await local.list(local.as.solo, 'C100001', { q: String(made[2]!.number) })).tickets.map((x) => x.subject), ['Move our main number']);
    assert.deepEqual((await local.list(local.as.solo, 'C100001', { q: '100%_' })).tickets, [], 'LIKE wildcards are searched as text');
    const second = await local.list(local.as.solo, 'C100001', { page: '2', pageSize: '3' });
    assert.deepEqual([second.total, second.tickets.map((x) => x.subject)], [4, ['Move our main number']]);
  });

  test('a ticket is a conversation: each message with its author, side and time; the text comes back exactly as written', async () => {
    const markup = '<img src=x onerror="alert(1)"> & <b>not bold</b>';
    const opened = await t.open(t.as.solo, 'C100001', { subject: '<script>alert(1)</script>', message: markup });
    await t.staffReply(opened.number, 'Please try a factory reset.');
    const after = await t.reply(t.as.solo, 'C100001', opened.number, 'Done, it works.');
    assert.equal(after.subject, '<script>alert(1)</script>');
    assert.deepEqual(
      after.messages.map((m) => [m.author.name, m.author.side, m.body]),
      [
        ['User u_solo', 'customer', markup],
        ['User u_staff', 'staff', 'Please try a factory reset.'],
        ['User u_solo', 'customer', 'Done, it works.'],
      ],
    );
    assert.ok(after.messages.every((m, i) => i === 0 || m.createdAt > after.messages[i - 1]!.createdAt), 'in the order written');
  });

  test('customers close and reopen; Pending customer and Resolved are the staff’s; a customer reply on a Resolved ticket reopens it; a closed one is reopened before a reply', async () => {
    const { number } = await t.open(t.as.solo, 'C100001');
    const refused = await t.api(t.as.solo).accounts[':number'].tickets[':ticketNumber'].$patch({
      param: { number: 'C100001', ticketNumber: String(number) },
      json: { status: 'resolved' as 'closed' },
    });
    assert.deepEqual([refused.status, (await errorOf(refused as unknown as Response)).issues?.map((i) => i.path)], [400, ['status']]);

    assert.equal((await t.staffSet(number, { status: 'resolved' })).status, 'resolved');
    assert.equal((await t.reply(t.as.solo, 'C100001', number, 'It happened again.')).status, 'open', 'the reply reopens it');
    assert.equal((await t.staffSet(number, { status: 'pending_customer' })).status, 'pending_customer');
    assert.equal((await t.reply(t.as.solo, 'C100001', number, 'Here is the model number.')).status, 'open', 'the answer puts it back to the provider');

    assert.equal((await okJson(t.setStatus(t.as.solo, 'C100001', number, 'closed'))).status, 'closed');
    const late = await t.request(`${ticketPath('C100001', number)}/messages`, { method: 'POST', headers: t.as.solo, json: { message: 'One more thing' } });
    assert.deepEqual([late.status, (await errorOf(late)).code], [409, 'CONFLICT']);
    assert.match((await errorOf(await t.request(`${ticketPath('C100001', number)}/messages`, { method: 'POST', headers: t.as.solo, json: { message: 'x' } }))).message, /closed: reopen/);
    assert.equal((await okJson(t.setStatus(t.as.solo, 'C100001', number, 'open'))).status, 'open');
    assert.equal((await t.reply(t.as.solo, 'C100001', number, 'One more thing')).messages.length, 4);
  });

  test("unread: a staff reply marks the ticket for the account's users until each opens it; their own side's messages never do", async () => {
    const local = await ticketApp();
    const { number } = await local.open(local.as.hq, 'C200001', { subject: 'Voicemail' });
    const east = () => local.list(local.as.east, 'C200001');
    assert.deepEqual([(await east()).unreadCount, (await east()).tickets[0]!.unread], [0, false], "another customer's message is not unread");
    await local.staffReply(number, 'Your voicemail PIN was reset.');
    await local.staffReply(number, 'A note for us only.', true);
    assert.deepEqual([(await east()).unreadCount, (await east()).tickets[0]!.unread], [1, true]);
    assert.equal((await local.list(local.as.hq, 'C200001')).unreadCount, 1);
    await local.detail(local.as.east, 'C200001', number);
    assert.deepEqual([(await east()).unreadCount, (await east()).tickets[0]!.unread], [0, false], 'opening it reads it');
    assert.equal((await local.list(local.as.hq, 'C200001')).unreadCount, 1, 'for that user only');
    await local.staffReply(number, 'An internal note again.', true);
    assert.equal((await east()).unreadCount, 0, 'an internal note is never unread for customers');
  });

  test('mail: a customer’s new ticket and reply go to SUPPORT_EMAIL, a staff reply to every user who reaches the account, each with the text and a link; files are named, not sent; notes go nowhere', async () => {
    const local = await ticketApp();
    local.mailer.sent.length = 0;
    const form = formOf({ subject: 'Handset broken', service: 'hardware', message: 'The screen is cracked.\nSee the photo.' }, [png('crack.png')]);
    const res = await local.request(ticketsOf('C200001'), { method: 'POST', headers: local.as.east, body: form });
    const { number } = (await res.json()) as { number: number };
    await local.idle();
    const [toSupport] = local.mailer.sent;
    assert.equal(toSupport?.to, 'help@provider.example');
    assert.match(toSupport!.subject, new RegExp(`Ticket ${number}.*Handset broken`));
    assert.match(toSupport!.text, /The screen is cracked\.\n> See the photo\./);
    assert.match(toSupport!.text, /crack\.png/);
    assert.equal(toSupport!.link, `${PORTAL}/?account=C200001&ticket=${number}`);
    assert.ok(toSupport!.text.includes(toSupport!.link!));
    assert.equal(toSupport!.html, undefined, 'text only');

    local.mailer.sent.length = 0;
    await local.staffReply(number, 'A replacement ships today.');
    await local.staffReply(number, 'Internal: charge them?', true);
    await local.idle();
    assert.deepEqual(local.mailer.sent.map((m) => m.to).sort(), ['east@example.com', 'hq@example.com'], "the location's user and the head office's");
    assert.ok(local.mailer.sent.every((m) => m.text.includes('A replacement ships today.') && !m.text.includes('Internal')));

    local.mailer.sent.length = 0;
    await local.reply(local.as.east, 'C200001', number, 'Thanks!');
    await local.idle();
    assert.deepEqual(local.mailer.sent.map((m) => m.to), ['help@provider.example']);
  });

  test('Question about this charge: a ticket names an invoice and its line and links back to them; an invoice of another account is refused', async () => {
    runBilling(t.db, '2026-10', '2026-11-10', { termsDays: 30, lateFee: { ratePpm: 0, minimumCents: 0 } });
    const invoiceOf = (number: string) => t.db.$client.prepare("select i.id, i.number from invoices i join accounts a on a.id = i.account_id where a.number = ? and i.period = '2026-10'").get(number) as { id: number; number: string };
    const mine = invoiceOf('C100001');
    const line = t.db.$client.prepare('select position, description, amount_cents as amount from invoice_lines where invoice_id = ? order by position limit 1').get(mine.id) as { position: number; description: string; amount: number };
    const ticket = await t.open(t.as.solo, 'C100001', { service: 'billing', subject: `Question about ${mine.number}`, invoiceId: mine.id, invoiceLine: line.position });
    assert.deepEqual(ticket.invoice, { id: mine.id, number: mine.number, currency: 'USD', line });
    assert.deepEqual((await t.detail(t.as.solo, 'C100001', ticket.number)).invoice, ticket.invoice);

    const theirs = invoiceOf('C100002');
    const before = stored(t);
    for (const [fields, path] of [
      [{ invoiceId: theirs.id }, 'invoiceId'],
      [{ invoiceId: mine.id, invoiceLine: 999 }, 'invoiceLine'],
    ] as const) {
      const res = await t.request(ticketsOf('C100001'), { method: 'POST', headers: t.as.solo, json: { subject: 'x', service: 'billing', message: 'x', ...fields } });
      assert.equal(res.status, 422);
      assert.deepEqual((await errorOf(res)).issues?.map((i) => i.path), [path]);
    }
    assert.deepEqual(stored(t), before);
  });
});

describe('files on tickets', () => {
  test('files come back only as downloads: Content-Disposition attachment, the type found from the content, nosniff, the same bytes', async () => {
    const t = await ticketApp();
    const files = [png('Screen shot 1.png'), pdf('bill ✓.pdf'), text('log.txt', '<html><script>alert(1)</script></html>\n')];
    const res = await t.request(ticketsOf('C100001'), { method: 'POST', headers: t.as.solo, body: formOf({ subject: 'Files', service: 'other', message: 'Three files' }, files) });
    assert.equal(res.status, 201);
    const created = (await res.json()) as { number: number; messages: { attachments: { id: number; fileName: string; contentType: string; size: number }[] }[] };
    const attachments = created.messages[0]!.attachments;
    assert.deepEqual(
      attachments.map((a) => [a.fileName, a.contentType, a.size]),
      files.map((f) => [f.name, f.type, f.size]),
    );
    for (const [i, a] of attachments.entries()) {
      const download = await t.request(`${ticketPath('C100001', created.number)}/attachments/${a.id}`, { headers: t.as.solo });
      assert.equal(download.status, 200);
      assert.match(download.headers.get('content-disposition')!, /^attachment; filename="[^"]+"; filename\*=UTF-8''/);
      assert.equal(download.headers.get('content-type')!.split(';')[0], a.contentType);
      assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
      assert.deepEqual(new Uint8Array(await download.arrayBuffer()), new Uint8Array(await files[i]!.arrayBuffer()));
    }
    const named = await t.request(`${ticketPath('C100001', created.number)}/attachments/${attachments[1]!.id}`, { headers: t.as.solo });
    assert.ok(named.headers.get('content-disposition')!.includes(`filename*=UTF-8''bill%20%E2%9C%93.pdf`), 'the UTF-8 name survives');
  });

  test('the limits a form checks before sending are the ones the server holds to', async () => {
    const t = await ticketApp();
    const limits = await okJson(t.api(t.as.solo)['ticket-limits'].$get());
    assert.deepEqual([limits.maxFilesPerMessage, limits.maxFileBytes, limits.maxMessageChars, limits.maxSubjectChars], [5, 5 * 1024 * 1024, 20_000, 200]);
    assert.ok(['image/png', '.jpg', 'application/pdf', 'text/plain'].every((type) => limits.accept.includes(type)));
    assert.equal((await t.request('/ticket-limits')).status, 401);
  });

  test('a reply takes files as well, and the staff see them in the queue’s ticket', async () => {
    const t = await ticketApp();
    const { number } = await t.open(t.as.solo, 'C100001');
    const res = await t.request(`${ticketPath('C100001', number)}/messages`, { method: 'POST', headers: t.as.solo, body: formOf({ message: 'Photo attached' }, [png()]) });
    assert.equal(res.status, 201);
    const seen = await okJson(t.api(t.as.staff).tickets[':ticketNumber'].$get({ param: { ticketNumber: String(number) } }));
    const [file] = seen.messages[1]!.attachments;
    assert.equal(file?.fileName, 'screenshot.png');
    assert.equal((await t.request(`/tickets/${number}/attachments/${file!.id}`, { headers: t.as.staff })).status, 200);
  });
});

describe('who may read, write and download a ticket', () => {
  let t: Awaited<ReturnType<typeof ticketApp>>;
  let number: number;
  let attachment: number;
  before(async () => {
    t = await ticketApp();
    const res = await t.request(ticketsOf('C200001'), { method: 'POST', headers: t.as.east, body: formOf({ subject: 'East office', service: 'trouble', message: 'No dial tone' }, [text()]) });
    const created = (await res.json()) as { number: number; messages: { attachments: { id: number }[] }[] };
    number = created.number;
    attachment = created.messages[0]!.attachments[0]!.id;
  });

  const attempts = (account: string, ticket: number, file: number) => [
    ['GET', ticketPath(account, ticket), undefined],
    ['POST', `${ticketPath(account, ticket)}/messages`, { message: 'Hello' }],
    ['PATCH', ticketPath(account, ticket), { status: 'open' }],
    ['GET', `${ticketPath(account, ticket)}/attachments/${file}`, undefined],
  ] as const;
  const send = (headers: Headers, [method, path, json]: readonly [string, string, unknown]) => t.request(path, { method, headers, ...(json ? { json } : {}) });

  test('users of the account, users of its head office and staff read, write and download it', async () => {
    for (const who of [t.as.east, t.as.hq, t.as.staff]) {
      for (const attempt of attempts('C200001', number, attachment)) {
        const res = await send(who, attempt);
        assert.ok(res.ok, `${attempt[0]} ${attempt[1]}: ${res.status}`);
      }
    }
  });

  test('anyone else gets 404, exactly as for a ticket (or file) that does not exist; nobody signed in gets 401', async () => {
    // The same ticket through an account the user reaches, and through the ticket's own account.
    const outsiders: [Headers, string][] = [
      [t.as.solo, 'C100001'],
      [t.as.solo, 'C200001'],
      [t.as.hq, 'C200002'],
    ];
    for (const [who, account] of outsiders) {
      const real = attempts(account, number, attachment);
      const missing = attempts(account, 999_999, 999_999);
      for (const [i, attempt] of real.entries()) {
        const [a, b] = [await send(who, attempt), await send(who, missing[i]!)];
        assert.deepEqual([a.status, b.status], [404, 404], `${attempt[0]} ${attempt[1]}`);
        assert.deepEqual(await errorOf(a), await errorOf(b), `${attempt[0]} ${attempt[1]}`);
      }
    }
    // Another ticket's file through this ticket's path is not found either.
    const own = await t.open(t.as.east, 'C200001');
    assert.equal((await t.request(`${ticketPath('C200001', own.number)}/attachments/${attachment}`, { headers: t.as.east })).status, 404);
    for (const attempt of attempts('C200001', number, attachment)) assert.equal((await send({}, attempt)).status, 401);
    assert.equal((await t.request(ticketsOf('C200001'), { method: 'POST', json: { subject: 'x', service: 'other', message: 'x' } })).status, 401);
  });

  test('the staff routes answer 404 to everyone but staff, as a route that does not exist; 401 when signed out', async () => {
    const routes = [
      ['GET', '/tickets'],
      ['GET', `/tickets/${number}`],
      ['POST', `/tickets/${number}/messages`],
      ['PATCH', `/tickets/${number}`],
      ['GET', `/tickets/${number}/attachments/${attachment}`],
    ] as const;
    const nowhere = await errorOf(await t.request('/no-such-route', { headers: t.as.hq }));
    for (const [method, path] of routes) {
      const json = method === 'POST' ? { message: 'x' } : method === 'PATCH' ? { status: 'closed' } : undefined;
      for (const who of [t.as.solo, t.as.hq, t.as.east]) {
        const res = await t.request(path, { method, headers: who, ...(json ? { json } : {}) });
        assert.equal(res.status, 404, `${method} ${path}`);
        assert.deepEqual(await errorOf(res), nowhere);
      }
      assert.equal((await t.request(path, { method, ...(json ? { json } : {}) })).status, 401, `${method} ${path}`);
    }
    assert.equal((await t.detail(t.as.east, 'C200001', number)).status, 'open', 'nothing changed');
  });

  test('internal notes and their files: the staff routes show them; no customer route returns them, not even to staff', async () => {
    const form = formOf({ message: 'Customer is on the old firmware.', internal: 'true' }, [text('firmware.txt', 'v1.2.3\n')]);
    const res = await t.request(`/tickets/${number}/messages`, { method: 'POST', headers: t.as.staff, body: form });
    assert.equal(res.status, 201);
    const note = ((await res.json()) as { messages: { id: number; internal: boolean; attachments: { id: number }[] }[] }).messages.at(-1)!;
    assert.equal(note.internal, true);
    const noteFile = note.attachments[0]!.id;
    for (const who of [t.as.east, t.as.hq, t.as.staff]) {
      const seen = await t.detail(who, 'C200001', number);
      assert.ok(!seen.messages.some((m) => m.internal || m.id === note.id || m.body.includes('firmware')), 'no note in the customer route');
      const file = await t.request(`${ticketPath('C200001', number)}/attachments/${noteFile}`, { headers: who });
      assert.equal(file.status, 404, "the note's file is not found there either");
    }
    assert.equal((await t.request(`/tickets/${number}/attachments/${noteFile}`, { headers: t.as.staff })).status, 200);
    const list = await t.list(t.as.east, 'C200001');
    assert.ok(list.tickets.every((x) => !x.unread), 'nor marks anything unread');
    const customerNote = await t.request(`${ticketPath('C200001', number)}/messages`, { method: 'POST', headers: t.as.east, json: { message: 'x', internal: true } });
    assert.equal((await t.detail(t.as.staff, 'C200001', number)).messages.filter((m) => m.internal).length, 0, 'the account route takes no notes');
    assert.equal(customerNote.status, 201, 'an unknown field is ignored: it is a plain reply');
  });
});

describe('bad input gets a clear 4xx naming the problem, and stores nothing (files included)', () => {
  test('ticket creation and replies', async () => {
    const t = await ticketApp();
    const { number } = await t.open(t.as.solo, 'C100001');
    const other = t.subscriptionId('S-3'); // C100002's
    const fields = { subject: 'Fine subject', service: 'trouble', message: 'Fine message' };
    const big = new File([new Uint8Array(6 * 1024 * 1024).fill(0x41)], 'big.txt', { type: 'text/plain' });
    const fake = new File(['<html><body>not a pdf</body></html>'], 'invoice.pdf', { type: 'application/pdf' });
    const lying = new File([await png().arrayBuffer()], 'photo.png', { type: 'application/pdf' });
    const exe = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])], 'setup.txt', { type: 'text/plain' });
    const six = Array.from({ length: 6 }, (_, i) => text(`log-${i}.txt`));
    const reply = `${ticketPath('C100001', number)}/messages`;
    const cases: [string, string, RequestInit & { json?: unknown }, number, string | null, RegExp][] = [
      ['an empty subject', ticketsOf('C100001'), { json: { ...fields, subject: '   ' } }, 400, 'subject', /subject/],
      ['a message over 20,000 characters', ticketsOf('C100001'), { json: { ...fields, message: 'x'.repeat(20_001) } }, 400, 'message', /20,000/],
      ['an unknown service', ticketsOf('C100001'), { json: { ...fields, service: 'sales' } }, 400, 'service', /billing, trouble/],
      ["another account's subscription", ticketsOf('C100001'), { json: { ...fields, subscriptionId: other } }, 422, 'subscriptionId', /not one of account C100001/],
      ['an unknown subscription, with good files', ticketsOf('C100001'), { body: formOf({ ...fields, subscriptionId: '999999' }, [png(), pdf()]) }, 422, 'subscriptionId', /999999/],
      ['a 6 MB file', ticketsOf('C100001'), { body: formOf(fields, [png(), big]) }, 413, 'files.1', /big\.txt" is 6 MB: each file may be at most 5 MB/],
      ['a sixth file', ticketsOf('C100001'), { body: formOf(fields, six) }, 422, 'files', /6 files.*at most 5/],
      ['a page named as a PDF', ticketsOf('C100001'), { body: formOf(fields, [fake]) }, 422, 'files.0', /invoice\.pdf" is named as a PDF document, but its content is plain text/],
      ['a PNG sent as a PDF', ticketsOf('C100001'), { body: formOf(fields, [lying]) }, 422, 'files.0', /sent as application\/pdf, but its content is a PNG image/],
      ['a program named .txt', ticketsOf('C100001'), { body: formOf(fields, [exe]) }, 422, 'files.0', /not an image, a PDF or plain text/],
      ['an empty reply', reply, { json: { message: '' } }, 400, 'message', /Write a message/],
      ['a reply with a sixth file', reply, { body: formOf({ message: 'files' }, six) }, 422, 'files', /at most 5/],
      ['a reply with a 6 MB file', reply, { body: formOf({ message: 'files' }, [big]) }, 413, 'files.0', /at most 5 MB/],
      ['a form post', ticketsOf('C100001'), { body: new URLSearchParams(fields), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, 415, null, /JSON, or multipart/],
      ['no body at all', ticketsOf('C100001'), {}, 415, null, /JSON, or multipart/],
      ['broken JSON', ticketsOf('C100001'), { body: '{"subject":', headers: { 'Content-Type': 'application/json' } }, 400, null, /not valid JSON/],
    ];
    const before = stored(t);
    for (const [name, path, init, status, field, message] of cases) {
      const res = await t.request(path, { method: 'POST', ...init, headers: { ...t.as.solo, ...(init.headers as Headers | undefined) } });
      assert.equal(res.status, status, `${name}: ${res.status}`);
      const error = await errorOf(res);
      if (field) assert.ok(error.issues?.some((i) => i.path === field && message.test(i.message)), `${name}: ${JSON.stringify(error)}`);
      else assert.match(error.message, message, name);
      assert.deepEqual(stored(t), before, `${name}: nothing stored`);
    }
    assert.equal((await t.detail(t.as.solo, 'C100001', number)).messages.length, 1);
  });

  test('a body over the limit is refused as it arrives (413 naming the limit), whether or not it says its length', async () => {
    const t = await ticketApp();
    const before = stored(t);
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    let sent = 0;
    // 40 MB, streamed without a Content-Length: the server stops reading past its limit.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await t.request(ticketsOf('C100001'), {
      method: 'POST',
      headers: { ...t.as.solo, 'Content-Type': 'multipart/form-data; boundary=xyz' },
      body,
      duplex: 'half',
    } as RequestInit);
    assert.equal(streamed.status, 413);
    assert.match((await errorOf(streamed)).message, /larger than 25\.3 MB: attach at most 5 files of 5 MB each/);
    assert.ok(sent < 40, `stopped reading after ${sent} MB`);
    const declared = await t.request(ticketsOf('C100001'), {
      method: 'POST',
      headers: { ...t.as.solo, 'Content-Type': 'multipart/form-data; boundary=xyz', 'Content-Length': String(100 * 1024 * 1024) },
      body: 'x',
    });
    assert.equal(declared.status, 413);
    const staffDeclared = await t.request('/tickets/1/messages', {
      method: 'POST',
      headers: { ...t.as.staff, 'Content-Type': 'multipart/form-data; boundary=xyz', 'Content-Length': String(100 * 1024 * 1024) },
      body: 'x',
    });
    assert.equal(staffDeclared.status, 413, "a staff reply's body has the same limit");
    assert.match((await errorOf(staffDeclared)).message, /larger than 25\.3 MB/);
    assert.deepEqual(stored(t), before);
  });
});

describe('the staff queue', () => {
  test('every account, longest waiting first; filters by status, service, account and assignee; assign to oneself', async () => {
    const t = await ticketApp();
    const a = await t.open(t.as.solo, 'C100001', { subject: 'A', service: 'billing' });
    const b = await t.open(t.as.east, 'C200001', { subject: 'B', service: 'trouble' });
    const c = await t.open(t.as.hq, 'C200000', { subject: 'C', service: 'billing' });
    await t.staffReply(a.number, 'Answered: no longer waiting.');
    const queue = (query: Record<string, string> = {}) => okJson(t.api(t.as.staff).tickets.$get({ query }));
    const all = await queue();
    assert.deepEqual(all.tickets.map((x) => x.subject), ['B', 'C', 'A'], 'waiting longest first, then the answered one');
    assert.deepEqual([all.total, all.waiting], [3, 2]);
    const [first] = all.tickets;
    assert.deepEqual([first?.accountNumber, first?.accountName, first?.waitingSince, first?.unread], ['C200001', 'Head Office — East', b.createdAt, true]);
    assert.deepEqual((await queue({ sort: 'activity' })).tickets.map((x) => x.subject), ['A', 'C', 'B']);
    assert.deepEqual((await queue({ service: 'billing' })).tickets.map((x) => x.subject), ['C', 'A']);
    assert.deepEqual((await queue({ account: 'c200001' })).tickets.map((x) => x.subject), ['B']);

    const assigned = await t.staffSet(c.number, { assignee: 'me' });
    assert.deepEqual(assigned.assignee, { id: 'u_staff', name: 'User u_staff' });
    assert.deepEqual((await queue({ assignee: 'me' })).tickets.map((x) => x.subject), ['C']);
    assert.deepEqual((await queue({ assignee: 'none' })).tickets.map((x) => x.subject), ['B', 'A']);
    assert.equal((await t.staffSet(c.number, { assignee: null })).assignee, null);

    await t.staffSet(b.number, { status: 'pending_customer' });
    assert.deepEqual((await queue({ status: 'open' })).tickets.map((x) => x.subject), ['C', 'A']);
    assert.equal((await queue()).waiting, 1, 'Pending customer waits on the customer, not on the provider');
    await t.reply(t.as.east, 'C200001', b.number, 'Here you go');
    const back = await queue({ status: 'open' });
    assert.deepEqual(back.tickets.map((x) => x.subject), ['C', 'B', 'A'], 'the customer answered: open and waiting again, since now');

    // Staff answer with files as large as customers send: a photo and a manual.
    const withFiles = await t.request(`/tickets/${b.number}/messages`, {
      method: 'POST',
      headers: t.as.staff,
      body: formOf({ message: 'The wiring diagram and the manual.' }, [png('diagram.png', 3 * 1024 * 1024), pdf('manual.pdf', 4 * 1024 * 1024)]),
    });
    assert.equal(withFiles.status, 201, 'a staff reply takes files up to the same limits');
    const sizes = ((await withFiles.json()) as { messages: { attachments: { size: number }[] }[] }).messages.at(-1)!.attachments.map((f) => f.size);
    assert.deepEqual(sizes, [3 * 1024 * 1024, 4 * 1024 * 1024]);

    const bad = await t.request('/tickets?sort=oldest&status=new', { headers: t.as.staff });
    assert.equal(bad.status, 400);
    assert.deepEqual((await errorOf(bad)).issues?.map((i) => i.path).sort(), ['sort', 'status']);
    const empty = await t.request(`/tickets/${a.number}`, { method: 'PATCH', headers: t.as.staff, json: {} });
    assert.equal(empty.status, 400);
  });
});
