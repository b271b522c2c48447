import { css, unsafeCSS } from 'lit';
import { token } from './tokens.ts';

/** A table's base look: full width, ruled rows, muted headings. */
export const tableBaseStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: ${token('space-2')} ${token('space-3')};
    border-bottom: 1px solid ${token('color-border')};
    text-align: left;
    vertical-align: top;
  }
  th {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-sm')};
    font-weight: ${token('font-weight-bold')};
  }
  /* A box that scrolls clips what sticks out of it: inside one, the focus ring is drawn within the control. */
  .table-scroll :focus-visible {
    outline-offset: -2px;
  }
`;

/**
 * `<table class="stack">` on a narrow widget (a phone): each row becomes a block of
 * "label  value" lines, the label from the cell's `data-label`, so no column is cut off and
 * nothing scrolls sideways. The table keeps its roles (set in the markup) for screen readers.
 * Child selectors only: a table inside a cell (an invoice's lines) stays a table. `below` is
 * the widget's width under which it stacks: a table of many columns needs more room.
 */
export const stackedTable = (below: `${number}rem` = '40rem') => css`
  @container (max-width: ${unsafeCSS(below)}) {
    table.stack,
    table.stack > tbody,
    table.stack > tbody > tr,
    table.stack > tbody > tr > td {
      display: block;
    }
    table.stack > thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    table.stack > tbody > tr {
      padding: ${token('space-2')} 0;
      border-bottom: 1px solid ${token('color-border')};
    }
    table.stack > tbody > tr > td {
      padding: ${token('space-1')} 0;
      border: 0;
    }
    table.stack > tbody > tr > td[data-label] {
      display: grid;
      grid-template-columns: minmax(6rem, 38%) minmax(0, 1fr);
      gap: ${token('space-3')};
      align-items: baseline;
      justify-items: start;
      text-align: left;
    }
    table.stack > tbody > tr > td[data-label]::before {
      content: attr(data-label);
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-sm')};
      font-weight: ${token('font-weight-bold')};
    }
  }
`;

export const stackedTableStyles = stackedTable();

/** The Previous · Page n of m · Next bar under a paged table (base/pager.ts, and the reports' own). */
export const pagerStyles = css`
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: ${token('space-3')};
    margin-top: ${token('space-4')};
  }
`;

/** What the data tables share: a box that scrolls sideways inside the panel, cells that do not wrap, right-aligned figures, status badges, the pager under them (base/pager.ts). */
export const tableStyles = css`
  /* Positioned, so the visually hidden caption stays inside the scrolling box, not the page. */
  .table-scroll {
    position: relative;
    overflow-x: auto;
  }
  .nowrap {
    white-space: nowrap;
  }
  .number {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  /* A row's status as a badge (Open, Paid, Closed…); each list gives its statuses their tones. */
  .status {
    display: inline-block;
    padding: 0 ${token('space-2')};
    border-radius: ${token('radius-sm')};
    font-size: ${token('font-size-sm')};
    font-weight: ${token('font-weight-bold')};
    white-space: nowrap;
    background: ${token('color-surface')};
  }
  ${pagerStyles}
`;
