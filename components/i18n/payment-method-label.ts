import { msg } from '@lit/localize';

/** The server names a payment's method in English ("Credit card", "Autopay", or as imported): the known ones are translated. */
export const paymentMethodLabel = (method: string): string =>
  (({ 'Credit card': msg('Credit card'), Autopay: msg('Autopay'), Check: msg('Check'), 'Bank transfer': msg('Bank transfer'), Refund: msg('Refund') }) as Record<string, string>)[method] ?? method;
