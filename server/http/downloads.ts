import type { Context } from 'hono';

/** `attachment` with the name twice: plain ASCII for old clients, and UTF-8 (RFC 6266) for the rest. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const utf8 = encodeURIComponent(fileName).replace(/['()*!]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/**
 * A stored file as a download, never shown in the page: `Content-Disposition: attachment`, the
 * type stored for it (found from its content), no sniffing, and a sandbox in case a browser
 * renders it anyway.
 */
export function fileDownload(c: Context, file: { fileName: string; contentType: string; bytes: Uint8Array }) {
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': file.contentType.startsWith('text/') ? `${file.contentType}; charset=utf-8` : file.contentType,
    'Content-Disposition': contentDisposition(file.fileName),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, no-store',
  });
}
