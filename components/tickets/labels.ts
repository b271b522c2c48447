import { msg, str } from '@lit/localize';
import type { TicketService, TicketStatus } from '../api/types.ts';
import { formatNumber } from '../i18n/format.ts';

/** The guide's words for what a ticket is about. */
export const serviceLabel = (service: TicketService): string =>
  ({
    billing: msg('Billing'),
    trouble: msg('Trouble'),
    'account-change': msg('Account change'),
    hardware: msg('Hardware'),
    other: msg('Other'),
  })[service];

export const statusLabel = (status: TicketStatus): string =>
  ({
    open: msg('Open', { id: 'ticket-status-open' }),
    pending_customer: msg('Pending customer'),
    resolved: msg('Resolved'),
    closed: msg('Closed'),
  })[status];

export const SERVICES: TicketService[] = ['billing', 'trouble', 'account-change', 'hardware', 'other'];
export const STATUSES: TicketStatus[] = ['open', 'pending_customer', 'resolved', 'closed'];

/** "1.2 MB", "340 KB": a file's size for people. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return msg(str`${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`);
  return msg(str`${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`);
}

/** "3 d 4 h", "25 min": how long a customer has been waiting, to the minute. */
export function formatWaiting(sinceIso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(sinceIso)) / 60_000));
  if (minutes < 60) return msg(str`${minutes} min`);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return msg(str`${hours} h ${minutes % 60} min`);
  return msg(str`${Math.floor(hours / 24)} d ${hours % 24} h`);
}
