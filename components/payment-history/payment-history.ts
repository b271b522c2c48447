import { msg, str } from '@lit/localize';
import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { Payment, PaymentList } from '../api/types.ts';
import { AccountDataElement } from '../base/account-data-element.ts';
import type { StoreReader } from '../data/account-store.ts';
import { payments } from '../data/payment-resources.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';
import { paymentMethodLabel } from '../i18n/payment-method.ts';
import { stackedTableStyles } from '../styles/controls.ts';
import { token } from '../styles/tokens.ts';

const resultLabel = (status: Payment['status']): string =>
  ({
    approved: msg('Approved'),
    declined: msg('Declined'),
    held: msg('Under review'),
    error: msg('Not processed'),
    unknown: msg('Being confirmed'),
    pending: msg('In progress'),
    voided: msg('Voided'),
  })[status];

/** A line of the table: a payment, or money given back on one (a refund is a line of its own, with its own date). */
interface HistoryLine {
  date: string;
  amount: number;
  method: string;
  card: Payment['card'];
  result: string;
  tone: Payment['status'] | 'refunded';
  detail: string;
}

/** Payments and their refunds, newest first. */
const linesOf = (payments: Payment[]): HistoryLine[] =>
  payments
    .flatMap((p): HistoryLine[] => [
      { date: p.date, amount: p.amount, method: p.method, card: p.card, result: resultLabel(p.status), tone: p.status, detail: p.message ?? '' },
      ...p.refunds.map((r) => ({
        date: r.date,
        amount: -r.amount,
        method: 'Refund',
        card: p.card,
        result: msg('Refunded'),
        tone: 'refunded' as const,
        detail: msg(str`Given back on the payment of ${formatMoney(p.amount)} on ${formatDate(p.date)}`),
      })),
    ])
    .sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? 1 : -1));

/**
 * @summary The account's payments and refunds, newest first: date, amount, method, card and result.
 *
 * @csspart table - The table of payments.
 * @csspart error - The error message, when loading failed.
 * @csspart empty - The message when there are no payments.
 */
@customElement('bp-payment-history')
export class BpPaymentHistory extends AccountDataElement<PaymentList> {
  static override styles = [
    ...AccountDataElement.styles,
    stackedTableStyles,
    css`
      .number {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .number,
      .date {
        white-space: nowrap;
      }
      .result.declined,
      .result.error {
        color: ${token('color-danger')};
      }
      .result.approved {
        color: ${token('color-success')};
      }
      .result.voided,
      .result.refunded {
        color: ${token('color-text-muted')};
      }
      .table-scroll {
        overflow-x: auto;
      }
    `,
  ];

  /** A payment made anywhere in the same portal or provider shows up here: it invalidates `payments`. */
  protected read(store: StoreReader, number: string, signal: AbortSignal) {
    return store.read(payments, number, undefined, signal);
  }

  protected override render() {
    return html`
      <section class="panel" aria-labelledby="payments-heading">
        <h2 id="payments-heading">${msg('Payment History')}</h2>
        ${this.renderData({
          loading: msg('Loading payments…'),
          isEmpty: (list) => list.payments.length === 0,
          empty: msg('No payments yet.'),
          complete: (list) => html`
            <div class="table-scroll">
              <table part="table" class="stack" role="table">
                <caption class="visually-hidden">${msg('Payments and refunds, newest first')}</caption>
                <thead role="rowgroup">
                  <tr role="row">
                    <th scope="col" role="columnheader">${msg('Date')}</th>
                    <th scope="col" role="columnheader" class="number">${msg('Amount')}</th>
                    <th scope="col" role="columnheader">${msg('Method')}</th>
                    <th scope="col" role="columnheader">${msg('Card')}</th>
                    <th scope="col" role="columnheader">${msg('Result')}</th>
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  ${linesOf(list.payments).map(
                    (line) => html`
                      <tr role="row">
                        <td role="cell" data-label=${msg('Date')} class="date">${formatDate(line.date)}</td>
                        <td role="cell" data-label=${msg('Amount')} class="number">${formatMoney(line.amount)}</td>
                        <td role="cell" data-label=${msg('Method')}>${paymentMethodLabel(line.method)}</td>
                        <td role="cell" data-label=${msg('Card')}>${line.card ? msg(str`${line.card.brand} ending in ${line.card.last4}`) : '—'}</td>
                        <td role="cell" data-label=${msg('Result')}><span class="result ${line.tone}" title=${line.detail}>${line.result}</span></td>
                      </tr>
                    `,
                  )}
                </tbody>
              </table>
            </div>
          `,
        })}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-payment-history': BpPaymentHistory;
  }
}
