import { msg, str } from '@lit/localize';

/** The server names a payment's method in English ("Credit card", "Autopay", or as imported): the known ones are translated. */
export const paymentMethodLabel = (method: string): string =>
  (({ 'Credit card': msg('Credit card'), Autopay: msg('Autopay'), Check: msg('Check'), 'Bank transfer': msg('Bank transfer'), Refund: msg('Refund') }) as Record<string, string>)[method] ?? method;

/** Why neither the summary nor the payment form offers a card: the merchant account does not take the account's currency. */
export const cardsNotTaken = (currency: string): string =>
  msg(str`Card payments are not taken for accounts billed in ${currency}. Please pay by check or bank transfer.`);
