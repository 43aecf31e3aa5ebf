import type { ReactNode } from 'react';

/**
 * A chart with its title and description, and the numbers behind it in a table that screen
 * readers (and anyone who wants exact figures) can open.
 */
export function ChartFigure({ id, title, description, table, children }: { id: string; title: string; description: string; table: ReactNode; children: ReactNode }) {
  return (
    <figure aria-labelledby={`${id}-title`} aria-describedby={`${id}-description`} data-testid={`chart-${id}`} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <figcaption>
        <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
          {title}
        </h3>
        <p id={`${id}-description`} className="text-xs text-slate-600">
          {description}
        </p>
      </figcaption>
      <div className="mt-3 h-64 w-full">{children}</div>
      <details className="mt-2 text-xs">
        <summary className="cursor-pointer text-slate-600">Show the numbers</summary>
        <div className="mt-2 max-h-64 overflow-auto">{table}</div>
      </details>
    </figure>
  );
}

/** A small plain table: the numbers behind a chart. */
export function NumbersTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: (string | number)[][] }) {
  return (
    <table className="w-full text-left">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col" className="border-b border-slate-200 px-2 py-1 font-medium text-slate-600">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={String(row[0])}>
            {row.map((cell, index) =>
              index === 0 ? (
                <th key={index} scope="row" className="px-2 py-0.5 font-normal">
                  {cell}
                </th>
              ) : (
                <td key={index} className="px-2 py-0.5 tabular-nums">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
