import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { ReportOf } from '../api/types.ts';
import { formatMoney } from '../i18n/format.ts';
import { formatCallTime, formatChange, formatCount, formatDuration, formatMillicents } from './format.ts';
import { monthLabel } from './period.ts';

/**
 * The tables of the reports: the numbers themselves, and the accessible text form of the charts
 * above them. Each has a caption; money is formatted at this edge in the account's currency.
 */

const money = (cents: number, currency: string) => formatMoney(cents, currency);
const customer = (rollup: boolean, number: string) => (rollup ? html`<td>${number}</td>` : nothing);
const customerHead = (rollup: boolean) => (rollup ? html`<th scope="col">${msg('Customer #')}</th>` : nothing);

export function usageTable(r: ReportOf<'usage'>): TemplateResult {
  const rollup = r.accounts.length > 1;
  return html`
    <div class="table-scroll" tabindex="0" role="region" aria-label=${msg('Usage table')}>
      <table part="table">
        <caption class="visually-hidden">${msg('Usage by month, voice plan and category')}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Month')}</th>
            ${customerHead(rollup)}
            <th scope="col">${msg('Plan or category')}</th>
            <th scope="col" class="number">${msg('Minutes used')}</th>
            <th scope="col" class="number">${msg('Included')}</th>
            <th scope="col" class="number">${msg('Overage minutes')}</th>
            <th scope="col" class="number">${msg('Charge')}</th>
          </tr>
        </thead>
        <tbody>
          ${r.rows.map(
            (row) => html`
              <tr class=${row.invoiced ? '' : 'so-far'}>
                <td>${monthLabel(row.month)}${row.invoiced ? nothing : html` <span class="badge">${msg('so far')}</span>`}</td>
                ${customer(rollup, row.account)}
                <td>${row.plan ? html`${row.plan}<br /><span class="muted">${row.category}</span>` : row.category}</td>
                <td class="number">${formatCount(row.usedMinutes)}</td>
                <td class="number">${row.includedMinutes === null ? '—' : formatCount(row.includedMinutes)}</td>
                <td class="number">${row.overageMinutes === null ? '—' : formatCount(row.overageMinutes)}</td>
                <td class="number">${money(row.charge, r.currency)}</td>
              </tr>
            `,
          )}
        </tbody>
        <tfoot>
          ${r.rows.some((x) => x.invoiced)
            ? html`<tr>
                <th scope="row" colspan=${rollup ? 3 : 2}>${msg('Total invoiced')}</th>
                <td class="number">${formatCount(r.rows.filter((x) => x.invoiced).reduce((s, x) => s + x.usedMinutes, 0))}</td>
                <td></td>
                <td class="number">${formatCount(r.rows.filter((x) => x.invoiced).reduce((s, x) => s + (x.overageMinutes ?? 0), 0))}</td>
                <td class="number">${money(r.totals.charge, r.currency)}</td>
              </tr>`
            : nothing}
          ${r.rows.some((x) => !x.invoiced)
            ? html`<tr class="so-far">
                <th scope="row" colspan=${rollup ? 3 : 2}>${msg('So far, not invoiced yet (at today’s prices)')}</th>
                <td class="number">${formatCount(r.rows.filter((x) => !x.invoiced).reduce((s, x) => s + x.usedMinutes, 0))}</td>
                <td></td>
                <td class="number">${formatCount(r.rows.filter((x) => !x.invoiced).reduce((s, x) => s + (x.overageMinutes ?? 0), 0))}</td>
                <td class="number">${money(r.totals.chargeSoFar, r.currency)}</td>
              </tr>`
            : nothing}
        </tfoot>
      </table>
    </div>
  `;
}

type SubscriberRow = ReportOf<'subscribers'>['rows'][number];

/** The columns of Subscribers, each sortable. */
export const SUBSCRIBER_COLUMNS: { key: string; readonly label: string; number?: boolean; value(r: SubscriberRow): string | number }[] = [
  { key: 'account', get label() { return msg('Customer #'); }, value: (r) => r.account },
  // The location's services without a line sort after the lines.
  { key: 'subscriberNumber', get label() { return msg('Subscriber #'); }, value: (r) => r.subscriberNumber ?? '\uffff' },
  { key: 'subscriberName', get label() { return msg('Name'); }, value: (r) => r.subscriberName ?? '' },
  { key: 'location', get label() { return msg('Location'); }, value: (r) => r.location ?? '' },
  { key: 'services', get label() { return msg('Plans and add-ons'); }, value: (r) => r.services.map((s) => s.product).join(', ') },
  { key: 'quantity', get label() { return msg('Quantity'); }, number: true, value: (r) => r.quantity },
  { key: 'monthlyCharge', get label() { return msg('Monthly fixed charge'); }, number: true, value: (r) => r.monthlyCharge },
  { key: 'calls', get label() { return msg('Calls'); }, number: true, value: (r) => r.calls },
  { key: 'minutes', get label() { return msg('Minutes'); }, number: true, value: (r) => r.minutes },
  { key: 'charge', get label() { return msg('Usage charges'); }, number: true, value: (r) => r.charge },
];

export interface SortState {
  key: string;
  direction: 'ascending' | 'descending';
}

export function sortedSubscribers(rows: SubscriberRow[], sort: SortState): SubscriberRow[] {
  const column = SUBSCRIBER_COLUMNS.find((c) => c.key === sort.key) ?? SUBSCRIBER_COLUMNS[1]!;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [column.value(a), column.value(b)];
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true }));
  });
}

export function subscribersTable(r: ReportOf<'subscribers'>, sort: SortState, onSort: (key: string) => void): TemplateResult {
  const rollup = r.accounts.length > 1;
  const columns = SUBSCRIBER_COLUMNS.filter((c) => rollup || c.key !== 'account');
  const cell = (row: SubscriberRow, key: string) => {
    switch (key) {
      case 'subscriberNumber':
        return row.subscriberNumber ?? html`<span class="muted">${msg('Location services')}</span>`;
      case 'services':
        return row.services.map((s, i) => html`${i ? html`<br />` : nothing}${s.product}${s.quantity > 1 ? ` × ${s.quantity}` : ''}`);
      case 'monthlyCharge':
      case 'charge':
        return money(row[key], r.currency);
      case 'quantity':
      case 'calls':
      case 'minutes':
        return formatCount(row[key]);
      default:
        return (row as unknown as Record<string, string | null>)[key] ?? '';
    }
  };
  return html`
    <div class="table-scroll" tabindex="0" role="region" aria-label=${msg('Subscribers table')}>
      <table part="table">
        <caption class="visually-hidden">${msg('Subscribers; the column buttons sort the table')}</caption>
        <thead>
          <tr>
            ${columns.map(
              (c) => html`<th scope="col" class=${c.number ? 'number' : ''} aria-sort=${sort.key === c.key ? sort.direction : 'none'}>
                <button class="sort" type="button" @click=${() => onSort(c.key)}>
                  ${c.label}<span aria-hidden="true">${sort.key === c.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${sortedSubscribers(r.rows, sort).map((row) => html`<tr>${columns.map((c) => html`<td class=${c.number ? 'number' : c.key}>${cell(row, c.key)}</td>`)}</tr>`)}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colspan=${columns.length - 4}>${msg('Total')}</th>
            <td class="number">${money(r.totals.monthlyCharge, r.currency)}</td>
            <td class="number">${formatCount(r.totals.calls)}</td>
            <td class="number">${formatCount(r.totals.minutes)}</td>
            <td class="number">${money(r.totals.charge, r.currency)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  `;
}

export function callsTable(r: ReportOf<'usage-details'>): TemplateResult {
  const rollup = r.accounts.length > 1;
  return html`
    <div class="table-scroll" tabindex="0" role="region" aria-label=${msg('Call records table')}>
      <table part="table">
        <caption class="visually-hidden">${r.timeZone === 'UTC' ? msg('Call records by time (UTC)') : msg(str`Call records by time (time zone ${r.timeZone})`)}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Date and time')}</th>
            ${customerHead(rollup)}
            <th scope="col">${msg('Subscriber #')}</th>
            <th scope="col">${msg('From')}</th>
            <th scope="col">${msg('To')}</th>
            <th scope="col">${msg('Category')}</th>
            <th scope="col" class="number">${msg('Duration')}</th>
            <th scope="col" class="number">${msg('Billed minutes')}</th>
            <th scope="col" class="number">${msg('Charge')}</th>
          </tr>
        </thead>
        <tbody>
          ${r.rows.map(
            (c) => html`
              <tr>
                <td class="nowrap">${formatCallTime(c.startedAt)}${c.billedIn !== c.startedAt.slice(0, 7) ? html` <span class="badge" title=${msg(str`Billed in ${monthLabel(c.billedIn, true)}`)}>${msg(str`billed ${monthLabel(c.billedIn)}`)}</span>` : nothing}</td>
                ${customer(rollup, c.account)}
                <td>${c.subscriber}</td>
                <td>${c.from}</td>
                <td>${c.to}</td>
                <td>${c.category}</td>
                <td class="number">${formatDuration(c.durationSeconds)}</td>
                <td class="number">${formatCount(c.billedMinutes)}</td>
                <td class="number">${c.chargeMillicents === null ? html`<span class="muted" title=${msg('Not invoiced yet')}>—</span>` : formatMillicents(c.chargeMillicents, r.currency)}</td>
              </tr>
            `,
          )}
        </tbody>
      </table>
    </div>
  `;
}

type Ytd = ReportOf<'ytd-all-in'> | ReportOf<'ytd-fixed'> | ReportOf<'ytd-usage'>;

export function ytdTable(r: Ytd, title: string): TemplateResult {
  const allIn = r.report === 'ytd-all-in';
  return html`
    <div class="table-scroll" tabindex="0" role="region" aria-label=${msg(str`${title} table`)}>
      <table part="table">
        <caption class="visually-hidden">${msg(str`${title} by month, beside the same month last year`)}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Month')}</th>
            ${allIn ? html`<th scope="col" class="number">${msg('Fixed')}</th><th scope="col" class="number">${msg('Usage', { id: 'usage-charges' })}</th><th scope="col" class="number">${msg('Taxes and fees')}</th>` : nothing}
            <th scope="col" class="number">${allIn ? msg('All in') : msg('Amount')}</th>
            <th scope="col" class="number">${msg('Last year')}</th>
            <th scope="col" class="number">${msg('Change')}</th>
          </tr>
        </thead>
        <tbody>
          ${r.rows.map(
            (row) => html`
              <tr>
                <td>${monthLabel(row.month)}</td>
                ${'fixed' in row
                  ? html`<td class="number">${formatMoney(row.fixed, r.currency)}</td><td class="number">${formatMoney(row.usage, r.currency)}</td><td class="number">${formatMoney(row.other, r.currency)}</td>`
                  : nothing}
                <td class="number">${formatMoney(row.amount, r.currency)}</td>
                <td class="number">${formatMoney(row.lastYear, r.currency)}</td>
                <td class="number">${formatChange(row.change)}</td>
              </tr>
            `,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colspan=${allIn ? 4 : 1}>${msg('Total invoiced')}</th>
            <td class="number">${formatMoney(r.totals.amount, r.currency)}</td>
            <td class="number">${formatMoney(r.totals.lastYear, r.currency)}</td>
            <td class="number">${formatChange(r.totals.change)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
    ${r.soFar.map(
      (s) => html`<p class="so-far-note" part="so-far">
        <strong>${msg(str`${monthLabel(s.month, true)} so far:`)}</strong> ${msg(str`${formatMoney(s.amount, r.currency)}, not invoiced yet`)}
        ${allIn
          ? msg(str`(fixed ${formatMoney(s.fixed, r.currency)}, usage ${formatMoney(s.usage, r.currency)} at today’s prices, before tax).`)
          : r.report === 'ytd-usage'
            ? msg('(at today’s prices, before tax).')
            : msg('(before tax).')}
        ${msg('It is not in the totals above.')}
      </p>`,
    )}
  `;
}
