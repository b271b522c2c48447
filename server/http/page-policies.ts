/**
 * What the portal's pages (dist/) may load and use, for hono's secureHeaders. The pages, their
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
