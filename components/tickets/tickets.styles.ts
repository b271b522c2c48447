import { css, unsafeCSS } from 'lit';
import { fieldStyles } from '../styles/fields.ts';
import { stackedTable, tableBaseStyles, tableStyles } from '../styles/tables.ts';
import { linkButtonStyles } from '../styles/link-button.ts';
import { token } from '../styles/tokens.ts';

const TICKET_TABLE_STACKS_BELOW = '56rem';

/** What the ticket elements share: status pills, the ticket tables (stacked on phones), forms. */
export const ticketStyles = css`
  ${fieldStyles}
  ${tableBaseStyles}
  ${linkButtonStyles}
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
  .account-name {
    display: block;
    font-size: ${token('font-size-sm')};
    font-weight: normal;
  }
  .back {
    margin: 0 0 ${token('space-4')};
  }
  textarea {
    min-height: 8rem;
    padding: ${token('space-2')} ${token('space-3')};
    border: 1px solid ${token('color-border-strong')};
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
  /* A narrow widget (a phone, a sidebar): the filters two by two, the search below them. */
  @container (max-width: 30rem) {
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
  /* The ticket tables have many columns: each row becomes a card below 56rem, not 40rem. */
  ${stackedTable(TICKET_TABLE_STACKS_BELOW)}
  ${tableStyles}
  @container (max-width: ${unsafeCSS(TICKET_TABLE_STACKS_BELOW)}) {
    table.stack td.subject {
      min-width: 0;
    }
    table.stack .status {
      white-space: normal;
    }
    /* A ticket about no subscriber leaves out the empty Subscriber lines. */
    table.stack > tbody > tr > td.none[data-label] {
      display: none;
    }
  }
`;
