import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { BpTicketCreatedEvent, BpTicketUpdatedEvent } from '../../components/events/events.ts';
import type { BpTicketForm } from '../../components/tickets/ticket-form.ts';
import type { BpTicketThread } from '../../components/tickets/ticket-thread.ts';
import type { BpTickets } from '../../components/tickets/tickets.ts';
import { customerMe, staffMe } from '../../stories/fixtures/accounts.ts';
import { createFakeApi, type FakeApiOptions } from '../../stories/fixtures/fake-api.ts';
import { noTickets, testTicket } from '../../stories/fixtures/tickets.ts';
import { shadow, textOf, waitFor } from './helpers.ts';

/** `<bp-tickets>` inside `<bp-provider>` over the fake API. */
async function ticketsWidget(options: FakeApiOptions = {}, theme = 'light') {
  const api = createFakeApi({ signedInAs: customerMe, ...options });
  const provider = await fixture(html`<bp-provider .fetcher=${api.fetch}><bp-tickets theme=${theme}></bp-tickets></bp-provider>`);
  const tickets = provider.firstElementChild as BpTickets;
  return { tickets, api, root: shadow(tickets) };
}

const rows = (root: ShadowRoot) => [...root.querySelectorAll('tr.ticket')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.replace(/\s+/g, ' ').trim()));
const firstRows = (root: ShadowRoot) => waitFor(() => (root.querySelector('tr.ticket') ? rows(root) : null), 'ticket rows');
const select = (root: ShadowRoot, id: string, value: string) => {
  const el = root.querySelector<HTMLSelectElement>(`#${id}`)!;
  el.value = value;
  el.dispatchEvent(new Event('change'));
};
const type = (root: ShadowRoot, id: string, value: string) => {
  const el = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
  el.value = value;
  el.dispatchEvent(new Event('input'));
};
const choose = (root: ShadowRoot, id: string, files: File[]) => {
  const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
  const transfer = new DataTransfer();
  for (const f of files) transfer.items.add(f);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
};
const button = (root: ShadowRoot | Element, text: string) =>
  [...(root as ShadowRoot).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === text);
const threadOf = (root: ShadowRoot) => waitFor(() => root.querySelector<BpTicketThread>('bp-ticket-thread'), 'the conversation');
const loadedThread = async (root: ShadowRoot) => {
  const thread = await threadOf(root);
  await waitFor(() => shadow(thread).querySelector('ol.messages'), 'the messages');
  return thread;
};

describe('<bp-tickets>', () => {
  it('shows the guide’s columns and Create, newest activity first, with unread replies marked', async () => {
    const { tickets, root } = await ticketsWidget();
    const shown = await firstRows(root);
    expect([...root.querySelectorAll('thead th')].map((th) => th.textContent!.trim())).to.deep.equal([
      'Ticket #', 'Status', 'Service', 'Subscriber #', 'Subscriber Name', 'Subject', 'Created on',
    ]);
    expect(button(root, 'Create')).to.exist;
    expect(shown[0]).to.deep.equal(['283 : Question about invoice INV-202610-00001', 'Open', 'Billing', '', '', 'Question about invoice INV-202610-00001', 'Nov 22, 2026']);
    expect(shown[1]![0]).to.equal('282 : Test Ticket, unread reply', 'the row says so to screen readers');
    expect(shown[1]!.slice(1, 7)).to.deep.equal(['Open', 'Hardware', '001835', 'Front desk', 'Test Ticket New reply', 'Nov 13, 2026']);
    expect(root.querySelector('tr.ticket:nth-child(2)')!.classList.contains('unread')).to.equal(true);
    expect(textOf(root)).to.contain('Showing 1–15 of 18 · 2 with unread replies');
    await expect(tickets).to.be.accessible();
  });

  it('filters by status and searches subjects, asking the server, and pages', async () => {
    const { root, api } = await ticketsWidget();
    await firstRows(root);
    select(root, 'status', 'closed');
    await waitFor(() => (rows(root).length && rows(root).every((r) => r[1] === 'Closed') ? true : null), 'closed tickets only');
    expect(api.requests.at(-1)).to.equal('GET /api/v1/accounts/C123456/tickets?page=1&pageSize=15&status=closed');
    select(root, 'status', '');
    root.querySelector<HTMLInputElement>('#q')!.value = 'voicemail';
    root.querySelector<HTMLFormElement>('form[role=search]')!.requestSubmit();
    await waitFor(() => (rows(root).length && rows(root).every((r) => r[5]!.startsWith('Voicemail greeting')) ? true : null), 'the search');
    expect(api.requests.at(-1)).to.equal('GET /api/v1/accounts/C123456/tickets?page=1&pageSize=15&q=voicemail');
    root.querySelector<HTMLInputElement>('#q')!.value = 'no such thing';
    root.querySelector<HTMLFormElement>('form[role=search]')!.requestSubmit();
    expect((await waitFor(() => root.querySelector('[part=empty]'), 'nothing found')).textContent).to.contain('No tickets match');
    root.querySelector<HTMLInputElement>('#q')!.value = '';
    root.querySelector<HTMLFormElement>('form[role=search]')!.requestSubmit();
    await waitFor(() => (rows(root).length === 15 ? true : null), 'all tickets again');
    button(root, 'Next')!.click();
    await waitFor(() => (textOf(root).includes('Showing 16–18 of 18') ? true : null), 'page 2');
  });

  it('says so when there are no tickets yet, and when they could not be loaded', async () => {
    const empty = await ticketsWidget({ noTickets: true });
    expect((await waitFor(() => empty.root.querySelector('[part=empty]'), 'empty')).textContent).to.contain('No tickets yet');
    const offline = await ticketsWidget({ offlinePaths: /\/tickets/ });
    const error = await waitFor(() => offline.root.querySelector('[part=error]'), 'the error');
    expect(error.textContent).to.contain('could not reach');
    expect(button(offline.root, 'Try again')).to.exist;
    await expect(offline.tickets).to.be.accessible();
  });

  it('creates a ticket about a subscriber, with a file; its conversation opens and the list has it', async () => {
    const { tickets, root, api } = await ticketsWidget();
    await firstRows(root);
    button(root, 'Create')!.click();
    const form = await waitFor(() => root.querySelector<BpTicketForm>('bp-ticket-form'), 'the form');
    const f = shadow(form);
    await waitFor(() => (f.querySelectorAll('#subscriptionId option').length > 1 ? true : null), 'the subscribers');
    expect([...f.querySelectorAll('#service option')].map((o) => o.textContent!.trim())).to.deep.equal(['Billing', 'Trouble', 'Account change', 'Hardware', 'Other']);
    expect([...f.querySelectorAll('#subscriptionId option')].map((o) => o.textContent!.trim())[1]).to.equal('001835 Front desk (VoIP Business 10,000)');
    await expect(form).to.be.accessible();
    type(f, 'subject', 'Headset crackles');
    select(f, 'service', 'hardware');
    select(f, 'subscriptionId', '1');
    type(f, 'message', 'Crackling on every call since Monday.');
    choose(f, 'new-ticket-files', [new File(['crackle'], 'recording-notes.txt', { type: 'text/plain' })]);
    await form.updateComplete;
    expect(textOf(f)).to.contain('recording-notes.txt');
    const created = oneEvent<BpTicketCreatedEvent>(tickets, 'bp-ticket-created');
    button(f, 'Create ticket')!.click();
    const { detail } = await created;
    expect([detail.ticket.number, detail.ticket.status, detail.ticket.subscription?.subscriberNumber]).to.deep.equal([286, 'open', '001835']);
    expect(detail.ticket.messages[0]!.attachments.map((a) => a.fileName)).to.deep.equal(['recording-notes.txt']);
    expect(api.requests).to.include('POST /api/v1/accounts/C123456/tickets');
    const thread = await loadedThread(root);
    expect(textOf(shadow(thread))).to.contain('Headset crackles');
    button(root, '← All tickets')!.click();
    await waitFor(() => (rows(root)[0]?.[5] === 'Headset crackles' ? true : null), 'the new ticket first');
  });

  it('the form says what is missing before sending, and names files it cannot take', async () => {
    const { root, api } = await ticketsWidget();
    await firstRows(root);
    button(root, 'Create')!.click();
    const form = await waitFor(() => root.querySelector<BpTicketForm>('bp-ticket-form'), 'the form');
    const f = shadow(form);
    const sent = api.requests.length;
    button(f, 'Create ticket')!.click();
    await form.updateComplete;
    expect(f.querySelector('#subject')!.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(f)).to.contain('Give the ticket a subject.');
    expect(textOf(f)).to.contain('Write a message.');
    expect(f.activeElement?.id).to.equal('subject');
    choose(f, 'new-ticket-files', [
      ...Array.from({ length: 5 }, (_, i) => new File(['x'], `log-${i}.txt`, { type: 'text/plain' })),
      new File(['x'], 'sixth.txt', { type: 'text/plain' }),
    ]);
    choose(f, 'new-ticket-files', [new File([new Uint8Array(6 * 1024 * 1024)], 'huge.pdf', { type: 'application/pdf' }), new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' })]);
    await form.updateComplete;
    expect(f.querySelectorAll('ul.chosen li').length).to.equal(5);
    choose(f, 'new-ticket-files', []);
    f.querySelector<HTMLButtonElement>('ul.chosen button')!.click();
    choose(f, 'new-ticket-files', [new File([new Uint8Array(6 * 1024 * 1024)], 'huge.pdf', { type: 'application/pdf' }), new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' })]);
    await form.updateComplete;
    expect(textOf(f)).to.contain('huge.pdf is 6 MB: each file may be at most 5 MB.');
    expect(textOf(f)).to.contain('setup.exe: attach images');
    expect(api.requests.slice(sent).filter((r) => r.startsWith('POST'))).to.deep.equal([], 'nothing was sent');
    await expect(form).to.be.accessible();
  });
});

describe('<bp-ticket-thread>', () => {
  async function thread(options: FakeApiOptions = {}, staff = false, ticket = 282) {
    const api = createFakeApi({ signedInAs: staff ? staffMe : customerMe, ...options });
    const provider = await fixture(
      html`<bp-provider .fetcher=${api.fetch}><bp-ticket-thread account-number="C123456" ticket-number=${ticket} ?staff=${staff}></bp-ticket-thread></bp-provider>`,
    );
    const el = provider.firstElementChild as BpTicketThread;
    await waitFor(() => shadow(el).querySelector('ol.messages'), 'the messages');
    return { el, root: shadow(el), api };
  }
  const messages = (root: ShadowRoot) => [...root.querySelectorAll('li.message')].map((li) => li.querySelector('.body')!.textContent);

  it('shows every message with its author and time, and files to download; no internal note', async () => {
    const { el, root, api } = await thread();
    expect(root.querySelector('h2')!.textContent).to.equal('Test Ticket');
    expect(textOf(root.querySelector('.meta') as HTMLElement)).to.contain('Ticket #282 Open Hardware Subscriber 001835 Front desk Created on Nov 13, 2026');
    expect(messages(root)).to.have.length(4);
    expect(textOf(root)).not.to.contain('recall list');
    const first = root.querySelector('li.message')!;
    expect(first.querySelector('.author strong')!.textContent).to.equal('Dana Whitfield');
    expect(first.querySelector('time')!.getAttribute('datetime')).to.equal('2026-11-13T16:20:00.000Z');
    expect([...first.querySelectorAll('.attachments button')].map((b) => b.textContent!.trim())).to.deep.equal(['front-desk-phone.png', 'phone-log.txt']);
    const clicked = new Promise<HTMLAnchorElement>((resolve) => {
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function () {
        HTMLAnchorElement.prototype.click = original;
        resolve(this);
      };
    });
    (first.querySelectorAll<HTMLButtonElement>('.attachments button')[1]!).click();
    const link = await clicked;
    expect(link.download).to.equal('phone-log.txt');
    expect(await (await fetch(link.href)).text()).to.contain('SIP registration lost');
    expect(api.requests.at(-1)).to.equal('GET /api/v1/accounts/C123456/tickets/282/attachments/2');
    await expect(el).to.be.accessible();
  });

  it('shows what people wrote as text, never as markup', async () => {
    const markup = '<img src=x onerror="window.__pwned = true"><b>bold?</b>';
    const { el, root } = await thread();
    type(root, 'reply', markup);
    button(root, 'Send reply')!.click();
    await waitFor(() => (messages(root).length === 5 ? true : null), 'the reply');
    expect(messages(root).at(-1)).to.equal(markup);
    expect(root.querySelector('li.message:last-child img, li.message:last-child b')).to.equal(null);
    expect((window as unknown as { __pwned?: boolean }).__pwned).to.equal(undefined);
    await el.updateComplete;
  });

  it('replies with a file; closes and reopens the ticket, and a closed ticket takes no reply until reopened', async () => {
    const { el, root, api } = await thread();
    type(root, 'reply', 'Here is another photo.');
    choose(root, 'reply-files', [new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'second.png', { type: 'image/png' })]);
    const updated = oneEvent<BpTicketUpdatedEvent>(el, 'bp-ticket-updated');
    button(root, 'Send reply')!.click();
    const { detail } = await updated;
    expect(detail.ticket.messages.at(-1)!.attachments.map((a) => a.fileName)).to.deep.equal(['second.png']);
    await el.updateComplete;
    expect((root.querySelector('#reply') as HTMLTextAreaElement).value).to.equal('', 'the box is emptied');
    button(root, 'Close ticket')!.click();
    await waitFor(() => (root.querySelector('.status')!.textContent === 'Closed' ? true : null), 'closed');
    expect(api.requests.at(-1)).to.equal('PATCH /api/v1/accounts/C123456/tickets/282');
    expect(root.querySelector('form.reply')).to.equal(null);
    expect(textOf(root)).to.contain('This ticket is closed. Reopen it to write again.');
    button(root, 'Reopen ticket')!.click();
    await waitFor(() => (root.querySelector('.status')!.textContent === 'Open' ? true : null), 'open again');
    expect(root.querySelector('form.reply')).to.exist;
  });

  it('staff: internal notes shown apart, a note written, the status set, assigned to oneself', async () => {
    const { el, root, api } = await thread({}, true);
    const note = await waitFor(() => root.querySelector('li.message.note'), 'the note');
    expect(textOf(note as HTMLElement)).to.contain('Internal note: the customer does not see this');
    expect(textOf(root.querySelector('.meta') as HTMLElement)).to.contain('C123456 — Bayview Dental Group');
    await expect(el).to.be.accessible();
    root.querySelector<HTMLInputElement>('.check input')!.click();
    await el.updateComplete;
    type(root, 'reply', 'Replacement shipped with tracking 1Z999.');
    button(root, 'Add note')!.click();
    await waitFor(() => (root.querySelectorAll('li.message.note').length === 2 ? true : null), 'a second note');
    expect(api.requests.at(-1)).to.equal('POST /api/v1/tickets/282/messages');
    select(root, 'status', 'resolved');
    await waitFor(() => (root.querySelector('.status')!.textContent === 'Resolved' ? true : null), 'resolved');
    button(root, 'Assign to me')!.click();
    await waitFor(() => (textOf(root).includes('Assigned to Sam Rivera') ? true : null), 'assigned');
    expect(button(root, 'Unassign me')).to.exist;
  });

  it('shows a ticket handed in as data, in the dark theme too', async () => {
    const el = await fixture<BpTicketThread>(html`<bp-ticket-thread theme="dark" .data=${testTicket()}></bp-ticket-thread>`);
    expect(shadow(el).querySelectorAll('li.message')).to.have.length(4);
    await expect(el).to.be.accessible();
  });
});

describe('the ticket list’s states as data', () => {
  it('an empty list handed in as data', async () => {
    const el = await fixture<BpTickets>(html`<bp-tickets .data=${noTickets}></bp-tickets>`);
    expect(shadow(el).querySelector('[part=empty]')!.textContent).to.contain('No tickets yet');
  });
});
