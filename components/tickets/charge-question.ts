import { msg, str } from '@lit/localize';
import type { InvoiceDetail, InvoiceLine, TicketDraft } from '../api/types.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';

/** "Question about this charge": a new Billing ticket that names the invoice and its line. */
export function chargeQuestionDraft(invoice: InvoiceDetail, line: InvoiceLine): TicketDraft {
  const charge = msg(str`“${line.description}”, ${formatMoney(line.amount, invoice.currency)}`);
  return {
    subject: msg(str`Question about invoice ${invoice.number}`),
    service: 'billing',
    invoiceId: invoice.id,
    invoiceLine: line.position,
    ...(line.subscriptionId !== null ? { subscriptionId: line.subscriptionId } : {}),
    message: `${msg(str`About the charge ${charge} on invoice ${invoice.number} (issued ${formatDate(invoice.date)}):`)}\n\n`,
    about: msg(str`About invoice ${invoice.number} (issued ${formatDate(invoice.date)}): ${charge}. The ticket will link back to it.`),
  };
}
