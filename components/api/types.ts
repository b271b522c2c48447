import type { InferResponseType } from 'hono/client';
import type { ApiClient } from './client.ts';

type V1 = ApiClient['api']['v1'];

/** Shapes of the API's replies, inferred from the server's routes (types only). */
export type Me = InferResponseType<V1['me']['$get'], 200>;
export type User = Me['user'];
export type AccountSummary = Me['accounts'][number];
export type AccountDetails = InferResponseType<V1['accounts'][':number']['$get'], 200>;
export type SignedIn = InferResponseType<V1['auth']['login']['$post'], 200>;
export type PortalSignedIn = InferResponseType<V1['auth']['portal-session']['$post'], 200>;
/** A reseller's brand (white label): its name, logo, support contact and colours. */
export type Brand = NonNullable<Me['brand']>;
export type InvoicePage = InferResponseType<V1['accounts'][':number']['invoices']['$get'], 200>;
export type InvoiceSummary = InvoicePage['invoices'][number];
export type InvoiceStatus = InvoiceSummary['status'];
export type InvoiceDetail = InferResponseType<V1['accounts'][':number']['invoices'][':id']['$get'], 200>;
export type InvoiceLine = InvoiceDetail['lines'][number];
export type AccountSummaryData = InferResponseType<V1['accounts'][':number']['summary']['$get'], 200>;
export type UsageMeterData = AccountSummaryData['usage'][number];
export type PaymentList = InferResponseType<V1['accounts'][':number']['payments']['$get'], 200>;
export type Payment = PaymentList['payments'][number];
export type AutopayMethod = InferResponseType<V1['accounts'][':number']['autopay']['$put'], 200>['autopay'] & {};
export type AutopayNotice = NonNullable<AccountSummaryData['autopayNotice']>;
export type TicketPage = InferResponseType<V1['accounts'][':number']['tickets']['$get'], 200>;
export type TicketListing = TicketPage['tickets'][number];
export type TicketStatus = TicketListing['status'];
export type TicketService = TicketListing['service'];
export type TicketDetail = InferResponseType<V1['accounts'][':number']['tickets'][':ticketNumber']['$get'], 200>;
export type TicketMessage = TicketDetail['messages'][number];
export type TicketAttachment = TicketMessage['attachments'][number];
export type TicketSubscriber = InferResponseType<V1['accounts'][':number']['ticket-subscribers']['$get'], 200>['subscribers'][number];
export type TicketLimits = InferResponseType<V1['ticket-limits']['$get'], 200>;
export type QueuePage = InferResponseType<V1['tickets']['$get'], 200>;
export type QueueListing = QueuePage['tickets'][number];
/** What a new ticket starts with: "Question about this charge" fills it from an invoice line. */
export interface TicketDraft {
  subject?: string;
  service?: TicketService;
  message?: string;
  /** The subscription it is about (an invoice line names its own). */
  subscriptionId?: number;
  invoiceId?: number;
  invoiceLine?: number;
  /** Shown above the form: what the ticket is about, e.g. the invoice line. */
  about?: string;
}
/** The JSON of a report (the route also answers CSV). */
export type ReportData = Extract<InferResponseType<V1['accounts'][':number']['reports'][':report']['$get'], 200>, { report: string }>;
export type ReportName = ReportData['report'];
export type ReportOf<N extends ReportName> = Extract<ReportData, { report: N }>;
export type ServicesData = InferResponseType<V1['accounts'][':number']['services']['$get'], 200>;
export type ServiceLocation = ServicesData['locations'][number];
export type SubAccountsData = InferResponseType<V1['accounts'][':number']['sub-accounts']['$get'], 200>;
export type SubAccountOverview = SubAccountsData['subAccounts'][number];
