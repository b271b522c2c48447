/**
 * Every element of the kit registered at once, with their classes: for the kit's tests and
 * stories, which render any element straight away. Pages use the package's entries instead
 * (components/index.ts registers each element when the page first uses it).
 */
import { defineElement } from './base/define.ts';
import { BpProvider } from './provider/provider.ts';
import { BpPortal } from './portal/portal.ts';
import { BpLogin } from './login/login.ts';
import { BpAccountInfo } from './account-info/account-info.ts';
import { BpAccountSummary } from './account-summary/account-summary.ts';
import { BpUsageMeter } from './usage-meter/usage-meter.ts';
import { BpPaymentHistory } from './payment-history/payment-history.ts';
import { BpPaymentForm } from './payment-form/payment-form.ts';
import { BpSubAccounts } from './sub-accounts/sub-accounts.ts';
import { BpAccountSearch } from './account-search/account-search.ts';
import { BpInvoiceList } from './invoice-list/invoice-list.ts';
import { BpTickets } from './tickets/tickets.ts';
import { BpTicketForm } from './tickets/ticket-form.ts';
import { BpTicketThread } from './tickets/ticket-thread.ts';
import { BpTicketQueue } from './ticket-queue/ticket-queue.ts';
import { BpReports } from './reports/reports.ts';
import { BpReport } from './reports/report.ts';
import { BpServices } from './services/services.ts';

export { BpProvider, BpPortal, BpLogin, BpAccountInfo, BpAccountSummary, BpUsageMeter, BpPaymentHistory, BpPaymentForm, BpSubAccounts, BpAccountSearch, BpInvoiceList, BpTickets, BpTicketForm, BpTicketThread, BpTicketQueue, BpReports, BpReport, BpServices };
// bp-provider first: widgets a host page places inside it ask for the context when they are
// defined, and only a provider that is already defined can answer.
for (const element of [BpProvider, BpPortal, BpLogin, BpAccountInfo, BpAccountSummary, BpUsageMeter, BpPaymentHistory, BpPaymentForm, BpSubAccounts, BpAccountSearch, BpInvoiceList, BpTickets, BpTicketForm, BpTicketThread, BpTicketQueue, BpReports, BpReport, BpServices]) defineElement(element);
