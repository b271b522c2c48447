import { html, nothing } from 'lit';
import type { InvoiceDetail, InvoiceLine } from '../api/types.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';

const KIND_LABELS: Record<InvoiceLine['kind'], string> = {
  recurring: 'Recurring',
  usage: 'Usage',
  adjustment: 'Adjustment',
  late_fee: 'Late fee',
  tax: 'Tax',
};

/** A unit price in millicents, with as many decimals as the rate needs ($0.025 stays $0.025). */
const unitPrice = (millicents: number, currency: string) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 5 }).format(millicents / 100_000);

/** Charges grouped by where they are billed (account-wide last), taxes after them. */
function groups(lines: InvoiceLine[]) {
  const charges = lines.filter((l) => l.kind !== 'tax');
  const byLocation = new Map<string, InvoiceLine[]>();
  for (const line of [...charges].sort((a, b) => Number(a.location === null) - Number(b.location === null))) {
    const key = line.location ? `${line.location.name} — ${line.location.address}` : 'Account-wide';
    byLocation.set(key, [...(byLocation.get(key) ?? []), line]);
  }
  return [...byLocation, ...(lines.some((l) => l.kind === 'tax') ? [['Taxes', lines.filter((l) => l.kind === 'tax')] as const] : [])];
}

/**
 * The lines of one invoice as a table, with its totals and the payments applied to it. With
 * `onQuestion`, each line offers "Question about this charge".
 */
export function renderInvoiceLines(invoice: InvoiceDetail, onQuestion?: (line: InvoiceLine) => void) {
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  return html`
    <table class="lines" part="lines">
      <caption class="visually-hidden">Lines of invoice ${invoice.number}</caption>
      <thead>
        <tr>
          <th scope="col">Description</th>
          <th scope="col">Type</th>
          <th scope="col" class="number">Qty</th>
          <th scope="col" class="number">Unit price</th>
          <th scope="col" class="number">Amount</th>
        </tr>
      </thead>
      ${groups(invoice.lines).map(
        ([title, lines]) => html`
          <tbody>
            <tr class="group"><th scope="rowgroup" colspan="5">${title}</th></tr>
            ${lines.map(
              (l) => html`
                <tr>
                  <td>
                    ${l.description}
                    ${onQuestion
                      ? html`<br /><button class="link-button question" type="button" aria-label="Question about this charge: ${l.description}" @click=${() => onQuestion(l)}>
                          Question about this charge
                        </button>`
                      : nothing}
                  </td>
                  <td>${KIND_LABELS[l.kind]}</td>
                  <td class="number">${l.kind === 'tax' ? nothing : l.quantity.toLocaleString()}</td>
                  <td class="number">${l.kind === 'tax' ? nothing : unitPrice(l.unitPriceMillicents, invoice.currency)}</td>
                  <td class="number">${money(l.amount)}</td>
                </tr>
              `,
            )}
          </tbody>
        `,
      )}
      <tfoot>
        <tr><th scope="row" colspan="4">Subtotal</th><td class="number">${money(invoice.subtotal)}</td></tr>
        <tr><th scope="row" colspan="4">Taxes</th><td class="number">${money(invoice.tax)}</td></tr>
        <tr class="strong"><th scope="row" colspan="4">Total</th><td class="number">${money(invoice.total)}</td></tr>
        ${invoice.payments.map(
          (p) => html`<tr><th scope="row" colspan="4">Payment ${formatDate(p.date)} (${p.method})</th><td class="number">−${money(p.amount)}</td></tr>`,
        )}
        <tr class="strong"><th scope="row" colspan="4">Balance</th><td class="number">${money(invoice.balance)}</td></tr>
      </tfoot>
    </table>
    <p class="muted due">Invoice ${invoice.number} · issued ${formatDate(invoice.date)} · due ${formatDate(invoice.dueDate)} (net ${invoice.termsDays} days)</p>
  `;
}
