import { z } from 'zod';
import { EXPORT_TABLE_NAMES } from './export/export-tables';
import { resolvePeriod, type ReportPeriod } from './report-period';
import { searchParamsInput, type TReportFilters, ZReportQuery } from './report-query';

const ZTable = z.enum(EXPORT_TABLE_NAMES as [string, ...string[]], `Choose one of: ${EXPORT_TABLE_NAMES.join(', ')}.`);

/** A report API request's query string → its period and filters (a ZodError, so a 422, when invalid). */
export function parseReportRequest(url: URL, now = new Date()): { period: ReportPeriod; filters: TReportFilters; table: string | null } {
  const input = searchParamsInput(url.searchParams);
  const { table, ...rest } = input;
  const query = ZReportQuery.parse(rest);
  return { period: resolvePeriod(query, now), filters: query, table: table === undefined ? null : ZTable.parse(table) };
}
