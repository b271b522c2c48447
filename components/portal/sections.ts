import { html, type TemplateResult } from 'lit';
import type { PortalContext } from '../context/portal-context.ts';
import '../account-summary/account-summary.ts';
import '../payment-history/payment-history.ts';
import '../invoice-list/invoice-list.ts';
import '../sub-accounts/sub-accounts.ts';

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

const current = (portal: PortalContext) => portal.accounts.find((a) => a.number === portal.currentAccount);

/** In the guide's order. Reports, Services and Tickets join as they are built. */
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
    id: 'sub-accounts',
    label: 'Sub Account',
    title: 'Sub Accounts',
    appliesTo: (portal) => Boolean(current(portal)?.isHeadOffice),
    render: () => html`<bp-sub-accounts></bp-sub-accounts>`,
  },
];
