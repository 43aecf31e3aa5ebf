import { AppError } from '@/lib/api/app-error';
import { withSession } from '@/lib/api/with-session';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { EXPORT_TABLES, type ExportTableName } from '@/lib/reports/export/export-tables';
import { streamCsv } from '@/lib/reports/export/stream-csv';
import { parseReportRequest } from '@/lib/reports/parse-report-request';

/** GET ?table=agents&range=…: one of the report's tables as CSV, for the same range and filters. */
export const GET = withSession({ roles: SUPERVISOR_ROLES }, async ({ req }) => {
  const { period, filters, table } = parseReportRequest(req.nextUrl);
  if (!table) throw new AppError('invalid_request', 'Say which table to export (?table=…).');
  const { columns, pages } = EXPORT_TABLES[table as ExportTableName];
  const filename = `switchboard-${table}-${period.firstDay}-to-${period.lastDay}.csv`;
  return new Response(streamCsv(columns, pages({ period, filters })), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' },
  });
});
