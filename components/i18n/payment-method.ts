import { msg, str } from '@lit/localize';

/** Why neither the summary nor the payment form offers a card: the merchant account does not take the account's currency. */
export const cardsNotTaken = (currency: string): string =>
  msg(str`Card payments are not taken for accounts billed in ${currency}. Please pay by check or bank transfer.`);
