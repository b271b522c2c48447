import { expect, fixture, html } from '@open-wc/testing';
import type { BpTicketQueue } from '../../components/ticket-queue/ticket-queue.ts';
import type { BpTicketForm } from '../../components/tickets/ticket-form.ts';
import type { BpTicketThread } from '../../components/tickets/ticket-thread.ts';
import { customerMe, staffMe } from '../../stories/fixtures/accounts.ts';
import { createFakeApi, type FakeApiOptions } from '../../stories/fixtures/fake-api.ts';
import { expectAccessibleInBothThemes, navCount, navLabels, portalWith, shadow, textOf, waitFor } from './helpers.ts';

const button = (root: ParentNode, text: string) => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === text);
const rows = (root: ShadowRoot) => [...root.querySelectorAll('tr.ticket')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.replace(/\s+/g, ' ').trim()));
const heading = (portal: Element) => shadow(portal).querySelector('main h1')?.textContent?.trim();

describe('<bp-ticket-queue>', function () {
  // axe in two themes, or keys sent through the browser: slower than 5 s on a busy machine.
  this.timeout(15_000);
  async function queue(options: FakeApiOptions = {}) {
    const api = createFakeApi({ signedInAs: staffMe, ...options });
    const provider = await fixture(html`<bp-provider .fetcher=${api.fetch}><bp-ticket-queue></bp-ticket-queue></bp-provider>`);
    const el = provider.firstElementChild as BpTicketQueue;
    const root = shadow(el);
    await waitFor(() => root.querySelector('tr.ticket') || root.querySelector('[part=empty]'), 'the queue');
    return { el, root, api };
  }

  it('lists the tickets of every account, customers waiting longest first, with who has each', async () => {
    const { el, root } = await queue();
    expect([...root.querySelectorAll('thead th')].map((th) => th.textContent!.trim())).to.deep.equal([
      'Ticket #', 'Waiting', 'Status', 'Service', 'Account', 'Subject', 'Assigned to', 'Last activity',
    ]);
    const shown = rows(root);
    expect(shown.slice(0, 2).map((r) => r[5]!.replace(/ New$/, ''))).to.deep.equal(['Question about invoice INV-202610-00001', 'Voicemail emails arrive without the recording']);
    expect(shown[0]![1]).to.match(/\d+ (min|h|d)/, 'how long the customer has waited');
    expect(shown.find((r) => r[0]!.startsWith('281'))![6]).to.equal('Sam Rivera');
    expect(textOf(root)).to.contain('2 waiting for an answer');
    await expectAccessibleInBothThemes(el);
  });

  it('filters by status, service, assignee and account, sorts by activity, asking the server each time', async () => {
    const { root, api } = await queue();
    const choose = (id: string, value: string) => {
      const select = root.querySelector<HTMLSelectElement>(`#${id}`)!;
      select.value = value;
      select.dispatchEvent(new Event('change'));
    };
    choose('status', 'open');
    choose('service', 'trouble');
    await waitFor(() => (rows(root).length === 1 ? true : null), 'one open trouble ticket');
    expect(api.requests.at(-1)).to.equal('GET /api/v1/tickets?page=1&pageSize=20&sort=waiting&status=open&service=trouble');
    choose('service', '');
    choose('assignee', 'me');
    await waitFor(() => (rows(root).length === 1 && rows(root)[0]![0]!.startsWith('281') ? true : null), 'mine');
    choose('assignee', '');
    choose('status', '');
    root.querySelector<HTMLInputElement>('#account')!.value = 'c200101';
    root.querySelector<HTMLFormElement>('form[role=search]')!.requestSubmit();
    await waitFor(() => (rows(root).length === 1 && rows(root)[0]![4]!.startsWith('C200101') ? true : null), 'one account');
    root.querySelector<HTMLInputElement>('#account')!.value = '';
    root.querySelector<HTMLFormElement>('form[role=search]')!.requestSubmit();
    choose('sort', 'activity');
    await waitFor(() => (api.requests.at(-1)!.includes('sort=activity') && rows(root)[0]?.[0]!.startsWith('285') ? true : null), 'newest activity first');
  });

  it('opens a ticket with the staff’s tools, and goes back to the queue', async () => {
    const { root } = await queue();
    root.querySelector<HTMLButtonElement>('tr.ticket:nth-child(2) button')!.click();
    const thread = await waitFor(() => root.querySelector<BpTicketThread>('bp-ticket-thread'), 'the ticket');
    await waitFor(() => shadow(thread).querySelector('ol.messages'), 'the messages');
    expect(thread.staff).to.equal(true);
    expect(shadow(thread).querySelector('#status')).to.exist;
    button(root, '← Ticket queue')!.click();
    await waitFor(() => root.querySelector('tr.ticket'), 'the queue again');
  });

  it('says so when no ticket matches, and when the queue cannot be loaded', async () => {
    const empty = await queue({ noTickets: true });
    expect(empty.root.querySelector('[part=empty]')!.textContent).to.contain('No tickets yet');
    const api = createFakeApi({ signedInAs: staffMe, offlinePaths: /\/tickets/ });
    const provider = await fixture(html`<bp-provider .fetcher=${api.fetch}><bp-ticket-queue></bp-ticket-queue></bp-provider>`);
    const error = await waitFor(() => shadow(provider.firstElementChild!).querySelector('[part=error]'), 'the error');
    expect(error.textContent).to.contain('could not reach');
  });
});

describe('tickets in <bp-portal>', function () {
  // axe in two themes, or keys sent through the browser: slower than 5 s on a busy machine.
  this.timeout(15_000);
  it('Tickets is in the navigation with the count of unread replies, which opening one lowers', async () => {
    const { portal } = await portalWith({ signedInAs: customerMe });
    expect(navLabels(portal)).to.deep.equal(['My Account', 'Invoices', 'Reports', 'Services', 'Sub Account', 'Tickets']);
    await waitFor(() => (navCount(portal, 'Tickets') === '(2 unread)' ? true : null), 'two unread');
    button(shadow(portal), 'Tickets 2 (2 unread)')!.click(); // the badge, and what it means for screen readers
    await waitFor(() => heading(portal) === 'Tickets', 'the Tickets screen');
    const tickets = shadow(portal).querySelector('bp-tickets')!;
    const row = await waitFor(() => shadow(tickets).querySelector<HTMLButtonElement>('tr.unread button'), 'an unread ticket');
    row.click();
    await waitFor(() => (navCount(portal, 'Tickets') === '(1 unread)' ? true : null), 'one unread left');
    await expectAccessibleInBothThemes(portal);
  });

  it('Question about this charge: an invoice line opens a new ticket filled in from it, which links back to the invoice', async () => {
    const { portal, api } = await portalWith({ signedInAs: customerMe });
    button(shadow(portal), 'Invoices')!.click();
    const list = await waitFor(() => shadow(portal).querySelector('bp-invoice-list'), 'the invoices');
    const toggle = await waitFor(() => shadow(list).querySelector<HTMLButtonElement>('tr.invoice button[aria-expanded]'), 'an invoice');
    toggle.click();
    const ask = await waitFor(() => shadow(list).querySelector<HTMLButtonElement>('[part=lines] button.question'), 'Question about this charge');
    expect(ask.textContent!.trim()).to.equal('Question about this charge');
    ask.click();
    await waitFor(() => heading(portal) === 'Tickets', 'Tickets');
    const tickets = shadow(portal).querySelector('bp-tickets')!;
    const form = await waitFor(() => shadow(tickets).querySelector<BpTicketForm>('bp-ticket-form'), 'the new ticket');
    const f = shadow(form);
    await form.updateComplete;
    expect(f.querySelector<HTMLInputElement>('#subject')!.value).to.equal('Question about invoice INV-202610-00001');
    expect(f.querySelector<HTMLSelectElement>('#service')!.value).to.equal('billing');
    await waitFor(() => (f.querySelector<HTMLSelectElement>('#subscriptionId')!.value === '1' ? true : null), 'the line’s subscriber chosen');
    expect(f.querySelector<HTMLTextAreaElement>('#message')!.value).to.contain('“VoIP Business 10,000 — 001835 Front desk”, $89.95 on invoice INV-202610-00001');
    expect(textOf(f)).to.contain('About invoice INV-202610-00001');
    f.querySelector<HTMLTextAreaElement>('#message')!.value += 'Why did this go up?';
    f.querySelector<HTMLTextAreaElement>('#message')!.dispatchEvent(new Event('input'));
    button(f, 'Create ticket')!.click();
    const thread = await waitFor(() => shadow(tickets).querySelector<BpTicketThread>('bp-ticket-thread'), 'the new ticket');
    const about = await waitFor(() => shadow(thread).querySelector('.about'), 'the invoice it is about');
    expect(textOf(about as HTMLElement)).to.contain('About invoice INV-202610-00001, the charge “VoIP Business 10,000 — 001835 Front desk” of $89.95');
    button(about, 'Download invoice INV-202610-00001 (PDF)')!.click();
    await waitFor(() => api.requests.includes('GET /api/v1/accounts/C123456/invoices/1000/pdf') || null, 'the invoice downloaded');
  });

  it('staff: the Ticket queue is in the navigation before any account is chosen, with the waiting count', async () => {
    const { portal } = await portalWith({ signedInAs: staffMe });
    expect(heading(portal)).to.equal('Customer accounts');
    expect(navLabels(portal)).to.deep.equal(['Ticket queue']);
    await waitFor(() => (navCount(portal, 'Ticket queue') === '(2 waiting)' ? true : null), 'two waiting');
    button(shadow(portal), 'Ticket queue 2 (2 waiting)')!.click();
    await waitFor(() => heading(portal) === 'Ticket queue', 'the queue');
    expect(shadow(portal).querySelector('bp-ticket-queue')).to.exist;
    await expect(portal).to.be.accessible();
    button(shadow(portal), 'Find an account')!.click();
    await waitFor(() => heading(portal) === 'Customer accounts', 'back to the lookup');
  });

  it('a link from a ticket mail opens the ticket after sign-in', async () => {
    const api = createFakeApi({ signedInAs: customerMe });
    const portal = await fixture(html`<bp-portal .fetcher=${api.fetch} account="C123456" .ticket=${282}></bp-portal>`);
    await waitFor(() => heading(portal) === 'Tickets', 'Tickets');
    // The screen's code loads first: Tickets shows "Loading…" before <bp-tickets>.
    const thread = await waitFor(() => shadow(portal).querySelector('bp-tickets')?.shadowRoot?.querySelector<BpTicketThread>('bp-ticket-thread'), 'the ticket');
    await waitFor(() => shadow(thread).querySelector('h2')?.textContent === 'Test Ticket' || null, 'ticket 282');
    const staffApi = createFakeApi({ signedInAs: staffMe });
    const staffPortal = await fixture(html`<bp-portal .fetcher=${staffApi.fetch} .ticket=${282}></bp-portal>`);
    await waitFor(() => heading(staffPortal) === 'Ticket queue', 'the queue');
    const queueThread = await waitFor(() => shadow(staffPortal).querySelector('bp-ticket-queue')?.shadowRoot?.querySelector<BpTicketThread>('bp-ticket-thread'), 'the ticket');
    await waitFor(() => shadow(queueThread).querySelector('li.message.note') || null, 'with its internal note');
  });
});
