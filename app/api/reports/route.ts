import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { parseReportRequest } from '@/lib/reports/parse-report-request';
import { readReport } from '@/lib/reports/read-report';

/** GET ?range=…&tz=…&channel=…: every figure of the reports page, as JSON. */
export const GET = withSession({ roles: SUPERVISOR_ROLES }, async ({ req }) => {
  const { period, filters } = parseReportRequest(req.nextUrl);
  return NextResponse.json({ period: { from: period.from, to: period.to, tz: period.tz, granularity: period.granularity }, ...(await readReport({ period, filters })) });
});
