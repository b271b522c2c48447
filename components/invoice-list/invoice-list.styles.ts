import { css } from 'lit';
import { token } from '../styles/tokens.ts';

export const invoiceListStyles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: ${token('space-4')};
    margin-bottom: ${token('space-4')};
  }
  .count {
    margin: 0 0 0 auto;
  }
  tr.invoice {
    cursor: pointer;
  }
  tr.invoice:hover td {
    background: var(--bp-invoice-list-row-hover, ${token('color-surface')});
  }
  tr.invoice td {
    padding-block: var(--bp-invoice-list-row-gap, ${token('space-2')});
  }
  /* A date never breaks at its dashes. */
  tr.invoice td:first-child {
    white-space: nowrap;
  }
  .status.open {
    color: ${token('color-primary')};
  }
  .status.past_due {
    color: ${token('color-danger')};
    background: ${token('color-danger-surface')};
  }
  .status.paid {
    color: ${token('color-success')};
  }
  tr.details > td {
    padding: ${token('space-4')};
    background: ${token('color-surface')};
  }
  table.lines th,
  table.lines td {
    padding: ${token('space-1')} ${token('space-2')};
  }
  table.lines tr.group th {
    padding-top: ${token('space-3')};
    color: ${token('color-text')};
  }
  table.lines tfoot th {
    text-align: right;
    font-weight: normal;
    color: ${token('color-text')};
    font-size: ${token('font-size-md')};
    border: 0;
  }
  table.lines tfoot td {
    border: 0;
  }
  table.lines tfoot tr.strong > * {
    font-weight: ${token('font-weight-bold')};
  }
  .due {
    margin: ${token('space-2')} 0 0;
    font-size: ${token('font-size-sm')};
  }
  .question {
    font-size: ${token('font-size-sm')};
  }
  .download-error {
    margin-bottom: ${token('space-4')};
  }
`;
