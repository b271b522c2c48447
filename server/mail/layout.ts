import type { Sender } from '../services/resellers/brand.ts';
import type { MailMessage } from './mailer.ts';
import { messagesFor, type Language } from '../i18n/messages.ts';

/** The provider's accent when the account has no reseller (the portal's primary colour). */
const PROVIDER_ACCENT = '#0b5cad';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** White or near-black text, whichever reads better on `hex` (WCAG relative luminance). */
export function textOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // #111111's own luminance is 0.0056.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.0556 ? '#ffffff' : '#111111';
}

/** The plain text as HTML: its paragraphs and lines, its addresses as links, under a bar in the sender's colour with its name. */
function htmlOf(text: string, sender: Sender, language: Language): string {
  const accent = sender.accent ?? PROVIDER_ACCENT;
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => escapeHtml(p).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}" style="color:${accent}">${url}</a>`).replace(/\n/g, '<br>'))
    .map((p) => `<p style="margin:0 0 16px">${p}</p>`)
    .join('');
  return (
    `<!doctype html><html lang="${language}"><body style="margin:0;padding:24px 0;background:#f4f6f8">` +
    `<div style="max-width:560px;margin:0 auto;background:#ffffff;color:#1b1f24;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif">` +
    `<div style="background:${accent};color:${textOn(accent)};padding:16px 24px;font-size:18px;font-weight:600">${escapeHtml(sender.name)}</div>` +
    `<div style="padding:24px">${paragraphs}</div></div></body></html>`
  );
}

/**
 * A mail as its sender (a reseller's brand, or the provider) sends it: signed with its name and
 * support contact, from its name, replies to its support address, and an HTML part in its colour;
 * signed in the reader's language.
 */
export function fromSender(sender: Sender, mail: { to: string; subject: string; body: string; link?: string; language?: Language }): MailMessage {
  const text = `${mail.body}\n\n${messagesFor(mail.language).mail.signature(sender.name)}${sender.support ? `\n${sender.support}` : ''}`;
  return {
    to: mail.to,
    subject: mail.subject,
    text,
    html: htmlOf(text, sender, mail.language ?? 'en'),
    fromName: sender.name,
    ...(sender.supportEmail ? { replyTo: sender.supportEmail } : {}),
    ...(mail.link ? { link: mail.link } : {}),
  };
}
