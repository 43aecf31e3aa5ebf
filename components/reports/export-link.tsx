/** A link that downloads one of the report's tables as CSV, for the same view. */
export function ExportLink({ table, search, label = 'Download CSV' }: { table: string; search: URLSearchParams; label?: string }) {
  const params = new URLSearchParams(search);
  params.set('table', table);
  return (
    <a href={`/api/reports/export?${params.toString()}`} download data-testid={`export-${table}`} className="text-xs font-medium text-indigo-700 hover:underline">
      {label}
    </a>
  );
}
