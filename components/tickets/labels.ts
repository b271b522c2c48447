import type { TicketService, TicketStatus } from '../api/types.ts';

/** The guide's words for what a ticket is about. */
export const SERVICE_LABELS: Record<TicketService, string> = {
  billing: 'Billing',
  trouble: 'Trouble',
  'account-change': 'Account change',
  hardware: 'Hardware',
  other: 'Other',
};

export const STATUS_LABELS: Record<TicketStatus, string> = {
  open: 'Open',
  pending_customer: 'Pending customer',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const SERVICES = Object.keys(SERVICE_LABELS) as TicketService[];
export const STATUSES = Object.keys(STATUS_LABELS) as TicketStatus[];

/** "1.2 MB", "340 KB": a file's size for people. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** "3 d 4 h", "25 min": how long a customer has been waiting, to the minute. */
export function formatWaiting(sinceIso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(sinceIso)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
