import { msg, str } from '@lit/localize';
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import type { Payment, PaymentList } from '../api/types.ts';
import { AccountDataElement } from '../base/account-data-element.ts';
import { scrollingTable } from '../base/data-table.ts';
import { pager, showingRows } from '../base/pager.ts';
import type { StoreReader } from '../data/account-store.ts';
import { payments } from '../data/payment-resources.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';
import { paymentMethodLabel } from '../i18n/payment-method-label.ts';
import { stackedTableStyles, tableBaseStyles, tableStyles } from '../styles/tables.ts';
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
  currency: string;
  method: string;
  card: Payment['card'];
  result: string;
  tone: Payment['status'] | 'refunded';
  detail: string;
}

/** Lines on a page: about a year of monthly payments. */
const PAGE_SIZE = 12;

/** Payments and their refunds, newest first. */
const linesOf = (payments: Payment[], currency: string): HistoryLine[] =>
  payments
    .flatMap((p): HistoryLine[] => [
      { date: p.date, amount: p.amount, currency, method: p.method, card: p.card, result: resultLabel(p.status), tone: p.status, detail: p.message ?? '' },
      ...p.refunds.map((r) => ({
        date: r.date,
        amount: -r.amount,
        currency,
        method: 'Refund',
        card: p.card,
        result: msg('Refunded'),
        tone: 'refunded' as const,
        detail: msg(str`Given back on the payment of ${formatMoney(p.amount, currency)} on ${formatDate(p.date)}`),
      })),
    ])
    .sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? 1 : -1));

/**
 * @summary The account's payments and refunds, newest first: date, amount, method, card and result,
 * in the account's currency, twelve lines to a page.
 *
 * @csspart table - The table of payments.
 * @csspart pager - The Previous · Page n of m · Next bar, when the history is longer than a page.
 * @csspart error - The error message, when loading failed.
 * @csspart empty - The message when there are no payments.
 */
export class BpPaymentHistory extends AccountDataElement<PaymentList> {
  static readonly tag = 'bp-payment-history';
  static override properties: PropertyDeclarations = {
    page: { state: true },
  };

  static override styles = [
    ...AccountDataElement.styles,
    tableBaseStyles,
    stackedTableStyles,
    tableStyles,
    css`
      .count {
        margin: 0 0 ${token('space-2')};
      }
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
    `,
  ];

  /** The page of the history shown (1-based); a shorter history after a reload shows its last page. */
  private page = 1;

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
          complete: (list) => this.renderPage(linesOf(list.payments, list.currency)),
        })}
      </section>
    `;
  }

  private renderPage(lines: HistoryLine[]) {
    const pages = Math.max(1, Math.ceil(lines.length / PAGE_SIZE));
    const current = { page: Math.min(this.page, pages), pageSize: PAGE_SIZE, total: lines.length };
    const shown = lines.slice((current.page - 1) * PAGE_SIZE, current.page * PAGE_SIZE);
    return html`
      ${pages > 1 ? html`<p class="count muted" role="status">${showingRows(current, shown.length)}</p>` : nothing}
      ${scrollingTable({
        caption: msg('Payments and refunds, newest first'),
        rows: shown,
        columns: [
          { heading: msg('Date'), class: 'date', cell: (line) => formatDate(line.date) },
          { heading: msg('Amount'), class: 'number', cell: (line) => formatMoney(line.amount, line.currency) },
          { heading: msg('Method'), cell: (line) => paymentMethodLabel(line.method) },
          { heading: msg('Card'), cell: (line) => (line.card ? msg(str`${line.card.brand} ending in ${line.card.last4}`) : '—') },
          { heading: msg('Result'), cell: (line) => html`<span class="result ${line.tone}" title=${line.detail}>${line.result}</span>` },
        ],
      })}
      ${pager(current, msg('Payment history pages'), (page) => (this.page = page))}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bp-payment-history': BpPaymentHistory;
  }
}
