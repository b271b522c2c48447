import { readdirSync } from 'node:fs';
import type { TestApp } from './helpers.ts';

/** Files as a browser sends them: real headers of each kind, then filler. */
const bytes = (head: number[] | string, size: number) => {
  const start = typeof head === 'string' ? new TextEncoder().encode(head) : Uint8Array.from(head);
  const out = new Uint8Array(Math.max(size, start.length)).fill(0x20);
  out.set(start);
  return out;
};
export const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const png = (name = 'screenshot.png', size = 2048) => new File([bytes(PNG_HEAD, size)], name, { type: 'image/png' });
export const jpeg = (name = 'photo.jpg') => new File([bytes([0xff, 0xd8, 0xff, 0xe0], 1024)], name, { type: 'image/jpeg' });
export const pdf = (name = 'letter.pdf', size = 4096) => new File([bytes('%PDF-1.7\n', size)], name, { type: 'application/pdf' });
export const text = (name = 'call-log.txt', content = 'Dropped calls at 09:14 and 09:52.\n') => new File([content], name, { type: 'text/plain' });

/**
 * A JSON body for a route that also takes multipart/form-data (the ticket writes): Hono's typed
 * client asks for both bodies a route declares and sends the one given.
 */
export const asJson = <J>(json: J) => ({ json, form: undefined as never });

/** The account routes' paths. */
export const ticketsOf = (account: string) => `/accounts/${account}/tickets`;
export const ticketPath = (account: string, ticket: number) => `${ticketsOf(account)}/${ticket}`;

/** A multipart body: each field once, each file as a `files` part. */
export function formOf(fields: Record<string, string>, files: File[] = []): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) form.append('files', file);
  return form;
}

/** What the database and the attachment folder hold: to show that a refused request stored nothing. */
export function stored(t: TestApp) {
  const count = (table: string) => t.db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;
  return {
    tickets: count('tickets'),
    messages: count('ticket_messages'),
    attachments: count('ticket_attachments'),
    files: readdirSync(t.config.attachmentsDir).sort(),
  };
}
