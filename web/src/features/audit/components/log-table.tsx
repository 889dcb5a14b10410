import type { ReactNode } from 'react';
import { ResponsiveTable } from '@/components/responsive-table';
import { useLocale } from '@/hooks/use-locale';
import { formatDateTime } from '@/lib/format';

/**
 * A log as a table, newest as given: its hidden caption, the headings (the first one of the
 * moment), a row saying it is empty when it is, else a row an entry: the moment it happened,
 * then the cells the log gives it.
 */
export function LogTable<E extends { id: string; at: string }>({
  entries,
  testId,
  caption,
  headings,
  empty,
  cells,
}: {
  entries: readonly E[];
  testId: string;
  caption: string;
  headings: readonly string[];
  empty: string;
  cells: (entry: E) => ReactNode;
}) {
  const locale = useLocale();
  return (
    <ResponsiveTable>
      <table className="table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {headings.map((heading) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.length === 0 && (
            <tr>
              <td colSpan={headings.length} className="table__empty">
                {empty}
              </td>
            </tr>
          )}
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="nowrap">
                <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
              </td>
              {cells(entry)}
            </tr>
          ))}
        </tbody>
      </table>
    </ResponsiveTable>
  );
}
