import { css } from 'lit';
import { token } from '../styles/tokens.ts';
import { pagerStyles } from '../styles/tables.ts';

export const reportStyles = css`
  /* In a grid or flex row, the tables scroll inside the panel instead of widening the page. */
  :host {
    min-width: 0;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: ${token('space-3')} ${token('space-4')};
    margin-bottom: ${token('space-4')};
  }
  .controls .spacer {
    flex: 1 1 0;
  }
  .check {
    display: flex;
    align-items: center;
    gap: ${token('space-2')};
    min-height: ${token('control-height')};
  }
  .check input {
    width: 1.125rem;
    height: 1.125rem;
  }
  .field input[type='month'] {
    min-width: 9.5rem;
  }
  .intro {
    margin: 0 0 ${token('space-4')};
  }
  .chart {
    position: relative;
    height: var(--bp-reports-chart-height, 18rem);
    margin-bottom: ${token('space-4')};
    --series-1: var(--bp-reports-series-1, ${token('color-chart-1')});
    --series-2: var(--bp-reports-series-2, ${token('color-chart-2')});
    --series-3: var(--bp-reports-series-3, ${token('color-chart-3')});
    --series-4: var(--bp-reports-series-4, ${token('color-chart-4')});
    --series-5: var(--bp-reports-series-5, ${token('color-chart-5')});
    --chart-text: ${token('color-text')};
    --chart-grid: ${token('color-border')};
    --chart-font: ${token('font-family')};
  }
  .chart canvas {
    max-width: 100%;
  }
  /* Positioned, so the visually hidden caption stays inside the scrolling box, not the page. */
  .table-scroll {
    position: relative;
    overflow-x: auto;
  }
  .table-scroll:focus-visible {
    outline: 2px solid ${token('color-focus')};
  }
  .number {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  td.number {
    white-space: nowrap;
  }
  .nowrap,
  td.subscriberNumber {
    white-space: nowrap;
  }
  /* A list of products: wide enough to read, the table scrolls instead. */
  td.services {
    min-width: 10rem;
  }
  tfoot th,
  tfoot td {
    font-weight: ${token('font-weight-bold')};
    color: ${token('color-text')};
    text-align: left;
    font-size: ${token('font-size-md')};
  }
  tfoot td.number {
    text-align: right;
  }
  tr.so-far td,
  tr.so-far th {
    font-style: italic;
  }
  .badge {
    display: inline-block;
    padding: 0 ${token('space-1')};
    border-radius: ${token('radius-sm')};
    background: ${token('color-surface')};
    color: ${token('color-text-muted')};
    font-size: ${token('font-size-sm')};
    font-style: normal;
    white-space: nowrap;
  }
  .so-far-note {
    margin: ${token('space-4')} 0 0;
    padding: ${token('space-3')} ${token('space-4')};
    border-left: 4px solid var(--bp-reports-series-5, ${token('color-chart-5')});
    background: ${token('color-surface')};
  }
  button.sort {
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
    text-align: inherit;
  }
  button.sort:hover {
    text-decoration: underline;
  }
  .summary-line {
    margin: 0 0 ${token('space-3')};
  }
  ${pagerStyles}
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: ${token('space-3')};
    margin-bottom: ${token('space-4')};
  }
  .filters .field input,
  .filters .field select {
    min-width: 0;
    width: 11rem;
  }
  .download-error {
    margin: 0 0 ${token('space-4')};
  }
  @media (max-width: 30rem) {
    .panel {
      padding: ${token('space-4')};
    }
    .controls > *,
    .filters > *,
    .filters .field input,
    .filters .field select {
      width: 100%;
    }
    .field input[type='month'] {
      min-width: 0;
      width: 100%;
    }
  }
`;
