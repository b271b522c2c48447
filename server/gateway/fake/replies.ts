/** The JSON API's reply envelopes, as Authorize.Net writes them (the fake's modules share these). */

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const ok = (extra: Json = {}, refId?: string) => ({ ...extra, ...(refId ? { refId } : {}), messages: { resultCode: 'Ok', message: [{ code: 'I00001', text: 'Successful.' }] } });

export const failure = (code: string, text: string, extra: Json = {}, refId?: string) => ({
  ...extra,
  ...(refId ? { refId } : {}),
  messages: { resultCode: 'Error', message: [{ code, text }] },
});

/** How replies show a card: the last four digits only. */
export const masked = (card: { last4: string }) => `XXXX${card.last4}`;
