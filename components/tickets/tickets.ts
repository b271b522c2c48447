import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { TicketDraft, TicketPage, TicketStatus } from '../api/types.ts';
import { AccountDataElement } from '../base/account-data-element.ts';
import { scrollingTable } from '../base/data-table.ts';
import { pager, showingRows } from '../base/pager.ts';
import type { StoreReader } from '../data/account-store.ts';
import { tickets } from '../data/ticket-resources.ts';
import type { BpTicketCreatedEvent } from '../events/ticket.ts';
import { formatDate } from '../i18n/format.ts';
import { serviceLabel, statusLabel, STATUSES } from './labels.ts';
import { BpTicketForm } from './ticket-form.ts';
import { BpTicketThread } from './ticket-thread.ts';
import { ticketStyles } from './tickets.styles.ts';

const PAGE_SIZE = 15;
/** The form's draft when none is given (one object: a new one each render would reset the form). */
const NO_DRAFT: TicketDraft = {};

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'ticket'; number: number };

/**
 * @summary The guide's Tickets: Ticket #, Status, Service, Subscriber #, Subscriber Name,
 * Subject and Created on, newest activity first, filtered by status, searched by subject, a page
 * at a time, with unread replies marked; Create opens a new ticket, a row its conversation. A
 * new ticket, a reply, closing or opening a ticket shows in the list (and in the navigation's
 * count) through the portal's store, without a reload.
 *
 * @fires bp-ticket-created - From the new-ticket form.
 * @fires bp-ticket-open - A ticket was opened (and so read).
 * @fires bp-ticket-updated - A reply was sent, or the ticket closed or reopened.
 *
 * @csspart table - The table of tickets.
 * @csspart filters - The status filter and the search.
 * @csspart pager - The previous / next page controls.
 * @csspart error - The error message, when loading failed.
 * @csspart empty - The message when there are no tickets.
 *
 * @cssproperty --bp-tickets-row-hover - Background of the row under the pointer (default: color-surface).
 */
export class BpTickets extends AccountDataElement<TicketPage> {
  static readonly tag = 'bp-tickets';
  static readonly elements = [BpTicketForm, BpTicketThread];
  static override properties: PropertyDeclarations = {
    ticket: { type: Number },
    draft: { attribute: false },
    status: { state: true },
    q: { state: true },
    page: { state: true },
    view: { state: true },
    notice: { state: true },
  };

  static override styles = [...AccountDataElement.styles, ticketStyles];

  /** A ticket to open (a link from a mail). */
  ticket = 0;
  /** Opens the new-ticket form with these fields filled in ("Question about this charge"). */
  draft: TicketDraft | undefined = undefined;

  private status: '' | TicketStatus = '';
  private q = '';
  private page = 1;
  private view: View = { kind: 'list' };
  /** Said (and focused) once a new ticket was sent, above its conversation; gone on the next move. */
  private notice = '';

  protected override get query(): string {
    return `${this.status}|${this.q}|${this.page}`;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('ticket') && this.ticket) this.view = { kind: 'ticket', number: this.ticket };
    if (changed.has('draft') && this.draft) this.view = { kind: 'new' };
    if (changed.has('accountNumber') && changed.get('accountNumber') !== undefined) this.view = { kind: 'list' };
  }

  protected read(store: StoreReader, number: string, signal: AbortSignal) {
    return store.read(tickets, number, { status: this.status || undefined, q: this.q || undefined, page: this.page, pageSize: PAGE_SIZE }, signal);
  }

  private get staff() {
    return this.portal?.user?.role === 'staff';
  }

  private show(view: View) {
    this.view = view;
    this.notice = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(view.kind === 'list' ? 'h2' : '.back button')?.focus());
  }

  private created(e: BpTicketCreatedEvent) {
    const { number } = e.detail.ticket;
    this.view = { kind: 'ticket', number };
    this.notice = msg(str`Ticket #${number} was sent. Our answer will be here, and we will email you when it comes.`);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.notice')?.focus());
  }

  private filter(change: () => void) {
    change();
    this.page = 1;
  }

  private renderFilters() {
    return html`
      <div class="filters" part="filters">
        <div class="field">
          <label for="status">${msg('Status')}</label>
          <select id="status" .value=${this.status} @change=${(e: Event) => this.filter(() => (this.status = (e.target as HTMLSelectElement).value as typeof this.status))}>
            <option value="">${msg('All')}</option>
            ${STATUSES.map((s) => html`<option value=${s}>${statusLabel(s)}</option>`)}
          </select>
        </div>
        <form
          role="search"
          @submit=${(e: Event) => {
            e.preventDefault();
            const value = (this.renderRoot.querySelector<HTMLInputElement>('#q')?.value ?? '').trim();
            this.filter(() => (this.q = value));
          }}
        >
          <div class="field">
            <label for="q">${msg('Search subjects')}</label>
            <input id="q" type="search" maxlength="100" .value=${this.q} />
          </div>
          <button class="button secondary" type="submit">${msg('Search')}</button>
        </form>
      </div>
    `;
  }

  private renderPage(page: TicketPage) {
    return html`
      <p class="count muted" role="status">${showingRows(page, page.tickets.length)}${page.unreadCount ? ` · ${msg(str`${page.unreadCount} with unread replies`)}` : ''}</p>
      ${scrollingTable({
        caption: msg('Tickets, newest activity first'),
        rows: page.tickets,
        rowClass: (t) => `ticket ${t.unread ? 'unread' : ''}`,
        onRowClick: (t) => this.show({ kind: 'ticket', number: t.number }),
        columns: [
          {
            heading: msg('Ticket #'),
            class: 'nowrap',
            cell: (t) => html`<button class="link-button" type="button" @click=${() => this.show({ kind: 'ticket', number: t.number })}>
              ${t.number}<span class="visually-hidden">: ${t.subject}${t.unread ? `, ${msg('unread reply')}` : ''}</span>
            </button>`,
          },
          { heading: msg('Status'), cell: (t) => html`<span class="status ${t.status}">${statusLabel(t.status)}</span>` },
          { heading: msg('Service'), cell: (t) => serviceLabel(t.service) },
          { heading: msg('Subscriber #'), cellClass: (t) => (t.subscriberNumber ? '' : 'none'), cell: (t) => t.subscriberNumber ?? '' },
          { heading: msg('Subscriber Name'), cellClass: (t) => (t.subscriberName ? '' : 'none'), cell: (t) => t.subscriberName ?? '' },
          {
            heading: msg('Subject'),
            cellClass: () => 'subject',
            cell: (t) => html`<span>${t.subject} ${t.unread ? html`<span class="unread-mark" aria-hidden="true">${msg('New reply')}</span>` : nothing}</span>`,
          },
          { heading: msg('Created on'), cellClass: () => 'nowrap', cell: (t) => formatDate(t.createdAt) },
        ],
      })}
      ${pager(page, msg('Ticket pages'), (n) => (this.page = n))}
    `;
  }

  private renderList() {
    const filtered = Boolean(this.status || this.q);
    return html`
      <div class="head">
        <h2 id="heading" tabindex="-1">${msg('Tickets')}</h2>
        <button class="button" type="button" @click=${() => this.show({ kind: 'new' })}>${msg('Create')}</button>
      </div>
      ${this.renderFilters()}
      ${this.renderData({
        loading: msg('Loading tickets…'),
        isEmpty: (page) => page.tickets.length === 0,
        empty: filtered ? msg('No tickets match.') : msg('No tickets yet. Use Create to ask a question, report trouble or request a change.'),
        complete: (page) => this.renderPage(page),
      })}
    `;
  }

  private renderBack() {
    return html`<p class="back"><button class="link-button" type="button" @click=${() => this.show({ kind: 'list' })}>← ${msg('All tickets')}</button></p>`;
  }

  protected override render() {
    const { view } = this;
    return html`
      <section class="panel" aria-labelledby=${view.kind === 'list' ? 'heading' : nothing} @bp-ticket-created=${this.created}>
        <p class="alert info notice" role="status" tabindex="-1">${this.notice}</p>
        ${view.kind === 'list'
          ? this.renderList()
          : view.kind === 'new'
            ? html`${this.renderBack()}<bp-ticket-form account-number=${this.number} .draft=${this.draft ?? NO_DRAFT} theme=${this.theme}></bp-ticket-form>`
            : html`${this.renderBack()}<bp-ticket-thread account-number=${this.number} ticket-number=${view.number} ?staff=${this.staff} theme=${this.theme}></bp-ticket-thread>`}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-tickets': BpTickets;
  }
}
