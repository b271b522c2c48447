/**
 * The secure headers of the portal's replies. What the portal's pages (dist/) may load and use, for hono's secureHeaders. The pages, their
 * scripts and styles, the API and the card frame all come from the portal's own origin; Lit's
 * styles are constructed style sheets and its style bindings go through the CSSOM, neither of
 * which needs 'unsafe-inline'. The card frame sets a policy of its own (server/card-frame/).
 */
export const PAGE_CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

/** A billing portal needs none of the browser's powerful features; the card frame inherits these. */
export const PAGE_PERMISSIONS_POLICY = {
  accelerometer: [],
  autoplay: [],
  camera: [],
  displayCapture: [],
  geolocation: [],
  gyroscope: [],
  hid: [],
  magnetometer: [],
  microphone: [],
  midi: [],
  payment: [],
  publickeyCredentialsGet: [],
  screenWakeLock: [],
  serial: [],
  usb: [],
  xrSpatialTracking: [],
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`);

/**
 * The secure headers of every reply but the card frame's, as one record: what hono's
 * secureHeaders() sets with these policies (and without Cross-Origin-Embedder-Policy, which would
 * keep the card frame's scripts out), written out so a reply can carry them in a plain object
 * (server/http/reply-headers.ts). reply-headers.test.ts holds them equal to hono's.
 */
export function secureHeaderRecord(options: { strictTransportSecurity: boolean }): Record<string, string> {
  return {
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Origin-Agent-Cluster': '?1',
    'Referrer-Policy': 'no-referrer',
    ...(options.strictTransportSecurity ? { 'Strict-Transport-Security': 'max-age=15552000; includeSubDomains' } : {}),
    'X-Content-Type-Options': 'nosniff',
    'X-DNS-Prefetch-Control': 'off',
    'X-Download-Options': 'noopen',
    'X-Frame-Options': 'SAMEORIGIN',
    'X-Permitted-Cross-Domain-Policies': 'none',
    'X-XSS-Protection': '0',
    'Content-Security-Policy': Object.entries(PAGE_CONTENT_SECURITY_POLICY)
      .map(([directive, sources]) => `${kebab(directive)} ${sources.join(' ')}`)
      .join('; '),
    'Permissions-Policy': Object.entries(PAGE_PERMISSIONS_POLICY)
      .map(([feature, origins]) => `${kebab(feature)}=(${origins.join(' ')})`)
      .join(', '),
  };
}

/**
 * The secure headers of the API's replies, which are JSON for scripts, never documents: what
 * OWASP's REST Security Cheat Sheet asks of an API (nothing loads, nothing frames it, no sniffing
 * it into something else, HTTPS only) and what keeps other sites from reading it without CORS.
 * The page headers that govern what a document may do (Permissions-Policy, COOP,
 * Origin-Agent-Cluster, the XSS/download/DNS-prefetch switches) have nothing to act on here, and
 * each header is written on every reply: ~0.4 µs and ~50 bytes apiece.
 */
export function apiSecureHeaderRecord(options: { strictTransportSecurity: boolean }): Record<string, string> {
  const page = secureHeaderRecord(options);
  return {
    'Cross-Origin-Resource-Policy': page['Cross-Origin-Resource-Policy']!,
    'Referrer-Policy': page['Referrer-Policy']!,
    ...(options.strictTransportSecurity ? { 'Strict-Transport-Security': page['Strict-Transport-Security']! } : {}),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  };
}
