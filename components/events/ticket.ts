import type { TicketDetail } from '../api/types.ts';

// Fired by <bp-ticket-form> and <bp-ticket-thread>.

/** Fired when a ticket was created; `detail.ticket` is the new ticket. */
export class BpTicketCreatedEvent extends Event {
  static readonly eventName = 'bp-ticket-created';
  constructor(readonly detail: { ticket: TicketDetail }) {
    super(BpTicketCreatedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when a ticket was opened and read (its unread mark is gone). */
export class BpTicketOpenEvent extends Event {
  static readonly eventName = 'bp-ticket-open';
  constructor(readonly detail: { ticket: TicketDetail }) {
    super(BpTicketOpenEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when a ticket changed: a reply or note was sent, its status or assignee set. */
export class BpTicketUpdatedEvent extends Event {
  static readonly eventName = 'bp-ticket-updated';
  constructor(readonly detail: { ticket: TicketDetail }) {
    super(BpTicketUpdatedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'bp-ticket-created': BpTicketCreatedEvent;
    'bp-ticket-open': BpTicketOpenEvent;
    'bp-ticket-updated': BpTicketUpdatedEvent;
  }
}
