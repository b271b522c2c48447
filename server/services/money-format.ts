/**
 * Money as the server writes it for people (mails, PDFs, messages, the CLI): integer cents in the
 * account's currency, formatted by `Intl.NumberFormat`. The server writes in US English unless
 * told the reader's locale (PDFs and mails in the user's language, server/i18n); the browser
 * formats in the kit's language (components/i18n/format.ts).
 */

const LOCALE = 'en-US';

// Building a NumberFormat costs far more than using one: one per currency and kind, kept.
const formats = new Map<string, Intl.NumberFormat>();
function formatFor(currency: string, unitPrice: boolean, locale: string): Intl.NumberFormat {
  const key = `${locale}:${currency}${unitPrice ? ':unit' : ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, ...(unitPrice ? { minimumFractionDigits: 2, maximumFractionDigits: 5 } : {}) });
    formats.set(key, format);
  }
  return format;
}

/** 123456 cents in USD → "$1,234.56". */
export const formatMoney = (cents: number, currency: string, locale = LOCALE) => formatFor(currency, false, locale).format(cents / 100);

/** A price per unit in millicents (1/1000 cent), to five decimals: 2500 → "$0.025". */
export const formatUnitPrice = (millicents: number, currency: string, locale = LOCALE) => formatFor(currency, true, locale).format(millicents / 100_000);
