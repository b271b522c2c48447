import { call, send, type ApiClient } from '../api/client.ts';
import type { TicketAttachment, TicketLimits } from '../api/types.ts';

const limitsByClient = new WeakMap<ApiClient, Promise<TicketLimits>>();

/** The server's limits of ticket input, asked once per client (they change only with a new server version). */
export function ticketLimits(client: ApiClient): Promise<TicketLimits> {
  let limits = limitsByClient.get(client);
  if (!limits) {
    limits = call(client.api.v1['ticket-limits'].$get());
    // A failed request is asked again next time.
    limits.catch(() => limitsByClient.delete(client));
    limitsByClient.set(client, limits);
  }
  return limits;
}

/** Where a ticket lives for its viewer: the account's routes, or (staff) the queue's. */
export interface TicketRef {
  accountNumber: string;
  ticketNumber: number;
  staff: boolean;
}

/** Saves an attachment of a ticket as a file, through the same check as the ticket. */
export async function downloadAttachment(client: ApiClient, ref: TicketRef, file: TicketAttachment, into: Node): Promise<void> {
  const param = { ticketNumber: String(ref.ticketNumber), attachmentId: String(file.id) };
  const response = await send(
    ref.staff
      ? client.api.v1.tickets[':ticketNumber'].attachments[':attachmentId'].$get({ param })
      : client.api.v1.accounts[':number'].tickets[':ticketNumber'].attachments[':attachmentId'].$get({ param: { ...param, number: ref.accountNumber } }),
  );
  saveBlob(await response.blob(), file.fileName, into);
}

/** Hands a blob to the browser to save under `name` (a download: never opened in the page). */
export function saveBlob(blob: Blob, name: string, into: Node) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  into.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
