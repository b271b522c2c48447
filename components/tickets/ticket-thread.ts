import { msg, str } from '@lit/localize';
import { css, html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { ApiError } from '../api/client.ts';
import { downloadInvoicePdf } from '../api/downloads.ts';
import type { TicketAttachment, TicketDetail, TicketLimits, TicketMessage, TicketStatus } from '../api/types.ts';
import { StoreDataElement } from '../base/store-data-element.ts';
import type { StoreReader } from '../data/account-store.ts';
import { BpTicketOpenEvent, BpTicketUpdatedEvent } from '../events/ticket.ts';
import { formatDate, formatDateTime, formatMoney } from '../i18n/format.ts';
import { token } from '../styles/tokens.ts';
import { ChosenFiles } from './chosen-files.ts';
import { formatBytes, serviceLabel, statusLabel, STATUSES } from './labels.ts';
import { assignTicket, downloadAttachment, readTicket, replyToTicket, setTicketStatus, ticketLimits, type TicketRef, type TicketSession } from './ticket-api.ts';
import { ticketStyles } from './tickets.styles.ts';

/**
 * @summary A ticket as a conversation: every message with its author, time and files, a reply
 * box with attachments, and Close / Reopen. With `staff`: internal notes (shown, and written with
 * the reply box), the status and assigning the ticket to oneself. Every text of a ticket is
 * shown as text, never as markup. The ticket is read through the portal's store, and every
 * change to it goes through the store, so the lists, the queue and the navigation's counts show
 * it at once.
 *
 * @fires bp-ticket-open - The ticket was loaded, and so marked read; `detail.ticket`.
 * @fires bp-ticket-updated - A reply or note was sent, or the status or assignee set; `detail.ticket`.
 *
 * @csspart header - The subject, status and what the ticket is about.
 * @csspart messages - The list of messages.
 * @csspart reply - The reply box.
 * @csspart files - The file picker of the reply box.
 * @csspart error - The error message, when loading failed.
 *
 * @cssproperty --bp-ticket-thread-staff-bg - Background of the provider's messages (default: color-surface).
 * @cssproperty --bp-ticket-thread-note-bg - Background of internal notes (default: color-warning-surface).
 */
export class BpTicketThread extends StoreDataElement<TicketDetail> {
  static readonly tag = 'bp-ticket-thread';
  static override properties: PropertyDeclarations = {
    accountNumber: { attribute: 'account-number' },
    ticketNumber: { type: Number, attribute: 'ticket-number' },
    staff: { type: Boolean },
    limits: { state: true },
    message: { state: true },
    internal: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  static override styles = [
    ...StoreDataElement.styles,
    ticketStyles,
    css`
      :host {
        /* Inside a list's panel it blends in; on its own it still has the theme's surface. */
        background: ${token('color-surface-raised')};
      }
      header.ticket h2 {
        margin-bottom: ${token('space-2')};
        overflow-wrap: anywhere;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-1')} ${token('space-3')};
        margin: 0 0 ${token('space-3')};
        color: ${token('color-text-muted')};
      }
      .about {
        margin: 0 0 ${token('space-3')};
      }
      .about .link-button {
        text-align: left;
      }
      .about p {
        margin: 0 0 ${token('space-2')};
        overflow-wrap: anywhere;
      }
      ol.messages {
        display: grid;
        gap: ${token('space-4')};
        margin: ${token('space-4')} 0;
        padding: 0;
        list-style: none;
      }
      li.message {
        padding: ${token('space-3')} ${token('space-4')};
        border: 1px solid ${token('color-border')};
        border-radius: ${token('radius-md')};
        background: ${token('color-surface-raised')};
      }
      li.message.staff {
        background: var(--bp-ticket-thread-staff-bg, ${token('color-surface')});
        border-left: 4px solid ${token('color-primary')};
      }
      li.message.note {
        background: var(--bp-ticket-thread-note-bg, ${token('color-warning-surface')});
        border: 1px dashed ${token('color-warning')};
      }
      .author {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: ${token('space-1')} ${token('space-2')};
        margin: 0 0 ${token('space-2')};
      }
      .author .tag {
        font-size: ${token('font-size-sm')};
        color: ${token('color-text-muted')};
      }
      .author time {
        margin-left: auto;
        font-size: ${token('font-size-sm')};
        color: ${token('color-text-muted')};
      }
      .body {
        margin: 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      ul.attachments {
        margin: ${token('space-2')} 0 0;
        padding-left: ${token('space-4')};
      }
      ul.attachments li {
        overflow-wrap: anywhere;
      }
      form.reply {
        display: grid;
        gap: ${token('space-3')};
        padding-top: ${token('space-4')};
        border-top: 1px solid ${token('color-border')};
      }
      .check {
        display: flex;
        align-items: center;
        gap: ${token('space-2')};
      }
      .staff-tools {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: ${token('space-3')};
      }
    `,
  ];

  /** The account the ticket belongs to (its routes); default: the portal's current account; staff can do without. */
  accountNumber = '';
  /** The ticket to show, by its number (#282); 0: none. */
  ticketNumber = 0;
  /** The provider's view: internal notes, status and assignment, through the staff routes. */
  staff = false;

  private limits: TicketLimits | undefined;
  private message = '';
  private internal = false;
  private busy: 'reply' | 'status' | 'assign' | null = null;
  private error: ApiError | Error | null = null;
  private readonly files = new ChosenFiles(this, () => this.limits, 'reply-files');
  /** The ticket `bp-ticket-open` was last fired for: once per opening, not on each read again. */
  private announced = '';

  /** The ticket to read: by its number for staff, on the account for its users. */
  private get reading(): TicketRef | null {
    const accountNumber = this.accountNumber || this.portal?.currentAccount || '';
    if (!this.ticketNumber || (!this.staff && !accountNumber)) return null;
    return { accountNumber, ticketNumber: this.ticketNumber, staff: this.staff };
  }

  protected override get source(): string {
    const ref = this.reading;
    return ref ? `${ref.staff ? 'staff' : ref.accountNumber}|${ref.ticketNumber}` : '';
  }

  protected override readData(store: StoreReader, signal: AbortSignal): Promise<TicketDetail> | undefined {
    const ref = this.reading;
    if (!ref) return undefined;
    const source = this.source;
    return readTicket(store, ref, signal).then((ticket) => {
      if (this.announced !== source) {
        this.announced = source;
        this.dispatchEvent(new BpTicketOpenEvent({ ticket }));
      }
      return ticket;
    });
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    const client = this.portal?.client;
    if (client && !this.limits) void ticketLimits(client).then((limits) => (this.limits = limits), () => undefined);
    if (changed.has('ticketNumber') || changed.has('data')) {
      this.message = '';
      this.error = null;
      this.files.clear();
    }
  }

  /** The ticket shown, where its writes go: its own account (staff may have opened it by number). */
  private get ref(): TicketRef {
    const ticket = this.value;
    return { accountNumber: ticket?.accountNumber ?? this.accountNumber, ticketNumber: ticket?.number ?? this.ticketNumber, staff: this.staff };
  }

  /** Runs a write through the store; `done` tidies up before the change is announced; an error is shown above the reply box. */
  private async write(what: NonNullable<typeof this.busy>, request: (session: TicketSession, ref: TicketRef) => Promise<TicketDetail>, done = () => {}) {
    const session = this.portal;
    if (!session || this.busy) return;
    this.busy = what;
    this.error = null;
    try {
      const ticket = await request(session, this.ref);
      done();
      this.dispatchEvent(new BpTicketUpdatedEvent({ ticket }));
    } catch (err) {
      this.error = err as Error;
    } finally {
      this.busy = null;
    }
  }

  private async sendReply(e: Event) {
    e.preventDefault();
    if (!this.message.trim()) {
      this.error = new ApiError(400, 'VALIDATION', msg('Write a message.'), [{ path: 'message', message: msg('Write a message.') }]);
      this.renderRoot.querySelector<HTMLTextAreaElement>('#reply')?.focus();
      return;
    }
    const reply = { message: this.message, files: this.files.files, internal: this.internal };
    await this.write(
      'reply',
      (session, ref) => replyToTicket(session, ref, reply),
      () => {
        this.message = '';
        this.internal = false;
        this.files.clear();
      },
    );
  }

  private setStatus(status: TicketStatus) {
    return this.write('status', (session, ref) => setTicketStatus(session, ref, status));
  }

  private assign(assignee: 'me' | null) {
    return this.write('assign', (session, ref) => assignTicket(session, ref, assignee));
  }

  private async download(file: TicketAttachment) {
    const client = this.portal?.client;
    if (!client) return;
    this.error = null;
    try {
      await downloadAttachment(client, this.ref, file, this.renderRoot);
    } catch (err) {
      this.error = new Error(`${msg(str`${file.fileName} could not be downloaded.`)} ${(err as Error).message}`);
    }
  }

  private async downloadInvoice(ticket: TicketDetail) {
    const client = this.portal?.client;
    if (!client || !ticket.invoice) return;
    this.error = null;
    try {
      await downloadInvoicePdf(client, ticket.accountNumber, ticket.invoice, this.renderRoot);
    } catch (err) {
      this.error = new Error(`${msg(str`Invoice ${ticket.invoice.number} could not be downloaded.`)} ${(err as Error).message}`);
    }
  }

  /** The problems of a field in the last error. */
  private issues(path: (p: string) => boolean) {
    return this.error instanceof ApiError ? this.error.issues.filter((i) => path(i.path)).map((i) => i.message) : [];
  }

  private renderHeader(ticket: TicketDetail) {
    const sub = ticket.subscription;
    return html`
      <header class="ticket" part="header">
        <h2 id="subject">${ticket.subject}</h2>
        <p class="meta">
          <span>${msg(str`Ticket #${ticket.number}`)}</span>
          <span class="status ${ticket.status}">${statusLabel(ticket.status)}</span>
          <span>${serviceLabel(ticket.service)}</span>
          ${sub ? html`<span>${msg(str`Subscriber ${[sub.subscriberNumber, sub.subscriberName].filter(Boolean).join(' ') || sub.product}`)}</span>` : nothing}
          <span>${msg(str`Created on ${formatDate(ticket.createdAt)}`)}</span>
          ${this.staff ? html`<span>${ticket.accountNumber} — ${ticket.accountName}</span>` : nothing}
          ${ticket.assignee ? html`<span>${msg(str`Assigned to ${ticket.assignee.name}`)}</span>` : nothing}
        </p>
        ${ticket.invoice
          ? html`<div class="about alert info">
              <p>
                ${ticket.invoice.line
                  ? msg(str`About invoice ${ticket.invoice.number}, the charge “${ticket.invoice.line.description}” of ${formatMoney(ticket.invoice.line.amount, ticket.invoice.currency)}.`)
                  : msg(str`About invoice ${ticket.invoice.number}.`)}
              </p>
              <button class="link-button" type="button" @click=${() => void this.downloadInvoice(ticket)}>${msg(str`Download invoice ${ticket.invoice.number} (PDF)`)}</button>
            </div>`
          : nothing}
        ${this.staff ? this.renderStaffTools(ticket) : this.renderCustomerActions(ticket)}
      </header>
    `;
  }

  private renderCustomerActions(ticket: TicketDetail) {
    const reopen = ticket.status === 'closed' || ticket.status === 'resolved';
    return html`
      <div class="actions">
        ${reopen ? html`<button class="button secondary" type="button" ?disabled=${this.busy !== null} @click=${() => void this.setStatus('open')}>${msg('Reopen ticket')}</button>` : nothing}
        ${ticket.status !== 'closed'
          ? html`<button class="button secondary" type="button" ?disabled=${this.busy !== null} @click=${() => void this.setStatus('closed')}>${msg('Close ticket')}</button>`
          : nothing}
      </div>
    `;
  }

  private renderStaffTools(ticket: TicketDetail) {
    const mine = ticket.assignee?.id === this.portal?.user?.id;
    return html`
      <div class="staff-tools">
        <div class="field">
          <label for="status">${msg('Status')}</label>
          <select id="status" .value=${ticket.status} ?disabled=${this.busy !== null} @change=${(e: Event) => void this.setStatus((e.target as HTMLSelectElement).value as TicketStatus)}>
            ${STATUSES.map((s) => html`<option value=${s} ?selected=${s === ticket.status}>${statusLabel(s)}</option>`)}
          </select>
        </div>
        <button class="button secondary" type="button" ?disabled=${this.busy !== null} @click=${() => void this.assign(mine ? null : 'me')}>
          ${mine ? msg('Unassign me') : msg('Assign to me')}
        </button>
      </div>
    `;
  }

  private renderMessage(m: TicketMessage) {
    const kind = m.internal ? 'note' : m.author.side;
    const tag = m.internal ? msg('Internal note: the customer does not see this') : m.author.side === 'staff' ? msg('Support') : this.staff ? msg('Customer') : '';
    return html`
      <li class="message ${kind}">
        <p class="author">
          <strong>${m.author.name}</strong>
          ${tag ? html`<span class="tag">${tag}</span>` : nothing}
          <time datetime=${m.createdAt}>${formatDateTime(m.createdAt)}</time>
        </p>
        <p class="body">${m.body}</p>
        ${m.attachments.length
          ? html`<ul class="attachments" aria-label=${msg('Attached files')}>
              ${m.attachments.map(
                (a) => html`<li>
                  <button class="link-button" type="button" aria-label=${msg(str`Download ${a.fileName}`)} @click=${() => void this.download(a)}>${a.fileName}</button>
                  <span class="muted">(${formatBytes(a.size)})</span>
                </li>`,
              )}
            </ul>`
          : nothing}
      </li>
    `;
  }

  private renderReply(ticket: TicketDetail) {
    const closed = ticket.status === 'closed';
    const messageIssues = this.issues((p) => p === 'message');
    const fileIssues = this.issues((p) => p.startsWith('files'));
    const otherError = this.error && !messageIssues.length && !fileIssues.length ? this.error.message : '';
    if (closed && !this.staff) {
      return html`<p class="muted" part="reply">${msg('This ticket is closed. Reopen it to write again.')}</p>${otherError ? html`<p class="alert" role="alert">${otherError}</p>` : nothing}`;
    }
    const label = this.staff ? (this.internal ? msg('Internal note') : msg('Reply to the customer')) : msg('Your reply');
    return html`
      <form class="reply" part="reply" novalidate @submit=${(e: Event) => void this.sendReply(e)}>
        ${otherError ? html`<p class="alert" role="alert">${otherError}</p>` : nothing}
        <div class="field">
          <label for="reply">${label}</label>
          <textarea
            id="reply"
            rows="5"
            maxlength=${this.limits?.maxMessageChars ?? nothing}
            aria-invalid=${messageIssues.length ? 'true' : 'false'}
            aria-describedby=${messageIssues.length ? 'reply-error' : nothing}
            .value=${this.message}
            @input=${(e: Event) => (this.message = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          ${messageIssues.length ? html`<p class="field-error" id="reply-error">${messageIssues.join(' ')}</p>` : nothing}
        </div>
        ${this.files.render(fileIssues)}
        ${this.staff
          ? html`<label class="check"><input type="checkbox" .checked=${this.internal} @change=${(e: Event) => (this.internal = (e.target as HTMLInputElement).checked)} />
              ${msg('Internal note (the customer never sees it)')}</label>`
          : nothing}
        ${closed ? html`<p class="muted">${msg('The ticket is closed: set another status to reply; notes can be added.')}</p>` : nothing}
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.busy !== null || (closed && !this.internal)}>
            ${this.busy === 'reply' ? msg('Sending…') : this.internal ? msg('Add note') : msg('Send reply')}
          </button>
        </div>
      </form>
    `;
  }

  protected override render() {
    return this.renderData({
      loading: msg(str`Loading ticket #${this.ticketNumber}…`),
      complete: (ticket) => html`
        <article aria-labelledby="subject">
          ${this.renderHeader(ticket)}
          <ol class="messages" part="messages" aria-label=${msg('Messages')}>
            ${ticket.messages.map((m) => this.renderMessage(m))}
          </ol>
          ${this.renderReply(ticket)}
        </article>
      `,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-ticket-thread': BpTicketThread;
  }
}
