import { useLayoutEffect, useRef } from 'react';
import type { ReactNode } from 'react';

/** Each body cell gets its column's header as `data-label`, for the card layout to show. */
function labelCells(wrap: HTMLElement) {
  for (const table of wrap.querySelectorAll('table')) {
    const headerRow = table.tHead?.rows[0];
    if (!headerRow) continue;
    const headers: string[] = [];
    for (const th of headerRow.cells) {
      for (let i = 0; i < th.colSpan; i++) headers.push(th.textContent?.trim() ?? '');
    }
    for (const body of [...table.tBodies, ...(table.tFoot ? [table.tFoot] : [])]) {
      for (const row of body.rows) {
        let column = 0;
        for (const cell of row.cells) {
          // A cell across the whole row (an empty list, a form opened under a row) needs no label.
          const label = cell.colSpan >= headers.length ? '' : (headers[column] ?? '');
          if (label && cell.tagName === 'TD') {
            if (cell.dataset.label !== label) cell.dataset.label = label;
          } else if (cell.dataset.label !== undefined) {
            delete cell.dataset.label;
          }
          column += cell.colSpan;
        }
      }
    }
  }
}

/**
 * A table that becomes a list of cards on a narrow screen (under 40rem): one card per row, its
 * row header as the title and each cell under its column's name, taken from the table's own
 * header (kept up to date as rows come and go). From 40rem it is the plain table, scrolling
 * inside its frame if it must. Wrap every `.table` in it; the table itself stays as it is.
 */
export function ResponsiveTable({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const wrap = ref.current;
    if (!wrap) return;
    labelCells(wrap);
    // Cells are labelled from the DOM, so rows React adds or rewrites later are labelled too.
    const observer = new MutationObserver(() => labelCells(wrap));
    observer.observe(wrap, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="table-wrap table-cards">
      {children}
    </div>
  );
}
