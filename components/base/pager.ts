import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';

/** One page of a paged list, as the API answers it. */
export interface PageOf {
  /** 1-based. */
  page: number;
  pageSize: number;
  /** Rows in the whole list. */
  total: number;
}

/** The rows a page shows (1-based, `rows` of them on this page) and how many pages there are. */
export function pageRange({ page, pageSize, total }: PageOf, rows: number) {
  const first = (page - 1) * pageSize + 1;
  return { first, last: first + rows - 1, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** "Showing 13–24 of 30": which rows of the list the page shows. */
export function showingRows(current: PageOf, rows: number): string {
  const { first, last } = pageRange(current, rows);
  return msg(str`Showing ${first}–${last} of ${current.total}`);
}

/**
 * The Previous · Page n of m · Next bar under a paged table (`label` names it for screen
 * readers, e.g. "Invoice pages"); nothing when the list fits on one page. Styled by
 * `tableStyles` (styles/tables.ts).
 */
export function pager(current: PageOf, label: string, goTo: (page: number) => void) {
  const { pages } = pageRange(current, 0);
  if (pages <= 1) return nothing;
  return html`
    <nav class="pager" part="pager" aria-label=${label}>
      <button class="button secondary" type="button" ?disabled=${current.page <= 1} @click=${() => goTo(current.page - 1)}>${msg('Previous')}</button>
      <span>${msg(str`Page ${current.page} of ${pages}`)}</span>
      <button class="button secondary" type="button" ?disabled=${current.page >= pages} @click=${() => goTo(current.page + 1)}>${msg('Next')}</button>
    </nav>
  `;
}
