import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { TicketDraft } from '../api/types.ts';
import type { PortalContext } from '../context/portal-context.ts';
import type { TicketCounts } from '../tickets/ticket-counts.ts';
import { BpAccountSummary } from '../account-summary/account-summary.ts';
import { BpPaymentHistory } from '../payment-history/payment-history.ts';
import { BpInvoiceList } from '../invoice-list/invoice-list.ts';
import { BpSubAccounts } from '../sub-accounts/sub-accounts.ts';
import { BpReports } from '../reports/reports.ts';
import { BpServices } from '../services/services.ts';
import { BpTickets } from '../tickets/tickets.ts';
import { BpTicketQueue } from '../ticket-queue/ticket-queue.ts';
import { BpLogin } from '../login/login.ts';

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
}

/** The elements the sections show. */
export const SECTION_ELEMENTS = [BpAccountSummary, BpPaymentHistory, BpInvoiceList, BpSubAccounts, BpReports, BpServices, BpTickets, BpTicketQueue, BpLogin];

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
    global: true,
    fromHeader: true,
  },
];
