import type { InvoiceDetail, InvoiceLine, TicketDraft } from '../api/types.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';

/** "Question about this charge": a new Billing ticket that names the invoice and its line. */
export function chargeQuestionDraft(invoice: InvoiceDetail, line: InvoiceLine): TicketDraft {
  const charge = `“${line.description}”, ${formatMoney(line.amount, invoice.currency)}`;
  return {
    subject: `Question about invoice ${invoice.number}`,
    service: 'billing',
    invoiceId: invoice.id,
    invoiceLine: line.position,
    ...(line.subscriptionId !== null ? { subscriptionId: line.subscriptionId } : {}),
    message: `About the charge ${charge} on invoice ${invoice.number} (issued ${formatDate(invoice.date)}):\n\n`,
    about: `About invoice ${invoice.number} (issued ${formatDate(invoice.date)}): ${charge}. The ticket will link back to it.`,
  };
}
