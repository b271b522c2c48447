import { html, type TemplateResult } from 'lit';
import type { PortalContext } from '../context/portal-context.ts';
import '../account-summary/account-summary.ts';
import '../payment-history/payment-history.ts';
import '../invoice-list/invoice-list.ts';
import '../sub-accounts/sub-accounts.ts';
import '../reports/reports.ts';
import '../services/services.ts';

/** A screen of the portal. Sections appear in the navigation only once they exist and apply. */
export interface Section {
  id: string;
  /** The navigation label, as in the guide. */
  label: string;
  /** The heading of the screen. */
  title: string;
  appliesTo(portal: PortalContext): boolean;
  render(portal: PortalContext): TemplateResult;
}

/** In the guide's order. Tickets joins when it is built. */
export const SECTIONS: Section[] = [
  {
    id: 'account',
    label: 'My Account',
    title: 'My Account',
    appliesTo: () => true,
    render: () => html`<bp-account-summary></bp-account-summary><bp-payment-history></bp-payment-history>`,
  },
  {
    id: 'invoices',
    label: 'Invoices',
    title: 'Invoices',
    appliesTo: () => true,
    render: () => html`<bp-invoice-list></bp-invoice-list>`,
  },
  {
    id: 'reports',
    label: 'Reports',
    title: 'Reports',
    appliesTo: () => true,
    render: () => html`<bp-reports></bp-reports>`,
  },
  {
    id: 'services',
    label: 'Services',
    title: 'Services',
    appliesTo: () => true,
    render: () => html`<bp-services></bp-services>`,
  },
  // Every account has it, as in the guide: those that are not head offices read why it is empty.
  {
    id: 'sub-accounts',
    label: 'Sub Account',
    title: 'Sub Accounts',
    appliesTo: () => true,
    render: () => html`<bp-sub-accounts></bp-sub-accounts>`,
  },
];
