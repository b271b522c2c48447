/** The JSON API's reply envelopes, as Authorize.Net writes them (the fake's modules share these). */

/** The requests and replies of Authorize.Net's JSON API, read and written field by field as it documents them. */
export type Json = Record<string, any>;

export const ok = (extra: Json = {}, refId?: string) => ({ ...extra, ...(refId ? { refId } : {}), messages: { resultCode: 'Ok', message: [{ code: 'I00001', text: 'Successful.' }] } });

export const failure = (code: string, text: string, extra: Json = {}, refId?: string) => ({
  ...extra,
  ...(refId ? { refId } : {}),
  messages: { resultCode: 'Error', message: [{ code, text }] },
});

/** How replies show a card: the last four digits only. */
export const masked = (card: { last4: string }) => `XXXX${card.last4}`;
