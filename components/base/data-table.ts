import { html, nothing, type TemplateResult } from 'lit';

/** A column of a data table. */
export interface Column<R> {
  /** Its heading, which also labels each of its cells when the table stacks on a narrow screen. */
  heading: string;
  cell(row: R): unknown;
  /** Classes of its heading and cells (`number` aligns figures right, `nowrap`). */
  class?: string;
  /** More classes of one row's cell (`past-due`). */
  cellClass?(row: R): string;
  /** The heading is for screen readers only and the cells carry no label (a column of buttons). */
  quiet?: boolean;
}

export interface DataTable<R> {
  /** What the table is, for screen readers. */
  caption: string;
  columns: Column<R>[];
  rows: readonly R[];
  /** The table's part and classes (default `table`, and `stack`: it stacks on a narrow screen). */
  part?: string;
  className?: string;
  rowClass?(row: R): string;
  /** A click anywhere on a row does this (a click on a button in it is the button's). */
  onRowClick?(row: R): void;
  /** An opened row's details, on a row of their own under it. */
  details?(row: R): { id: string; content: unknown } | null;
}

/**
 * The kit's data tables (payments, invoices, tickets, services, sub-accounts): a caption for
 * screen readers, a heading per column and the cells labelled for the stacked layout
 * (tables.ts stackedTable). Roles are explicit: stacked cells change `display`, which makes
 * browsers drop a table's semantics.
 */
export function dataTable<R>(t: DataTable<R>): TemplateResult {
  const classOf = (column: Column<R>, row: R) => [column.class, column.cellClass?.(row)].filter(Boolean).join(' ') || nothing;
  const rowClick = (row: R) => (t.onRowClick ? (e: Event) => (e.target as Element).closest('button') || t.onRowClick!(row) : nothing);
  return html`<table part=${t.part ?? 'table'} class=${t.className ?? 'stack'} role="table">
    <caption class="visually-hidden">${t.caption}</caption>
    <thead role="rowgroup">
      <tr role="row">
        ${t.columns.map(
          (c) => html`<th scope="col" role="columnheader" class=${c.class ?? nothing}>${c.quiet ? html`<span class="visually-hidden">${c.heading}</span>` : c.heading}</th>`,
        )}
      </tr>
    </thead>
    <tbody role="rowgroup">
      ${t.rows.map((row) => {
        const details = t.details?.(row);
        return html`<tr role="row" class=${t.rowClass?.(row) || nothing} @click=${rowClick(row)}>
            ${t.columns.map((c) => html`<td role="cell" data-label=${c.quiet ? nothing : c.heading} class=${classOf(c, row)}>${c.cell(row)}</td>`)}
          </tr>
          ${details ? html`<tr class="details" role="row" id=${details.id}><td role="cell" colspan=${t.columns.length}>${details.content}</td></tr>` : nothing}`;
      })}
    </tbody>
  </table>`;
}

/** A data table in a box that scrolls sideways inside its panel when it is wider. */
export const scrollingTable = <R>(t: DataTable<R>): TemplateResult => html`<div class="table-scroll">${dataTable(t)}</div>`;
