/**
 * billing-portal-kit, the whole kit: every element, each registered the first time the page uses
 * it. An element's code (and that of the elements it shows) loads when its tag first appears in
 * the page, as a chart's code loads when a chart is drawn, so a page pays for the widgets it
 * shows, not for all of them. Also the kit's events, API client, context and formats.
 *
 * The kit looks for its tags in the document, and in the shadow roots of its own elements (each
 * registers what it shows). A page that puts them in shadow roots of its own passes those roots
 * to `registerElementsIn`. The classes are on each element's own entry
 * (`billing-portal-kit/account-summary` exports `BpAccountSummary` and registers it at once).
 */
import { defineElement, type KitElementClass } from './base/define.ts';

export type { BpProvider } from './provider/provider.ts';
export type { BpPortal } from './portal/portal.ts';
export type { BpLogin } from './login/login.ts';
export type { BpAccountInfo } from './account-info/account-info.ts';
export type { BpAccountSummary } from './account-summary/account-summary.ts';
export type { BpUsageMeter } from './usage-meter/usage-meter.ts';
export type { BpPaymentHistory } from './payment-history/payment-history.ts';
export type { BpPaymentForm } from './payment-form/payment-form.ts';
export type { BpSubAccounts } from './sub-accounts/sub-accounts.ts';
export type { BpAccountSearch } from './account-search/account-search.ts';
export type { BpInvoiceList } from './invoice-list/invoice-list.ts';
export type { BpTickets } from './tickets/tickets.ts';
export type { BpTicketForm } from './tickets/ticket-form.ts';
export type { BpTicketThread } from './tickets/ticket-thread.ts';
export type { BpTicketQueue } from './ticket-queue/ticket-queue.ts';
export type { BpReports } from './reports/reports.ts';
export type { BpReport } from './reports/report.ts';
export type { BpServices } from './services/services.ts';
export { BpLoginEvent, BpLogoutEvent, BpAccountChangeEvent, BpInvoiceOpenEvent, BpInvoiceDownloadEvent, BpPaymentSuccessEvent, BpPaymentCancelEvent, BpAutopayChangeEvent } from './events/events.ts';
export { BpTicketCreatedEvent, BpTicketOpenEvent, BpTicketUpdatedEvent, BpChargeQuestionEvent } from './events/events.ts';
export { ApiError, type ApiClient, type ApiClientOptions } from './api/client.ts';
export { createApiClient } from './api/create-client.ts';
export { portalContext, type PortalContext } from './context/portal-context.ts';
export { formatMoney, formatDate, formatAddress } from './i18n/format.ts';

/** Each element's code, by tag. */
const ELEMENT_CODE: Record<string, () => Promise<KitElementClass>> = {
  'bp-provider': () => import('./provider/provider.ts').then(({ BpProvider }) => BpProvider),
  'bp-portal': () => import('./portal/portal.ts').then(({ BpPortal }) => BpPortal),
  'bp-login': () => import('./login/login.ts').then(({ BpLogin }) => BpLogin),
  'bp-account-info': () => import('./account-info/account-info.ts').then(({ BpAccountInfo }) => BpAccountInfo),
  'bp-account-summary': () => import('./account-summary/account-summary.ts').then(({ BpAccountSummary }) => BpAccountSummary),
  'bp-usage-meter': () => import('./usage-meter/usage-meter.ts').then(({ BpUsageMeter }) => BpUsageMeter),
  'bp-payment-history': () => import('./payment-history/payment-history.ts').then(({ BpPaymentHistory }) => BpPaymentHistory),
  'bp-payment-form': () => import('./payment-form/payment-form.ts').then(({ BpPaymentForm }) => BpPaymentForm),
  'bp-sub-accounts': () => import('./sub-accounts/sub-accounts.ts').then(({ BpSubAccounts }) => BpSubAccounts),
  'bp-account-search': () => import('./account-search/account-search.ts').then(({ BpAccountSearch }) => BpAccountSearch),
  'bp-invoice-list': () => import('./invoice-list/invoice-list.ts').then(({ BpInvoiceList }) => BpInvoiceList),
  'bp-tickets': () => import('./tickets/tickets.ts').then(({ BpTickets }) => BpTickets),
  'bp-ticket-form': () => import('./tickets/ticket-form.ts').then(({ BpTicketForm }) => BpTicketForm),
  'bp-ticket-thread': () => import('./tickets/ticket-thread.ts').then(({ BpTicketThread }) => BpTicketThread),
  'bp-ticket-queue': () => import('./ticket-queue/ticket-queue.ts').then(({ BpTicketQueue }) => BpTicketQueue),
  'bp-reports': () => import('./reports/reports.ts').then(({ BpReports }) => BpReports),
  'bp-report': () => import('./reports/report.ts').then(({ BpReport }) => BpReport),
  'bp-services': () => import('./services/services.ts').then(({ BpServices }) => BpServices),
};

/** The tags the whole kit registers. */
export const KIT_TAGS: readonly string[] = Object.keys(ELEMENT_CODE);

/**
 * Widgets placed inside a provider ask it for the portal when they are registered, and only a
 * provider already registered can answer: a widget waits for the providers being loaded.
 */
const PROVIDERS = new Set(['bp-provider', 'bp-portal']);
let providersRegistered: Promise<unknown> = Promise.resolve();

/** Each tag's registration under way or done; a failed one is forgotten, so the tag's next use tries again. */
const registering = new Map<string, Promise<void>>();

function register(tag: string): Promise<void> {
  let registered = registering.get(tag);
  if (registered) return registered;
  const code = ELEMENT_CODE[tag]!();
  registered = (PROVIDERS.has(tag) ? code.then(defineElement) : Promise.all([code, providersRegistered]).then(([element]) => defineElement(element))).catch((error: unknown) => {
    registering.delete(tag);
    console.error(`billing-portal-kit: the code of <${tag}> could not be loaded.`, error);
  });
  if (PROVIDERS.has(tag)) providersRegistered = Promise.all([providersRegistered, registered]);
  registering.set(tag, registered);
  return registered;
}

const SELECTOR = KIT_TAGS.join(',');

/** Registers the kit's tags found in these nodes (and under them), providers first. */
function registerFound(nodes: Iterable<Node>): Promise<unknown> {
  const found = new Set<string>();
  for (const node of nodes) {
    if (!(node instanceof Element || node instanceof Document || node instanceof ShadowRoot)) continue;
    if (node instanceof Element && node.localName in ELEMENT_CODE) found.add(node.localName);
    for (const element of node.querySelectorAll(SELECTOR)) found.add(element.localName);
  }
  const tags = [...found].filter((tag) => !customElements.get(tag)).sort((a, b) => Number(PROVIDERS.has(b)) - Number(PROVIDERS.has(a)));
  return Promise.all(tags.map(register));
}

const observer = typeof MutationObserver === 'undefined' ? null : new MutationObserver((records) => void registerFound(records.flatMap((r) => [...r.addedNodes])));

/**
 * Registers the kit's elements in `root` now and whenever some are added to it later; resolves
 * once those there now are registered. The kit does this for the document itself; call it for a
 * shadow root of the page's own that holds kit elements.
 */
export function registerElementsIn(root: Document | ShadowRoot | Element): Promise<void> {
  observer?.observe(root, { childList: true, subtree: true });
  return registerFound([root]).then(() => undefined);
}

if (typeof document !== 'undefined') void registerElementsIn(document);
