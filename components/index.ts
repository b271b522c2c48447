/** billing-portal-kit: registers every element and exports their classes and events. */
// bp-provider first: widgets a host page places inside it ask for the context when they are
// defined, and only a provider that is already defined can answer.
export { BpProvider } from './provider/provider.ts';
export { BpPortal } from './portal/portal.ts';
export { BpLogin } from './login/login.ts';
export { BpAccountInfo } from './account-info/account-info.ts';
export { BpAccountSummary } from './account-summary/account-summary.ts';
export { BpUsageMeter } from './usage-meter/usage-meter.ts';
export { BpPaymentHistory } from './payment-history/payment-history.ts';
export { BpPaymentForm } from './payment-form/payment-form.ts';
export { BpSubAccounts } from './sub-accounts/sub-accounts.ts';
export { BpAccountSearch } from './account-search/account-search.ts';
export { BpInvoiceList } from './invoice-list/invoice-list.ts';
export { BpTickets } from './tickets/tickets.ts';
export { BpTicketForm } from './tickets/ticket-form.ts';
export { BpTicketThread } from './tickets/ticket-thread.ts';
export { BpTicketQueue } from './ticket-queue/ticket-queue.ts';
export { BpReports } from './reports/reports.ts';
export { BpReport } from './reports/report.ts';
export { BpServices } from './services/services.ts';
export { BpLoginEvent, BpLogoutEvent, BpAccountChangeEvent, BpInvoiceOpenEvent, BpInvoiceDownloadEvent, BpPaymentSuccessEvent, BpPaymentCancelEvent, BpAutopayChangeEvent } from './events/events.ts';
export { BpTicketCreatedEvent, BpTicketOpenEvent, BpTicketUpdatedEvent, BpChargeQuestionEvent } from './events/events.ts';
export { ApiError, type ApiClient, type ApiClientOptions } from './api/client.ts';
export { createApiClient } from './api/create-client.ts';
export { portalContext, type PortalContext } from './context/portal-context.ts';
export { formatMoney, formatDate, formatAddress } from './i18n/format.ts';
