import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { resolvedBy } from './metric-definitions';
import { conversationScope } from './report-filters';
import type { ReportPeriod } from './report-period';
import type { TReportFilters } from './report-query';
import { at, bucketLabel, bucketsCte, local, toNumber, unit, within } from './report-sql';

export type BacklogPoint = { bucket: string; open: number; queued: number };

// Queue entries and exits from the assignment history: a conversation joins the queue with an
// entry that gives it to nobody (other than resolving it), and leaves it with the next entry.
const QUEUE_ENTRY = Prisma.sql`(a."toUserId" IS NULL AND a."reason" <> 'RESOLVED')`;
const RESOLVED_AT = Prisma.sql`COALESCE(c."resolvedAt", c."updatedAt")`;

/**
 * Open and queued conversations at the end of each hour or day. Counted as a running total —
 * the backlog when the period starts, plus what opened or joined the queue, minus what was
 * resolved or left it, bucket by bucket — so no bucket rescans the history: the changes are
 * summed by local bucket first, and only the buckets are labelled.
 */
export async function readBacklogSeries({ period, filters }: { period: ReportPeriod; filters: TReportFilters }): Promise<BacklogPoint[]> {
  const scope = conversationScope(filters);
  const { from, to } = period;
  const rows = await db.$queryRaw<{ bucket: string; open: unknown; queued: unknown }[]>(Prisma.sql`
    WITH ${bucketsCte(period)},
    open_at_start AS (
      SELECT count(*) AS n FROM "ConversationIndex" c WHERE ${scope} AND c."createdAt" < ${at(from)} AND NOT ${resolvedBy(from)}
    ),
    -- Each stay in the queue: the entry and the next entry of that conversation's history,
    -- which ends it (found through the history's index, entry by entry, rather than by
    -- ordering the whole history).
    queue_stays AS (
      SELECT a."createdAt" AS entered, next."createdAt" AS left_at
      FROM "Assignment" a
      JOIN "ConversationIndex" c ON c."sid" = a."conversationSid"
      LEFT JOIN LATERAL (
        SELECT n."createdAt" FROM "Assignment" n
        WHERE n."conversationSid" = a."conversationSid" AND (n."createdAt", n."id") > (a."createdAt", a."id")
        ORDER BY n."createdAt", n."id"
        LIMIT 1
      ) next ON TRUE
      WHERE ${QUEUE_ENTRY} AND ${scope} AND a."createdAt" < ${at(to)} AND c."createdAt" < ${at(to)} AND NOT ${resolvedBy(from)}
    ),
    queued_at_start AS (
      SELECT count(*) FILTER (WHERE entered < ${at(from)}) - count(*) FILTER (WHERE left_at < ${at(from)}) AS n FROM queue_stays
    ),
    changes AS (
      SELECT date_trunc(${unit(period.granularity)}, ${local(Prisma.sql`e.at`, period.tz)}) AS local_start, sum(e.open) AS open, sum(e.queued) AS queued
      FROM (
        SELECT c."createdAt" AS at, 1 AS open, 0 AS queued
        FROM "ConversationIndex" c WHERE ${scope} AND ${within(Prisma.sql`c."createdAt"`, from, to)}
        UNION ALL
        SELECT ${RESOLVED_AT}, -1, 0
        FROM "ConversationIndex" c WHERE ${scope} AND c."state" = 'CLOSED' AND ${within(RESOLVED_AT, from, to)}
        UNION ALL
        SELECT entered, 0, 1 FROM queue_stays WHERE ${within(Prisma.sql`entered`, from, to)}
        UNION ALL
        SELECT left_at, 0, -1 FROM queue_stays WHERE ${within(Prisma.sql`left_at`, from, to)}
      ) e
      GROUP BY 1
    )
    SELECT b.label AS bucket,
      (SELECT n FROM open_at_start) + sum(COALESCE(ch.open, 0)) OVER (ORDER BY b.label) AS open,
      (SELECT n FROM queued_at_start) + sum(COALESCE(ch.queued, 0)) OVER (ORDER BY b.label) AS queued
    FROM buckets b LEFT JOIN changes ch ON ${bucketLabel(Prisma.sql`ch.local_start`)} = b.label
    ORDER BY b.label
  `);
  return rows.map((row) => ({ bucket: row.bucket, open: toNumber(row.open) ?? 0, queued: toNumber(row.queued) ?? 0 }));
}
