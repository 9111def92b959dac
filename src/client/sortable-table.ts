/**
 * Sortable browse tables: turns each column header into a button that sorts
 * the rows by the cells' data-sort-value (or their text), and updates aria-sort. Without this
 * script the table is simply shown in name order.
 */

export type Direction = 'ascending' | 'descending';

/** Compare two sort values: numbers numerically, empty values last, text by the page's locale. */
export function compareSortValues(a: string, b: string, dir: Direction, locale: string): number {
  if (!a && !b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  const na = Number(a);
  const nb = Number(b);
  const base = !Number.isNaN(na) && !Number.isNaN(nb) ? na - nb : a.localeCompare(b, locale, { numeric: true });
  return dir === 'ascending' ? base : -base;
}

export function makeSortable(table: HTMLTableElement, label: (column: string) => string): void {
  const headers = [...table.tHead!.rows[0]!.cells];
  const body = table.tBodies[0]!;
  const locale = document.documentElement.lang;
  headers.forEach((th, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.textContent = th.textContent ?? '';
    button.setAttribute('aria-label', label(button.textContent));
    th.replaceChildren(button);
    button.addEventListener('click', () => {
      const dir: Direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      headers.forEach((h) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', dir);
      const rows = [...body.rows];
      // A cell without a sort key sorts by its text (the build leaves the key out when it is the text).
      const value = (row: HTMLTableRowElement) => row.cells[index]?.dataset.sortValue ?? row.cells[index]?.textContent?.trim() ?? '';
      rows.sort((a, b) => compareSortValues(value(a), value(b), dir, locale));
      body.append(...rows);
    });
  });
}
