import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';

/** A file of the built site, with the headers of its 200 and of its 304. */
export interface StaticFile {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  headers: Record<string, string>;
  notModified: Record<string, string>;
  /** The same file gzipped, for a client that accepts it (see `withGzip`). */
  gzip?: StaticFile;
}

/** gzip's best compression: done once, when the site is read, so it costs no request anything. */
export const GZIP_LEVEL = 9;

/**
 * A file's gzip made ahead of time, beside it (`x.js.gz`, as the kit's build writes them with
 * zopfli, kit/precompress.ts): sent instead of gzipping the file at start, when it is the file's.
 */
export const PRECOMPRESSED_SUFFIX = '.gz';

/** The file's gzip representation from gzipped bytes: `Content-Encoding: gzip`, its own ETag. */
function gzipOf(file: StaticFile, body: Uint8Array<ArrayBuffer>): StaticFile {
  const etag = `${file.etag.slice(0, -1)}-gzip"`;
  const cache = { ...file.notModified, ETag: etag };
  return { body, etag, headers: { ...file.headers, ...cache, 'Content-Encoding': 'gzip', 'Content-Length': String(body.byteLength) }, notModified: cache };
}

/**
 * The file with a gzipped twin held beside it: its precompressed one if it has one (read with
 * it, see `readStaticFiles`), else compressed once here at `GZIP_LEVEL`. A client that accepts
 * gzip gets that (`Content-Encoding: gzip`, its own ETag, as a representation of its own), any
 * other the file as it is; both say `Vary: Accept-Encoding` so that a shared cache keeps them apart.
 */
export function withGzip(file: StaticFile): StaticFile {
  if (file.gzip) return file;
  return { ...file, gzip: gzipOf(file, new Uint8Array(gzipSync(file.body, { level: GZIP_LEVEL }))) };
}

/** Whether `gz` is gzip that decodes to `body` exactly (not a stale one, of an older build, nor broken bytes). */
function isGzipOf(gz: Uint8Array, body: Uint8Array): boolean {
  try {
    return Buffer.from(gunzipSync(gz)).equals(body);
  } catch {
    return false;
  }
}

/** Whether an Accept-Encoding header takes gzip (named, or `*`, and not at q=0). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  let star = false;
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [coding, ...params] = part.trim().split(';');
    const refused = params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
    if (coding === 'gzip' || coding === 'x-gzip') return !refused;
    if (coding === '*') star = !refused;
  }
  return star;
}

/** Vite names what it builds into assets/ by content (`portal-DY_D2k7x.js`): under its name it never changes. */
const HASHED_ASSET = /^\/assets\/[^/]+-[\w-]{8,}\.\w+$/;

function staticFile(path: string, body: Uint8Array<ArrayBuffer>, modified: Date): StaticFile {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  // Hashed assets are kept for a year; anything else (the pages, the kit) is asked about each time, by its ETag.
  const cache = { 'Cache-Control': HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache', ETag: etag, 'Last-Modified': modified.toUTCString() };
  return {
    body,
    etag,
    headers: { 'Content-Type': getMimeType(path) ?? 'application/octet-stream', 'Content-Length': String(body.byteLength), ...cache },
    notModified: cache,
  };
}

/**
 * The built site read into memory once, at start (a few hundred KB): path → file, a directory's
 * index.html also under the directory's path. A request names one of these paths exactly or gets
 * nothing, so no path (`..`, encoded or not) reaches outside the folder, and no file is opened or
 * stat'ed per request. Rebuilding the site takes a restart, as `npm start` does.
 *
 * A file's `<file>.gz` beside it is not a path of its own: when it decodes to the file, it is the
 * file's gzip representation (`gzip`); when it does not (stale, or not gzip), it is ignored with
 * a warning, and the file is as if it had none (`withGzip` compresses it at start), so a client
 * never gets another file's bytes.
 */
export function readStaticFiles(dir: string, warn: (message: string) => void = console.warn): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!existsSync(dir)) return files;
  const found = new Map<string, Stats>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stats = statSync(join(dir, name));
    if (stats.isFile()) found.set(name, stats);
  }
  for (const [name, stats] of found) {
    if (name.endsWith(PRECOMPRESSED_SUFFIX) && found.has(name.slice(0, -PRECOMPRESSED_SUFFIX.length))) continue;
    const full = join(dir, name);
    const path = `/${name.split(/[\\/]/).join('/')}`;
    const file = staticFile(path, new Uint8Array(readFileSync(full)), stats.mtime);
    if (found.has(name + PRECOMPRESSED_SUFFIX)) {
      const gz = new Uint8Array(readFileSync(full + PRECOMPRESSED_SUFFIX));
      if (isGzipOf(gz, file.body)) file.gzip = gzipOf(file, gz);
      else warn(`${join(dir, name + PRECOMPRESSED_SUFFIX)} is not ${name} gzipped (left from another build?): ignored.`);
    }
    files.set(path, file);
    if (path.endsWith('/index.html')) {
      const folder = path.slice(0, -'index.html'.length);
      files.set(folder, file);
      if (folder !== '/') files.set(folder.slice(0, -1), file);
    }
  }
  return files;
}

/** Whether an If-None-Match header names this ETag (or is `*`): weak or strong, one of a list. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/** Answers GET and HEAD for the files, 304 when the client has the same ETag; other requests go on. */
export function serveStaticFiles(files: ReadonlyMap<string, StaticFile>): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const stored = files.get(c.req.path);
    if (!stored) return next();
    if (stored.gzip) c.header('Vary', 'Accept-Encoding', { append: true });
    const file = stored.gzip && acceptsGzip(c.req.header('accept-encoding')) ? stored.gzip : stored;
    if (matches(c.req.header('if-none-match'), file.etag)) return c.body(null, 304, file.notModified);
    return c.body(file.body, 200, file.headers);
  };
}
