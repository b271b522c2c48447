import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { TicketDraft } from '../api/types.ts';
import type { PortalContext } from '../context/portal-context.ts';
import type { TicketCounts } from '../tickets/ticket-counts.ts';
import type { KitElementClass } from '../base/define.ts';

/** What the portal hands a section besides the context: a ticket to open (mail link), a new ticket's draft. */
export interface SectionState {
  ticket: number;
  draft: TicketDraft | undefined;
}

/** A screen of the portal. Sections appear in the navigation only once they exist and apply. */
export interface Section {
  id: string;
  /** The navigation label, as in the guide. */
  label: string;
  /** The heading of the screen. */
  title: string;
  appliesTo(portal: PortalContext): boolean;
  render(portal: PortalContext, state: SectionState): TemplateResult;
  /** Shown without an account chosen (the staff's queue). */
  global?: boolean;
  /** Opened from the header (the user's Change password), not listed in the navigation. */
  fromHeader?: boolean;
  /** A count beside the label, and what it counts (for screen readers). */
  badge?: { count: keyof TicketCounts; means(count: number): string };
  /**
   * The code of the elements it shows: a chunk of its own, loaded the first time the section is
   * shown (the portal registers them), so signing in does not download every screen.
   */
  load(): Promise<readonly KitElementClass[]>;
}

/** In the guide's order; staff also have the ticket queue. */
export const SECTIONS: Section[] = [
  {
    id: 'account',
    get label() {
      return msg('My Account');
    },
    get title() {
      return msg('My Account');
    },
    appliesTo: () => true,
    render: () => html`<bp-account-summary></bp-account-summary><bp-payment-history></bp-payment-history>`,
    load: () => Promise.all([import('../account-summary/account-summary.ts'), import('../payment-history/payment-history.ts')]).then(([a, b]) => [a.BpAccountSummary, b.BpPaymentHistory]),
  },
  {
    id: 'invoices',
    get label() {
      return msg('Invoices');
    },
    get title() {
      return msg('Invoices');
    },
    appliesTo: () => true,
    render: () => html`<bp-invoice-list></bp-invoice-list>`,
    load: () => import('../invoice-list/invoice-list.ts').then((m) => [m.BpInvoiceList]),
  },
  {
    id: 'reports',
    get label() {
      return msg('Reports');
    },
    get title() {
      return msg('Reports');
    },
    appliesTo: () => true,
    render: () => html`<bp-reports></bp-reports>`,
    load: () => import('../reports/reports.ts').then((m) => [m.BpReports]),
  },
  {
    id: 'services',
    get label() {
      return msg('Services');
    },
    get title() {
      return msg('Services');
    },
    appliesTo: () => true,
    render: () => html`<bp-services></bp-services>`,
    load: () => import('../services/services.ts').then((m) => [m.BpServices]),
  },
  // Every account has it, as in the guide: those that are not head offices read why it is empty.
  {
    id: 'sub-accounts',
    get label() {
      return msg('Sub Account');
    },
    get title() {
      return msg('Sub Accounts');
    },
    appliesTo: () => true,
    render: () => html`<bp-sub-accounts></bp-sub-accounts>`,
    load: () => import('../sub-accounts/sub-accounts.ts').then((m) => [m.BpSubAccounts]),
  },
  {
    id: 'tickets',
    get label() {
      return msg('Tickets');
    },
    get title() {
      return msg('Tickets');
    },
    appliesTo: () => true,
    render: (_portal, state) => html`<bp-tickets .ticket=${state.ticket} .draft=${state.draft}></bp-tickets>`,
    load: () => import('../tickets/tickets.ts').then((m) => [m.BpTickets]),
    badge: { count: 'unread', means: (count) => msg(str`${count} unread`) },
  },
  {
    id: 'queue',
    get label() {
      return msg('Ticket queue');
    },
    get title() {
      return msg('Ticket queue');
    },
    appliesTo: (portal) => portal.user?.role === 'staff',
    render: (_portal, state) => html`<bp-ticket-queue .ticket=${state.ticket}></bp-ticket-queue>`,
    load: () => import('../ticket-queue/ticket-queue.ts').then((m) => [m.BpTicketQueue]),
    global: true,
    badge: { count: 'waiting', means: (count) => msg(str`${count} waiting`) },
  },
  {
    id: 'password',
    get label() {
      return msg('Change password');
    },
    get title() {
      return msg('Your sign-in');
    },
    appliesTo: () => true,
    render: () => html`<div class="panel narrow"><bp-login change-password></bp-login></div>`,
    // <bp-login> is the sign-in screen's too: the portal has it already.
    load: () => Promise.resolve([]),
    global: true,
    fromHeader: true,
  },
];
