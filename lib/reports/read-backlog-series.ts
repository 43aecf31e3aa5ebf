import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { resolvedBy } from './metric-definitions';
import { conversationScope } from './report-filters';
import type { ReportPeriod } from './report-period';
import type { TReportFilters } from './report-query';
import { at, bucketOf, bucketsCte, toNumber, within } from './report-sql';

export type BacklogPoint = { bucket: string; open: number; queued: number };

// Queue entries and exits from the assignment history: a conversation joins the queue with an
// entry that gives it to nobody (other than resolving it), and leaves it with the next entry.
const QUEUE_ENTRY = Prisma.sql`(a."toUserId" IS NULL AND a."reason" <> 'RESOLVED')`;
const RESOLVED_AT = Prisma.sql`COALESCE(c."resolvedAt", c."updatedAt")`;

/**
 * Open and queued conversations at the end of each hour or day. Counted as a running total —
 * the backlog when the period starts, plus what opened or joined the queue, minus what was
 * resolved or left it, bucket by bucket — so no bucket rescans the history: each change is
 * labelled with its bucket once and summed by label.
 */
export async function readBacklogSeries({ period, filters }: { period: ReportPeriod; filters: TReportFilters }): Promise<BacklogPoint[]> {
  const scope = conversationScope(filters);
  const rows = await db.$queryRaw<{ bucket: string; open: unknown; queued: unknown }[]>(Prisma.sql`
    WITH ${bucketsCte(period)},
    open_at_start AS (
      SELECT count(*) AS n FROM "ConversationIndex" c WHERE ${scope} AND c."createdAt" < ${at(period.from)} AND NOT ${resolvedBy(period.from)}
    ),
    open_events AS (
      SELECT ${bucketOf(Prisma.sql`c."createdAt"`, period)} AS label, 1 AS delta
      FROM "ConversationIndex" c WHERE ${scope} AND ${within(Prisma.sql`c."createdAt"`, period.from, period.to)}
      UNION ALL
      SELECT ${bucketOf(RESOLVED_AT, period)}, -1
      FROM "ConversationIndex" c WHERE ${scope} AND c."state" = 'CLOSED' AND ${within(RESOLVED_AT, period.from, period.to)}
    ),
    open_changes AS (
      SELECT b.label, COALESCE(sum(e.delta), 0) AS delta
      FROM buckets b LEFT JOIN open_events e ON e.label = b.label
      GROUP BY b.label
    ),
    queue_moves AS (
      SELECT a."createdAt",
        (CASE WHEN ${QUEUE_ENTRY} THEN 1 ELSE 0 END)
        - (CASE WHEN lag(${QUEUE_ENTRY}, 1, false) OVER (PARTITION BY a."conversationSid" ORDER BY a."createdAt", a."id") THEN 1 ELSE 0 END) AS delta
      FROM "Assignment" a JOIN "ConversationIndex" c ON c."sid" = a."conversationSid"
      WHERE ${scope} AND a."createdAt" < ${at(period.to)} AND c."createdAt" < ${at(period.to)}
        AND NOT ${resolvedBy(period.from)}
    ),
    queued_at_start AS (
      SELECT COALESCE(sum(delta), 0) AS n FROM queue_moves WHERE "createdAt" < ${at(period.from)}
    ),
    queue_changes AS (
      SELECT b.label, COALESCE(sum(q.delta), 0) AS delta
      FROM buckets b LEFT JOIN (
        SELECT ${bucketOf(Prisma.sql`"createdAt"`, period)} AS label, delta FROM queue_moves WHERE ${within(Prisma.sql`"createdAt"`, period.from, period.to)}
      ) q ON q.label = b.label
      GROUP BY b.label
    )
    SELECT o.label AS bucket,
      (SELECT n FROM open_at_start) + sum(o.delta) OVER (ORDER BY o.label) AS open,
      (SELECT n FROM queued_at_start) + sum(q.delta) OVER (ORDER BY o.label) AS queued
    FROM open_changes o JOIN queue_changes q ON q.label = o.label
    ORDER BY o.label
  `);
  return rows.map((row) => ({ bucket: row.bucket, open: toNumber(row.open) ?? 0, queued: toNumber(row.queued) ?? 0 }));
}
