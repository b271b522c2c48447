import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { InvoiceDetail, InvoiceLine } from '../api/types.ts';
import { formatDate, formatMoney, formatNumber } from '../i18n/format.ts';
import { formatLocale } from '../i18n/localize.ts';
import { paymentMethodLabel } from '../i18n/payment-method-label.ts';

const kindLabel = (kind: InvoiceLine['kind']): string =>
  ({
    recurring: msg('Recurring'),
    usage: msg('Usage'),
    adjustment: msg('Adjustment'),
    late_fee: msg('Late fee'),
    tax: msg('Tax'),
  })[kind];

/** A unit price in millicents, with as many decimals as the rate needs ($0.025 stays $0.025). */
const unitPrice = (millicents: number, currency: string) =>
  new Intl.NumberFormat(formatLocale(), { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 5 }).format(millicents / 100_000);

/** Charges grouped by where they are billed (account-wide last), taxes after them. */
function groups(lines: InvoiceLine[]) {
  const charges = lines.filter((l) => l.kind !== 'tax');
  const byLocation = new Map<string, InvoiceLine[]>();
  for (const line of [...charges].sort((a, b) => Number(a.location === null) - Number(b.location === null))) {
    const key = line.location ? `${line.location.name} — ${line.location.address}` : msg('Account-wide');
    byLocation.set(key, [...(byLocation.get(key) ?? []), line]);
  }
  return [...byLocation, ...(lines.some((l) => l.kind === 'tax') ? [[msg('Taxes'), lines.filter((l) => l.kind === 'tax')] as const] : [])];
}

/**
 * The lines of one invoice as a table, with its totals and the payments applied to it. With
 * `onQuestion`, each line offers "Question about this charge".
 */
export function renderInvoiceLines(invoice: InvoiceDetail, onQuestion?: (line: InvoiceLine) => void) {
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  return html`
    <table class="lines" part="lines">
      <caption class="visually-hidden">${msg(str`Lines of invoice ${invoice.number}`)}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Description')}</th>
          <th scope="col">${msg('Type')}</th>
          <th scope="col" class="number">${msg('Qty')}</th>
          <th scope="col" class="number">${msg('Unit price')}</th>
          <th scope="col" class="number">${msg('Amount')}</th>
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
                      ? html`<br /><button class="link-button question" type="button" aria-label=${msg(str`Question about this charge: ${l.description}`)} @click=${() => onQuestion(l)}>
                          ${msg('Question about this charge')}
                        </button>`
                      : nothing}
                  </td>
                  <td>${kindLabel(l.kind)}</td>
                  <td class="number">${l.kind === 'tax' ? nothing : formatNumber(l.quantity)}</td>
                  <td class="number">${l.kind === 'tax' ? nothing : unitPrice(l.unitPriceMillicents, invoice.currency)}</td>
                  <td class="number">${money(l.amount)}</td>
                </tr>
              `,
            )}
          </tbody>
        `,
      )}
      <tfoot>
        <tr><th scope="row" colspan="4">${msg('Subtotal')}</th><td class="number">${money(invoice.subtotal)}</td></tr>
        <tr><th scope="row" colspan="4">${msg('Taxes')}</th><td class="number">${money(invoice.tax)}</td></tr>
        <tr class="strong"><th scope="row" colspan="4">${msg('Total')}</th><td class="number">${money(invoice.total)}</td></tr>
        ${invoice.payments.map(
          (p) => html`<tr><th scope="row" colspan="4">${msg(str`Payment ${formatDate(p.date)} (${paymentMethodLabel(p.method)})`)}</th><td class="number">−${money(p.amount)}</td></tr>`,
        )}
        <tr class="strong"><th scope="row" colspan="4">${msg('Balance')}</th><td class="number">${money(invoice.balance)}</td></tr>
      </tfoot>
    </table>
    <p class="muted due">${msg(str`Invoice ${invoice.number} · issued ${formatDate(invoice.date)} · due ${formatDate(invoice.dueDate)} (net ${invoice.termsDays} days)`)}</p>
  `;
}
