import { Task, TaskStatus } from '@lit/task';
import { msg } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { ApiError } from '../api/client.ts';
import type { TicketDraft, TicketLimits, TicketService, TicketSubscriber } from '../api/types.ts';
import { loadingView, stateStyles } from '../base/task-states.ts';
import { consumePortal, type PortalContext } from '../context/portal-context.ts';
import { ticketSubscribers } from '../data/ticket-resources.ts';
import { StoreListener } from '../data/store-listener.ts';
import { BpTicketCreatedEvent } from '../events/ticket.ts';
import { controlStyles } from '../styles/controls.ts';
import { hostStyles, token } from '../styles/tokens.ts';
import { widgetStyles } from '../styles/widget.ts';
import { ChosenFiles } from './chosen-files.ts';
import { serviceLabel, SERVICES } from './labels.ts';
import { createTicket, ticketLimits } from './ticket-api.ts';
import { ticketStyles } from './tickets.styles.ts';
import { LocaleController } from '../i18n/localize.ts';

type Field = 'subject' | 'service' | 'subscriptionId' | 'message';

const subscriberLabel = (s: TicketSubscriber) => [s.subscriberNumber, s.subscriberName, s.subscriberNumber || s.subscriberName ? `(${s.product})` : s.product].filter(Boolean).join(' ');

/**
 * @summary A new ticket: subject, service, optionally the subscriber it is about (one of the
 * account's subscriptions), a message and files. A draft prefills it ("Question about this
 * charge" names the invoice and its line). The ticket gets the next number and status Open, and
 * is created through the portal's store: the ticket list shows it without a reload.
 *
 * @fires bp-ticket-created - The ticket was created; `detail.ticket`.
 *
 * @csspart form - The form.
 * @csspart files - The file picker.
 */
export class BpTicketForm extends LitElement {
  static readonly tag = 'bp-ticket-form';
  static override properties: PropertyDeclarations = {
    accountNumber: { attribute: 'account-number' },
    draft: { attribute: false },
    subscribers: { attribute: false },
    theme: { reflect: true },
    portal: { state: true },
    subject: { state: true },
    service: { state: true },
    subscriptionId: { state: true },
    message: { state: true },
    limits: { state: true },
    sending: { state: true },
    error: { state: true },
  };

  static override styles = [
    hostStyles,
    controlStyles,
    stateStyles,
    widgetStyles,
    ticketStyles,
    css`
      :host {
        background: ${token('color-surface-raised')};
      }
      form {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: ${token('space-4')};
        max-width: 44rem;
      }
      .about {
        margin: 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** The account the ticket is for; default: the portal's current account. */
  accountNumber = '';
  /** What the form starts with. */
  draft: TicketDraft = {};
  /** The account's subscriptions to choose from, skipping the load. */
  subscribers: TicketSubscriber[] | undefined = undefined;
  /** `light` (default), `dark`, or `auto` to follow the system setting. */
  theme: 'light' | 'dark' | 'auto' = 'light';

  private portal?: PortalContext;
  private readonly portalConsumer = consumePortal(this, (portal) => (this.portal = portal));

  private subject = '';
  private service: TicketService = 'billing';
  private subscriptionId = '';
  private message = '';
  private limits: TicketLimits | undefined;
  private sending = false;
  private error: ApiError | Error | null = null;
  private readonly files = new ChosenFiles(this, () => this.limits, 'new-ticket-files');
  private readonly i18n = new LocaleController(this);

  private get number() {
    return this.accountNumber || this.portal?.currentAccount || '';
  }

  private options = new Task(this, {
    task: async ([store, number, given], { signal }) => {
      if (given || !store || !number) return given;
      return store.read(ticketSubscribers, number, undefined, signal);
    },
    args: () => [this.portal?.store, this.number, this.subscribers] as const,
  });

  constructor() {
    super();
    // A refresh of the portal reads the subscribers again.
    new StoreListener(this, () => this.portal?.store, (change) => {
      if (!this.subscribers && change.affects({ resource: ticketSubscribers as never, number: this.number })) void this.options.run();
    });
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    const client = this.portal?.client;
    if (client && !this.limits) void ticketLimits(client).then((limits) => (this.limits = limits), () => undefined);
    if (changed.has('draft')) {
      this.subject = this.draft.subject ?? '';
      this.service = this.draft.service ?? 'billing';
      this.message = this.draft.message ?? '';
      this.subscriptionId = this.draft.subscriptionId !== undefined ? String(this.draft.subscriptionId) : '';
      this.error = null;
      this.files.clear();
    }
  }

  /** What is wrong with a field: the checks made here, or what the server said. */
  private problems(field: Field): string[] {
    if (!(this.error instanceof ApiError)) return [];
    return this.error.issues.filter((i) => i.path === field).map((i) => i.message);
  }

  private check(): ApiError | null {
    const issues = [
      ...(this.subject.trim() ? [] : [{ path: 'subject', message: msg('Give the ticket a subject.') }]),
      ...(this.message.trim() ? [] : [{ path: 'message', message: msg('Write a message.') }]),
    ];
    return issues.length ? new ApiError(400, 'VALIDATION', msg('Some of the form is missing.'), issues) : null;
  }

  private async submit(e: Event) {
    e.preventDefault();
    const session = this.portal;
    if (!session || this.sending) return;
    this.error = this.check();
    if (this.error) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.sending = true;
    try {
      const { invoiceId, invoiceLine } = this.draft;
      const form = {
        subject: this.subject,
        service: this.service,
        message: this.message,
        files: this.files.files,
        ...(this.subscriptionId ? { subscriptionId: this.subscriptionId } : {}),
        ...(invoiceId !== undefined ? { invoiceId: String(invoiceId), ...(invoiceLine !== undefined ? { invoiceLine: String(invoiceLine) } : {}) } : {}),
      };
      const ticket = await createTicket(session, this.number, form);
      this.files.clear();
      this.dispatchEvent(new BpTicketCreatedEvent({ ticket }));
    } catch (err) {
      this.error = err as Error;
    } finally {
      this.sending = false;
    }
  }

  private renderField(field: Field, label: string, control: (invalid: boolean, describedBy: string | typeof nothing) => unknown, hint = '') {
    const problems = this.problems(field);
    const ids = [hint ? `${field}-hint` : '', problems.length ? `${field}-error` : ''].filter(Boolean).join(' ');
    return html`
      <div class="field">
        <label for=${field}>${label}</label>
        ${control(problems.length > 0, ids || nothing)}
        ${hint ? html`<p class="hint" id="${field}-hint">${hint}</p>` : nothing}
        ${problems.length ? html`<p class="field-error" id="${field}-error">${problems.join(' ')}</p>` : nothing}
      </div>
    `;
  }

  private renderSubscribers() {
    const list = this.options.value ?? this.subscribers;
    return this.renderField(
      'subscriptionId',
      msg('Subscriber (optional)'),
      (invalid, describedBy) => html`
        <select id="subscriptionId" aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} .value=${this.subscriptionId} @change=${(e: Event) => (this.subscriptionId = (e.target as HTMLSelectElement).value)}>
          <option value="">${msg('Not about one line or service')}</option>
          ${(list ?? []).map((s) => html`<option value=${String(s.subscriptionId)} ?selected=${String(s.subscriptionId) === this.subscriptionId}>${subscriberLabel(s)}</option>`)}
        </select>
      `,
      this.options.status === TaskStatus.PENDING ? msg('Loading the account’s subscriptions…') : this.options.status === TaskStatus.ERROR ? msg('The subscriptions could not be loaded; the ticket can be sent without one.') : '',
    );
  }

  protected override render() {
    if (!this.portal && !this.subscribers) return loadingView(msg('Loading…'));
    const fieldProblems = this.error instanceof ApiError ? this.error.issues.filter((i) => ['subject', 'service', 'subscriptionId', 'message'].includes(i.path) || i.path.startsWith('files')) : [];
    const general = this.error && !fieldProblems.length ? this.error.message : '';
    return html`
      <form part="form" novalidate aria-labelledby="new-ticket" @submit=${(e: Event) => void this.submit(e)}>
        <h2 id="new-ticket">${msg('New ticket')}</h2>
        ${this.draft.about ? html`<p class="about alert info">${this.draft.about}</p>` : nothing}
        ${general ? html`<p class="alert" role="alert">${general}</p>` : nothing}
        ${this.renderField(
          'subject',
          msg('Subject'),
          (invalid, describedBy) => html`<input id="subject" type="text" autocomplete="off" maxlength=${this.limits?.maxSubjectChars ?? nothing} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy}
            .value=${this.subject} @input=${(e: Event) => (this.subject = (e.target as HTMLInputElement).value)} />`,
        )}
        ${this.renderField(
          'service',
          msg('Service'),
          (invalid, describedBy) => html`
            <select id="service" aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy} .value=${this.service} @change=${(e: Event) => (this.service = (e.target as HTMLSelectElement).value as TicketService)}>
              ${SERVICES.map((s) => html`<option value=${s} ?selected=${s === this.service}>${serviceLabel(s)}</option>`)}
            </select>
          `,
        )}
        ${this.renderSubscribers()}
        ${this.renderField(
          'message',
          msg('Message'),
          (invalid, describedBy) => html`<textarea id="message" rows="8" maxlength=${this.limits?.maxMessageChars ?? nothing} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy}
            .value=${this.message} @input=${(e: Event) => (this.message = (e.target as HTMLTextAreaElement).value)}></textarea>`,
        )}
        ${this.files.render(this.error instanceof ApiError ? this.error.issues.filter((i) => i.path.startsWith('files')).map((i) => i.message) : [])}
        ${fieldProblems.length ? html`<p class="alert" role="alert">${msg('Please correct the marked fields.')}</p>` : nothing}
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.sending}>${this.sending ? msg('Creating…') : msg('Create ticket')}</button>
        </div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-ticket-form': BpTicketForm;
  }
}
