import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Authorize.Net signs each webhook notification: the X-ANET-Signature header holds `sha512=`
 * and the HMAC-SHA512 of the body as sent, keyed with the merchant's Signature Key, in hex.
 * The fake gateway signs with this too, so both ends agree by construction.
 */
export function signWebhookBody(body: string, signatureKey: string): string {
  return `sha512=${createHmac('sha512', signatureKey).update(body, 'utf8').digest('hex').toUpperCase()}`;
}

/** True when the header is the body's signature (hex in either case), compared in constant time. */
export function webhookSignatureValid(body: string, header: string | undefined, signatureKey: string): boolean {
  const sent = /^sha512=([0-9a-f]{128})$/i.exec(header?.trim() ?? '')?.[1];
  if (!sent) return false;
  const expected = Buffer.from(signWebhookBody(body, signatureKey).slice('sha512='.length), 'hex');
  return timingSafeEqual(Buffer.from(sent, 'hex'), expected);
}
