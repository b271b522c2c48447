import { css } from 'lit';
import { token } from '../styles/tokens.ts';

/** What the ticket elements share: status pills, the ticket tables (stacked on phones), forms. */
export const ticketStyles = css`
  /* In a grid (the portal's main area) the element may shrink to the screen; its content wraps. */
  :host {
    min-width: 0;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: ${token('space-3')};
    margin-bottom: ${token('space-4')};
  }
  .head h2 {
    margin: 0;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: ${token('space-4')};
    margin-bottom: ${token('space-4')};
  }
  .filters form {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: ${token('space-2')};
    max-width: 100%;
  }
  .filters .field {
    max-width: 100%;
  }
  .filters .field input {
    width: 14rem;
    max-width: 100%;
  }
  .count {
    margin: 0 0 ${token('space-2')};
  }
  .status {
    display: inline-block;
    padding: 0 ${token('space-2')};
    border-radius: ${token('radius-sm')};
    font-size: ${token('font-size-sm')};
    font-weight: ${token('font-weight-bold')};
    white-space: nowrap;
    background: ${token('color-surface')};
  }
  .status.open {
    color: ${token('color-primary')};
  }
  .status.pending_customer {
    color: ${token('color-warning')};
    background: ${token('color-warning-surface')};
  }
  .status.resolved {
    color: ${token('color-success')};
  }
  .status.closed {
    color: ${token('color-text-muted')};
  }
  .unread-mark {
    display: inline-block;
    margin-left: ${token('space-2')};
    padding: 0 ${token('space-2')};
    border-radius: ${token('radius-sm')};
    background: ${token('color-primary')};
    color: ${token('color-on-primary')};
    font-size: ${token('font-size-sm')};
    font-weight: ${token('font-weight-bold')};
    white-space: nowrap;
  }
  tr.unread td {
    font-weight: ${token('font-weight-bold')};
  }
  tr.ticket {
    cursor: pointer;
  }
  tr.ticket:hover td {
    background: var(--bp-tickets-row-hover, ${token('color-surface')});
  }
  td.subject {
    min-width: 10rem;
    overflow-wrap: anywhere;
  }
  .unread-mark {
    vertical-align: middle;
  }
  .table-scroll {
    overflow-x: auto;
  }
  .account-name {
    display: block;
    font-size: ${token('font-size-sm')};
    font-weight: normal;
  }
  .nowrap {
    white-space: nowrap;
  }
  .pager {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: ${token('space-3')};
    margin-top: ${token('space-4')};
  }
  .back {
    margin: 0 0 ${token('space-4')};
  }
  textarea {
    min-height: 8rem;
    padding: ${token('space-2')} ${token('space-3')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius-sm')};
    background: ${token('color-surface-raised')};
    color: ${token('color-text')};
    font: inherit;
    resize: vertical;
  }
  textarea[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: ${token('color-danger')};
  }
  .field.files input {
    min-height: auto;
    padding: ${token('space-1')} 0;
    border: 0;
    background: none;
    max-width: 100%;
  }
  /* Fields shrink with the screen: a long option or file name never widens the form. */
  .field {
    grid-template-columns: minmax(0, 1fr);
    min-width: 0;
  }
  .field select,
  .field textarea {
    max-width: 100%;
  }
  ul.chosen {
    margin: 0;
    padding-left: ${token('space-4')};
  }
  ul.chosen li {
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-3')};
  }
  @media (max-width: 30rem) {
    .panel {
      padding: ${token('space-4')};
    }
    /* The filters two by two, the search below them. */
    .filters {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: ${token('space-3')};
    }
    .filters select {
      width: 100%;
    }
    .filters form {
      grid-column: 1 / -1;
    }
  }
  /* Phones and tablets: each ticket row becomes a card whose cells name their column. */
  @media (max-width: 56rem) {
    table.stack thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    table.stack,
    table.stack tbody,
    table.stack tr,
    table.stack td {
      display: block;
    }
    table.stack tr {
      padding: ${token('space-2')} 0;
      border-bottom: 1px solid ${token('color-border')};
    }
    table.stack td.subject {
      min-width: 0;
    }
    table.stack td {
      display: grid;
      grid-template-columns: 7.5rem minmax(0, 1fr);
      gap: ${token('space-2')};
      min-width: 0;
      padding: ${token('space-1')} 0;
      border: 0;
    }
    table.stack td > * {
      justify-self: start;
      max-width: 100%;
    }
    table.stack .status {
      white-space: normal;
    }
    table.stack td.none {
      display: none;
    }
    table.stack td::before {
      content: attr(data-label);
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-sm')};
      font-weight: ${token('font-weight-bold')};
    }
  }
`;
