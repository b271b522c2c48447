import { send, type ApiClient } from './client.ts';

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

/** Saves an invoice's PDF as `<invoice number>.pdf` (the invoice list, and a ticket about an invoice). */
export async function downloadInvoicePdf(client: ApiClient, accountNumber: string, invoice: { id: number; number: string }, into: Node): Promise<void> {
  const response = await send(client.api.v1.accounts[':number'].invoices[':id'].pdf.$get({ param: { number: accountNumber, id: String(invoice.id) } }));
  saveBlob(await response.blob(), `${invoice.number}.pdf`, into);
}
