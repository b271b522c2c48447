/** What the fake keeps of a card: like the real gateway's reports, never the whole number. */
export interface Card {
  /** A keyed hash of the number: the duplicate window tells cards apart by it. */
  fingerprint: string;
  last4: string;
  brand: string;
  expMonth: string;
  expYear: string;
  zip: string | null;
}

/** The Authorize.Net sandbox's test cards (all approve unless the zip code says otherwise). */
export const TEST_CARDS: Record<string, string> = {
  '4111111111111111': 'Visa',
  '4007000000027': 'Visa',
  '4012888818888': 'Visa',
  '5424000000000015': 'MasterCard',
  '2223000010309703': 'MasterCard',
  '370000000000002': 'AmericanExpress',
  '6011000000000012': 'Discover',
  '3088000000000017': 'JCB',
  '38000000000006': 'DinersClub',
};

/**
 * Billing zip codes that make the sandbox answer otherwise, as Authorize.Net documents for
 * testing: 46282 declines. The fake adds two of its own for the other outcomes.
 */
export const ZIP_OUTCOMES: Record<string, 'declined' | 'held' | 'error'> = {
  '46282': 'declined',
  '46207': 'held',
  '46203': 'error',
};

/** Luhn check: the fake refuses numbers that could not be cards. */
export function luhnValid(number: string): boolean {
  if (!/^\d{12,19}$/.test(number)) return false;
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}
