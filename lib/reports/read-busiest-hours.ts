import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { conversationInScope } from './report-filters';
import type { ReportPeriod } from './report-period';
import type { TReportFilters } from './report-query';
import { local, toNumber, within } from './report-sql';

/** Customer messages per weekday (1 = Monday … 7 = Sunday) and hour (0–23), in the report's zone. */
export type BusiestHours = { counts: number[][]; max: number };

export async function readBusiestHours({ period, filters }: { period: ReportPeriod; filters: TReportFilters }): Promise<BusiestHours> {
  // Counted by local hour first, so each message is converted to the zone once and the
  // weekday and hour are read from the few hour buckets rather than from every message.
  const rows = await db.$queryRaw<{ weekday: number; hour: number; count: unknown }[]>(Prisma.sql`
    SELECT EXTRACT(ISODOW FROM hours.local_hour)::int AS weekday, EXTRACT(HOUR FROM hours.local_hour)::int AS hour, sum(hours.n) AS count
    FROM (
      SELECT date_trunc('hour', ${local(Prisma.sql`m."createdAt"`, period.tz)}) AS local_hour, count(*) AS n
      FROM "MessageIndex" m
      WHERE m."direction" = 'INBOUND' AND ${conversationInScope(filters, Prisma.sql`m."conversationSid"`)} AND ${within(Prisma.sql`m."createdAt"`, period.from, period.to)}
      GROUP BY 1
    ) hours
    GROUP BY 1, 2
  `);
  const counts = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  let max = 0;
  for (const row of rows) {
    const count = toNumber(row.count) ?? 0;
    counts[row.weekday - 1]![row.hour] = count;
    max = Math.max(max, count);
  }
  return { counts, max };
}
