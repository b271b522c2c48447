import { css, unsafeCSS } from 'lit';
import { token } from './tokens.ts';

/** Buttons, fields, alerts, tables and panels as every element of the kit draws them. */
export const controlStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: ${token('space-2')};
    min-height: ${token('control-height')};
    padding: ${token('space-2')} ${token('space-4')};
    border: 1px solid ${token('color-primary')};
    border-radius: ${token('radius-sm')};
    background: ${token('color-primary')};
    color: ${token('color-on-primary')};
    font: inherit;
    font-weight: ${token('font-weight-bold')};
    cursor: pointer;
  }
  .button:hover:not(:disabled) {
    background: ${token('color-primary-hover')};
    border-color: ${token('color-primary-hover')};
  }
  .button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  .button.secondary {
    background: transparent;
    color: ${token('color-primary')};
  }
  .button.secondary:hover:not(:disabled) {
    background: ${token('color-surface')};
    color: ${token('color-primary-hover')};
  }
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: ${token('color-primary')};
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .field {
    display: grid;
    gap: ${token('space-1')};
    min-width: 0;
  }
  .field label {
    font-weight: ${token('font-weight-bold')};
  }
  .field input,
  .field select {
    width: 100%;
    min-width: 0;
    min-height: ${token('control-height')};
    padding: ${token('space-2')} ${token('space-3')};
    border: 1px solid ${token('color-border-strong')};
    border-radius: ${token('radius-sm')};
    background: ${token('color-surface-raised')};
    color: ${token('color-text')};
    font: inherit;
  }
  .field input[aria-invalid='true'] {
    border-color: ${token('color-danger')};
  }
  .field .hint {
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-sm')};
  }
  .field .field-error {
    color: ${token('color-danger')};
    font-size: ${token('font-size-sm')};
  }
  .alert {
    padding: ${token('space-3')} ${token('space-4')};
    border-radius: ${token('radius-sm')};
    border-left: 4px solid ${token('color-danger')};
    background: ${token('color-danger-surface')};
    color: ${token('color-text')};
  }
  .alert.info {
    border-left-color: ${token('color-primary')};
    background: ${token('color-surface')};
  }
  .alert:empty {
    display: none;
  }
  .panel {
    padding: ${token('space-6')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-md')};
    background: ${token('color-surface-raised')};
    overflow-wrap: break-word;
  }
  @container (max-width: 30rem) {
    .panel {
      padding: ${token('space-4')};
    }
  }
  .muted {
    color: ${token('color-text-muted')};
  }
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
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
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
