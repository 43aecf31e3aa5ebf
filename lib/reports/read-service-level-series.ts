import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { readServiceLevelTargets } from '@/lib/supervision/team-settings';
import { firstResponseVerdict } from './metric-definitions';
import type { ReportPeriod } from './report-period';
import { conversationScope } from './report-filters';
import type { TReportFilters } from './report-query';
import { bucketsCte, toNumber, within } from './report-sql';

export type ServiceLevelPoint = { bucket: string; met: number; missed: number; attainment: number | null };

/** First-response service level per hour or day of the customers' first messages. */
export async function readServiceLevelSeries({ period, filters }: { period: ReportPeriod; filters: TReportFilters }): Promise<ServiceLevelPoint[]> {
  const { firstResponseSeconds } = await readServiceLevelTargets();
  const verdict = firstResponseVerdict(firstResponseSeconds, new Date(Math.min(period.now.getTime(), period.to.getTime())));
  const rows = await db.$queryRaw<{ bucket: string; met: unknown; missed: unknown }[]>(Prisma.sql`
    WITH ${bucketsCte(period)}
    SELECT b.label AS bucket, count(c."sid") FILTER (WHERE ${verdict.met}) AS met, count(c."sid") FILTER (WHERE ${verdict.missed}) AS missed
    FROM buckets b
    LEFT JOIN "ConversationIndex" c ON c."firstInboundAt" >= b.starts AND c."firstInboundAt" < b.ends
      AND ${conversationScope(filters)} AND ${within(Prisma.sql`c."firstInboundAt"`, period.from, period.to)}
    GROUP BY b.label
    ORDER BY b.label
  `);
  return rows.map((row) => {
    const met = toNumber(row.met) ?? 0;
    const missed = toNumber(row.missed) ?? 0;
    return { bucket: row.bucket, met, missed, attainment: met + missed > 0 ? met / (met + missed) : null };
  });
}
