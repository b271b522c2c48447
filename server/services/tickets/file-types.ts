import { MAX_FILE_NAME_CHARS } from './limits.ts';

/**
 * What a ticket may carry: images, PDF documents and plain text, told apart by their content
 * (magic bytes; for text, valid UTF-8 without control characters). A file's name and the type
 * the browser declared must agree with what its content is, or it is refused: a page or a
 * program renamed to `.png` never gets in.
 */
interface Kind {
  type: string;
  label: string;
  extensions: string[];
  /** Other names browsers give the type. */
  aliases?: string[];
  matches(bytes: Uint8Array): boolean;
}

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Control characters other than tab, line feed, form feed and carriage return. */
const BINARY_CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

function isPlainText(bytes: Uint8Array): boolean {
  try {
    return !BINARY_CONTROL.test(utf8.decode(bytes));
  } catch {
    return false;
  }
}

const KINDS: Kind[] = [
  { type: 'image/png', label: 'a PNG image', extensions: ['png'], matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', label: 'a JPEG image', extensions: ['jpg', 'jpeg'], aliases: ['image/jpg', 'image/pjpeg'], matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { type: 'image/gif', label: 'a GIF image', extensions: ['gif'], matches: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { type: 'image/webp', label: 'a WebP image', extensions: ['webp'], matches: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { type: 'application/pdf', label: 'a PDF document', extensions: ['pdf'], matches: (b) => startsWith(b, ascii('%PDF-')) },
  // Last: PDFs and images are never valid text, but this is the loosest test.
  { type: 'text/plain', label: 'plain text', extensions: ['txt', 'text', 'log'], matches: (b) => b.length > 0 && isPlainText(b) },
];

/** The types a ticket takes, for the file picker's `accept`. */
export const ACCEPTED_TYPES = KINDS.flatMap((k) => [k.type, ...k.extensions.map((e) => `.${e}`)]);

/** Browsers send these when they do not know a file's type: the content and name decide. */
const UNDECLARED = new Set(['', 'application/octet-stream']);

/**
 * A file name safe to store and to show: no folders, no control or direction-changing
 * characters, at most MAX_FILE_NAME_CHARS characters (shortened before the extension).
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length <= MAX_FILE_NAME_CHARS) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, MAX_FILE_NAME_CHARS - extension.length) + extension;
}

export type FileCheck = { ok: true; fileName: string; contentType: string } | { ok: false; problem: string };

/** Whether a file may be attached: its content is an accepted kind, and its name and declared type say the same. */
export function checkFile(name: string, declaredType: string, bytes: Uint8Array): FileCheck {
  const fileName = cleanFileName(name);
  if (!fileName) return { ok: false, problem: 'A file has no name.' };
  const kind = KINDS.find((k) => k.matches(bytes));
  if (!kind) {
    return { ok: false, problem: `"${fileName}" is not an image, a PDF or plain text: attach PNG, JPEG, GIF or WebP images, PDF documents or .txt files.` };
  }
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (!kind.extensions.includes(extension)) {
    const namedAs = KINDS.find((k) => k.extensions.includes(extension));
    return {
      ok: false,
      problem: namedAs
        ? `"${fileName}" is named as ${namedAs.label}, but its content is ${kind.label}.`
        : `"${fileName}" is ${kind.label}: its name should end in .${kind.extensions[0]}.`,
    };
  }
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  if (!UNDECLARED.has(declared) && declared !== kind.type && !kind.aliases?.includes(declared)) {
    return { ok: false, problem: `"${fileName}" was sent as ${declared}, but its content is ${kind.label}.` };
  }
  return { ok: true, fileName, contentType: kind.type };
}
