import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { QueuePage, TicketService, TicketStatus } from '../api/types.ts';
import { pager, showingRows } from '../base/pager.ts';
import { scrollingTable } from '../base/data-table.ts';
import { StoreDataElement } from '../base/store-data-element.ts';
import type { StoreReader } from '../data/account-store.ts';
import { ticketQueue } from '../data/ticket-resources.ts';
import { formatDateTime } from '../i18n/format.ts';
import { formatWaiting, serviceLabel, SERVICES, statusLabel, STATUSES } from '../tickets/labels.ts';
import { BpTicketThread } from '../tickets/ticket-thread.ts';
import { ticketStyles } from '../tickets/tickets.styles.ts';

const PAGE_SIZE = 20;

interface QueueFilters {
  status: '' | TicketStatus;
  service: '' | TicketService;
  account: string;
  assignee: '' | 'me' | 'none';
  sort: 'waiting' | 'activity';
}

/**
 * @summary The provider's ticket queue: the tickets of every account, the customers waiting
 * longest first (or the newest activity), filtered by status, service, account and assignee. A
 * row opens the ticket with the staff's tools: reply, internal notes, status, assign to oneself.
 * For staff users only (the API answers 404 to anyone else). The queue is read through the
 * portal's store: what the staff do to a ticket shows in it (and in the navigation's count) at once.
 *
 * @fires bp-ticket-open - A ticket was opened.
 * @fires bp-ticket-updated - A reply or note was sent, or the status or assignee set.
 *
 * @csspart table - The queue.
 * @csspart filters - The filters and the sort.
 * @csspart pager - The previous / next page controls.
 * @csspart error - The error message, when loading failed.
 * @csspart empty - The message when no ticket matches.
 */
export class BpTicketQueue extends StoreDataElement<QueuePage> {
  static readonly tag = 'bp-ticket-queue';
  static readonly elements = [BpTicketThread];
  static override properties: PropertyDeclarations = {
    ticket: { type: Number },
    filters: { state: true },
    page: { state: true },
    opened: { state: true },
  };

  static override styles = [...StoreDataElement.styles, ticketStyles];

  /** A ticket to open (a link from a mail). */
  ticket = 0;

  private filters: QueueFilters = { status: '', service: '', account: '', assignee: '', sort: 'waiting' };
  private page = 1;
  private opened = 0;

  protected override get source(): string {
    return `${JSON.stringify(this.filters)}|${this.page}`;
  }

  /** The queue is every account's: read with no account number. */
  protected override readData(store: StoreReader, signal: AbortSignal) {
    const f = this.filters;
    const query = {
      status: f.status || undefined,
      service: f.service || undefined,
      account: f.account || undefined,
      assignee: f.assignee || undefined,
      sort: f.sort,
      page: this.page,
      pageSize: PAGE_SIZE,
    };
    return store.read(ticketQueue, '', query, signal);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    if (changed.has('ticket') && this.ticket) this.opened = this.ticket;
  }

  private filter(change: Partial<QueueFilters>) {
    this.filters = { ...this.filters, ...change };
    this.page = 1;
  }

  private open(number: number) {
    this.opened = number;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.back button')?.focus());
  }

  private back() {
    this.opened = 0;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h2')?.focus());
  }

  private select<K extends keyof QueueFilters>(id: K, label: string, options: [QueueFilters[K], string][]) {
    return html`
      <div class="field">
        <label for=${id}>${label}</label>
        <select id=${id} @change=${(e: Event) => this.filter({ [id]: (e.target as HTMLSelectElement).value } as Partial<QueueFilters>)}>
          ${options.map(([value, text]) => html`<option value=${value} ?selected=${this.filters[id] === value}>${text}</option>`)}
        </select>
      </div>
    `;
  }

  private renderFilters() {
    return html`
      <div class="filters" part="filters">
        ${this.select('status', msg('Status'), [['', msg('All')], ...STATUSES.map((s): [TicketStatus, string] => [s, statusLabel(s)])])}
        ${this.select('service', msg('Service'), [['', msg('All')], ...SERVICES.map((s): [TicketService, string] => [s, serviceLabel(s)])])}
        ${this.select('assignee', msg('Assigned to'), [['', msg('Anyone')], ['me', msg('Me')], ['none', msg('Nobody')]])}
        ${this.select('sort', msg('Sort by'), [['waiting', msg('Waiting longest')], ['activity', msg('Newest activity')]])}
        <form
          role="search"
          @submit=${(e: Event) => {
            e.preventDefault();
            this.filter({ account: (this.renderRoot.querySelector<HTMLInputElement>('#account')?.value ?? '').trim() });
          }}
        >
          <div class="field">
            <label for="account">${msg('Account #')}</label>
            <input id="account" type="search" maxlength="32" pattern="[A-Za-z0-9\\-]*" .value=${this.filters.account} />
          </div>
          <button class="button secondary" type="submit">${msg('Filter')}</button>
        </form>
      </div>
    `;
  }

  private renderPage(queue: QueuePage) {
    return html`
      <p class="count muted" role="status">${showingRows(queue, queue.tickets.length)} · ${msg(str`${queue.waiting} waiting for an answer`)}</p>
      ${scrollingTable({
        caption: msg('Tickets of every account'),
        rows: queue.tickets,
        rowClass: (t) => `ticket ${t.unread ? 'unread' : ''}`,
        onRowClick: (t) => this.open(t.number),
        columns: [
          {
            heading: msg('Ticket #'),
            class: 'nowrap',
            cell: (t) => html`<button class="link-button" type="button" @click=${() => this.open(t.number)}>
              ${t.number}<span class="visually-hidden">: ${t.subject}${t.unread ? `, ${msg('unread')}` : ''}</span>
            </button>`,
          },
          { heading: msg('Waiting'), cellClass: () => 'nowrap', cell: (t) => (t.waitingSince ? formatWaiting(t.waitingSince) : '—') },
          { heading: msg('Status'), cell: (t) => html`<span class="status ${t.status}">${statusLabel(t.status)}</span>` },
          { heading: msg('Service'), cell: (t) => serviceLabel(t.service) },
          { heading: msg('Account'), cell: (t) => html`<span>${t.accountNumber}<span class="account-name muted">${t.accountName}</span></span>` },
          {
            heading: msg('Subject'),
            cellClass: () => 'subject',
            cell: (t) => html`<span>${t.subject} ${t.unread ? html`<span class="unread-mark" aria-hidden="true">${msg('New')}</span>` : nothing}</span>`,
          },
          { heading: msg('Assigned to'), cell: (t) => t.assignee?.name ?? '—' },
          { heading: msg('Last activity'), cellClass: () => 'nowrap', cell: (t) => formatDateTime(t.lastActivityAt) },
        ],
      })}
      ${pager(queue, msg('Queue pages'), (n) => (this.page = n))}
    `;
  }

  protected override render() {
    if (this.opened) {
      return html`
        <section class="panel">
          <p class="back"><button class="link-button" type="button" @click=${() => this.back()}>← ${msg('Ticket queue')}</button></p>
          <bp-ticket-thread staff ticket-number=${this.opened} theme=${this.theme}></bp-ticket-thread>
        </section>
      `;
    }
    const filtered = Object.values(this.filters).some((v) => v && v !== 'waiting');
    return html`
      <section class="panel" aria-labelledby="queue-heading">
        <div class="head"><h2 id="queue-heading" tabindex="-1">${msg('Ticket queue')}</h2></div>
        ${this.renderFilters()}
        ${this.renderData({
          loading: msg('Loading the queue…'),
          isEmpty: (queue) => queue.tickets.length === 0,
          empty: filtered ? msg('No tickets match these filters.') : msg('No tickets yet.'),
          complete: (queue) => this.renderPage(queue),
        })}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-ticket-queue': BpTicketQueue;
  }
}
