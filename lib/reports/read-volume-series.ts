import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { conversationScope } from './report-filters';
import type { ReportPeriod } from './report-period';
import { REPORT_CHANNELS, type TReportFilters } from './report-query';
import { bucketsCte, toNumber, within } from './report-sql';

export type VolumePoint = { bucket: string } & Record<(typeof REPORT_CHANNELS)[number], number>;

/** Conversations opened per hour or day, by channel (the stacked volume chart). */
export async function readVolumeSeries({ period, filters }: { period: ReportPeriod; filters: TReportFilters }): Promise<VolumePoint[]> {
  const rows = await db.$queryRaw<{ bucket: string; channel: string | null; count: unknown }[]>(Prisma.sql`
    WITH ${bucketsCte(period)}
    SELECT b.label AS bucket, c."channel"::text AS channel, count(c."sid") AS count
    FROM buckets b
    LEFT JOIN "ConversationIndex" c ON c."createdAt" >= b.starts AND c."createdAt" < b.ends
      AND ${conversationScope(filters)} AND ${within(Prisma.sql`c."createdAt"`, period.from, period.to)}
    GROUP BY b.label, c."channel"
    ORDER BY b.label
  `);
  const points = new Map<string, VolumePoint>();
  for (const row of rows) {
    const point = points.get(row.bucket) ?? { bucket: row.bucket, SMS: 0, WHATSAPP: 0, CHAT: 0, GROUP: 0 };
    if (row.channel) point[row.channel as keyof Omit<VolumePoint, 'bucket'>] = toNumber(row.count) ?? 0;
    points.set(row.bucket, point);
  }
  return [...points.values()];
}
