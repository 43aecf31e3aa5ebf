import { resolvePeriod, type ReportPeriod } from './report-period';
import { searchParamsInput, type TReportQuery, ZReportQuery } from './report-query';

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A reports page's URL → what to show. A bad query (a typo in a shared link) shows the default
 * view with the reason, rather than an error page.
 */
export function readPageQuery(searchParams: SearchParams, now = new Date()): { query: TReportQuery; period: ReportPeriod; error: string | null; hasTimeZone: boolean } {
  const parsed = ZReportQuery.safeParse(searchParamsInput(searchParams));
  const query = parsed.success ? parsed.data : ZReportQuery.parse({});
  const error = parsed.success ? null : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`).join('; ');
  return { query, period: resolvePeriod(query, now), error, hasTimeZone: typeof searchParams.tz === 'string' };
}
