import { expect } from '@open-wc/testing';
import type { BpTicketThread } from '../../components/tickets/ticket-thread.ts';
import { customerMe, staffMe } from '../../stories/fixtures/accounts.ts';
import { expectAccessibleInBothThemes, navCount, portalWith, shadow, textOf, waitFor } from './helpers.ts';

/**
 * Ticket writes go through the portal's store: a reply in the open conversation shows in the
 * list (or the staff's queue) and in the navigation's count without a reload, and the fake
 * API's request log shows each of them read again once, and the ticket itself not at all (the
 * reply is its new state).
 */

const ACCOUNT = '/api/v1/accounts/C123456';
/** Lets the store's change notices and the reads they start run. */
const settle = () => new Promise((r) => setTimeout(r, 50));
const buttonIn = (root: ParentNode, text: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim().startsWith(text));
/** A row of a ticket list or the queue, as its cells' text, found by ticket number. */
const rowOf = (root: ShadowRoot, number: number) => [...root.querySelectorAll('tr.ticket')].find((tr) => tr.querySelector('td')!.textContent!.trim().startsWith(String(number)));
/** The account-data requests sent since `from` (the form limits are asked once per session and are none), sorted. */
const requestsSince = (requests: string[], from: number) => requests.slice(from).filter((r) => !r.includes('/ticket-limits')).sort();
const cells = (row: Element | undefined) => [...(row?.querySelectorAll('td') ?? [])].map((td) => (td as HTMLElement).innerText.replace(/\s+/g, ' ').trim());

async function openThread(list: ShadowRoot, number: number) {
  rowOf(list, number)!.querySelector('button')!.click();
  const thread = await waitFor(() => list.querySelector<BpTicketThread>('bp-ticket-thread'), 'the conversation');
  await waitFor(() => shadow(thread).querySelector('ol.messages'), 'the messages');
  return shadow(thread);
}

async function reply(thread: ShadowRoot, text: string) {
  const before = thread.querySelectorAll('li.message').length;
  const box = thread.querySelector<HTMLTextAreaElement>('#reply')!;
  box.value = text;
  box.dispatchEvent(new Event('input'));
  await (thread.host as BpTicketThread).updateComplete;
  buttonIn(thread, 'Send reply')!.click();
  await waitFor(() => thread.querySelectorAll('li.message').length === before + 1 || null, 'the reply in the conversation');
}

describe('ticket writes through the store', function () {
  // axe in two themes, or keys sent through the browser: slower than 5 s on a busy machine.
  this.timeout(15_000);
  it('a customer opens an unread ticket and replies: the list and the count follow, each read again once, the ticket not', async () => {
    const { portal, api } = await portalWith({ signedInAs: customerMe });
    await waitFor(() => navCount(portal, 'Tickets') === '(2 unread)' || null, 'two unread');
    buttonIn(shadow(portal), 'Tickets')!.click();
    const list = shadow(await waitFor(() => shadow(portal).querySelector('bp-tickets'), 'Tickets'));
    await waitFor(() => rowOf(list, 279), 'ticket 279');
    expect(rowOf(list, 279)!.classList.contains('unread')).to.equal(true);
    expect(cells(rowOf(list, 279))[1]).to.equal('Pending customer');

    // Opening it reads the provider's reply: the count drops, and the list is read again behind the conversation.
    let sent = api.requests.length;
    const thread = await openThread(list, 279);
    await waitFor(() => navCount(portal, 'Tickets') === '(1 unread)' || null, 'one unread left');
    await settle();
    expect(requestsSince(api.requests, sent)).to.deep.equal([
      `GET ${ACCOUNT}/tickets/279`,
      `GET ${ACCOUNT}/tickets?page=1&pageSize=15`,
      `GET ${ACCOUNT}/tickets?pageSize=1`,
    ]);

    // The reply reopens it (it was pending the customer) and makes it the newest activity.
    sent = api.requests.length;
    await reply(thread, 'All our lines, please: 001835 and the seats.');
    await waitFor(() => thread.querySelector('.meta .status')?.textContent === 'Open' || null, 'open again');
    await settle();
    expect(requestsSince(api.requests, sent)).to.deep.equal([
      `GET ${ACCOUNT}/tickets?page=1&pageSize=15`,
      `GET ${ACCOUNT}/tickets?pageSize=1`,
      `POST ${ACCOUNT}/tickets/279/messages`,
    ]);

    // Back in the list: already read, nothing asked for again.
    sent = api.requests.length;
    buttonIn(list, '← All tickets')!.click();
    await waitFor(() => list.querySelector('tr.ticket'), 'the list');
    const first = list.querySelector('tr.ticket')!;
    expect(cells(first).slice(0, 2)).to.deep.equal(['279 : Caller ID shows our old practice name', 'Open']);
    expect(first.classList.contains('unread')).to.equal(false);
    expect(textOf(list)).to.contain('1 with unread replies');
    expect(navCount(portal, 'Tickets')).to.equal('(1 unread)');
    await settle();
    expect(requestsSince(api.requests, sent)).to.deep.equal([]);
    await expectAccessibleInBothThemes(portal);
  });

  it('staff reply from the queue: the row is no longer waiting nor new, its last activity is the reply, and the waiting count drops', async () => {
    const { portal, api } = await portalWith({ signedInAs: staffMe });
    await waitFor(() => navCount(portal, 'Ticket queue') === '(2 waiting)' || null, 'two waiting');
    buttonIn(shadow(portal), 'Ticket queue')!.click();
    const queue = shadow(await waitFor(() => shadow(portal).querySelector('bp-ticket-queue'), 'the queue'));
    await waitFor(() => rowOf(queue, 283), 'ticket 283');
    const before = cells(rowOf(queue, 283));
    expect(before[1]).to.match(/\d+ (min|h|d)/, 'waiting');
    expect(before[5]).to.match(/ New$/);

    const thread = await openThread(queue, 283);
    await settle();
    const sent = api.requests.length;
    await reply(thread, 'It covers the calls to Canada on October 14 and 15.');
    await waitFor(() => navCount(portal, 'Ticket queue') === '(1 waiting)' || null, 'one waiting');
    await settle();
    expect(requestsSince(api.requests, sent)).to.deep.equal([
      'GET /api/v1/tickets?page=1&pageSize=20&sort=waiting',
      'GET /api/v1/tickets?pageSize=1',
      'POST /api/v1/tickets/283/messages',
    ]);

    const replied = thread.querySelector('li.message:last-child time')!.textContent!.trim();
    buttonIn(queue, '← Ticket queue')!.click();
    await waitFor(() => rowOf(queue, 283), 'the queue again');
    const after = cells(rowOf(queue, 283));
    expect(after[1]).to.equal('—', 'nobody waits');
    expect(after[5]).not.to.match(/ New$/);
    expect(after[7]).to.equal(replied, 'the last activity is the reply');
    expect(textOf(queue)).to.contain('1 waiting for an answer');
    expect(requestsSince(api.requests, sent)).to.have.length(3, 'the queue was not asked for again');
  });
});
