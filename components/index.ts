/** billing-portal-kit: registers every element and exports their classes and events. */
export { BpPortal } from './portal/portal.ts';
export { BpProvider } from './provider/provider.ts';
export { BpLogin } from './login/login.ts';
export { BpAccountInfo } from './account-info/account-info.ts';
export { BpAccountSummary } from './account-summary/account-summary.ts';
export { BpUsageMeter } from './usage-meter/usage-meter.ts';
export { BpPaymentHistory } from './payment-history/payment-history.ts';
export { BpPaymentForm } from './payment-form/payment-form.ts';
export { BpSubAccounts } from './sub-accounts/sub-accounts.ts';
export { BpAccountSearch } from './account-search/account-search.ts';
export { BpInvoiceList } from './invoice-list/invoice-list.ts';
export { BpReports } from './reports/reports.ts';
export { BpReport } from './reports/report.ts';
export { BpServices } from './services/services.ts';
export { BpLoginEvent, BpLogoutEvent, BpAccountChangeEvent, BpInvoiceOpenEvent, BpInvoiceDownloadEvent, BpPaymentSuccessEvent, BpPaymentCancelEvent, BpAutopayChangeEvent } from './events/events.ts';
export { createApiClient, ApiError, type ApiClient, type ApiClientOptions } from './api/client.ts';
export { portalContext, type PortalContext } from './context/portal-context.ts';
export { formatMoney, formatDate, formatAddress } from './i18n/format.ts';
