import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import type { Role } from '@/lib/auth/roles';
import { FIRST_RESPONSE_SECONDS, RESOLUTION_SECONDS, SATISFIED_SCORE } from './metric-definitions';
import { conversationInScope, conversationScope } from './report-filters';
import type { ReportPeriod } from './report-period';
import type { TReportFilters } from './report-query';
import { at, toNumber, within } from './report-sql';

export type AgentStats = {
  id: string;
  name: string;
  role: Role;
  /** Conversations they were assigned, wrote in or resolved during the period. */
  handled: number;
  firstResponseMedianSeconds: number | null;
  resolutionMedianSeconds: number | null;
  repliesSent: number;
  transfersIn: number;
  transfersOut: number;
  availableSeconds: number;
  surveysSent: number;
  surveysAnswered: number;
  csatScore: number | null;
  csatAverage: number | null;
  /** Share of the surveys sent for them that customers answered (0–1; null when none went out). */
  csatResponseRate: number | null;
};

type Row = Omit<AgentStats, 'csatScore' | 'csatResponseRate'> & { satisfied: unknown };

/**
 * The agents table: one row per team member who is active or did anything in the period (only
 * the chosen agents when the report is filtered by agent). First responses count for whoever
 * sent them; resolutions for whoever owned the conversation when it was resolved.
 */
export async function readAgentStats({ period, filters }: { period: ReportPeriod; filters: TReportFilters }): Promise<AgentStats[]> {
  const scope = conversationScope(filters);
  const { from, to } = period;
  const inPeriod = (column: string) => within(Prisma.raw(column), from, to);
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH
    -- Who touched which conversation (assigned it, wrote in it, resolved it), one row per
    -- source; messages are reduced to one row per author and conversation before anything is
    -- joined, and the scope is checked once per pair rather than once per source.
    pairs AS (
      SELECT m."authorId" AS agent_id, m."conversationSid" AS sid,
        count(*) FILTER (WHERE m."authorKind" IN ('AGENT', 'SUPERVISOR')) AS replies
      FROM "MessageIndex" m
      WHERE m."authorId" IS NOT NULL AND ${inPeriod('m."createdAt"')}
      GROUP BY 1, 2
      UNION ALL
      SELECT a."toUserId", a."conversationSid", 0 FROM "Assignment" a
      WHERE a."toUserId" IS NOT NULL AND ${inPeriod('a."createdAt"')}
      UNION ALL
      SELECT c."resolvedById", c."sid", 0 FROM "ConversationIndex" c
      WHERE c."resolvedById" IS NOT NULL AND c."state" = 'CLOSED' AND ${inPeriod('c."resolvedAt"')}
    ),
    -- Replies always come with a handled conversation (their author wrote in it). Pairs are
    -- made distinct by grouping (hashed), not by count(DISTINCT) (sorted).
    handled AS (
      SELECT h.agent_id, count(*) AS n, sum(h.replies) AS replies
      FROM (
        SELECT p.agent_id, p.sid, sum(p.replies) AS replies
        FROM pairs p
        WHERE ${conversationInScope(filters, Prisma.sql`p.sid`)}
        GROUP BY p.agent_id, p.sid
      ) h
      GROUP BY h.agent_id
    ),
    first_responses AS (
      SELECT c."firstResponderId" AS agent_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY ${FIRST_RESPONSE_SECONDS}) AS median
      FROM "ConversationIndex" c
      WHERE ${scope} AND c."firstResponderId" IS NOT NULL AND ${inPeriod('c."firstInboundAt"')}
      GROUP BY 1
    ),
    resolutions AS (
      SELECT c."resolvedById" AS agent_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY ${RESOLUTION_SECONDS}) AS median
      FROM "ConversationIndex" c
      WHERE ${scope} AND c."resolvedById" IS NOT NULL AND c."state" = 'CLOSED' AND ${inPeriod('c."resolvedAt"')}
      GROUP BY 1
    ),
    transfers AS (
      SELECT t.agent_id, count(*) FILTER (WHERE t.direction = 'in') AS transfers_in, count(*) FILTER (WHERE t.direction = 'out') AS transfers_out
      FROM (
        SELECT a."toUserId" AS agent_id, 'in' AS direction, a."conversationSid" FROM "Assignment" a WHERE a."reason" = 'TRANSFER' AND a."toUserId" IS NOT NULL AND ${inPeriod('a."createdAt"')}
        UNION ALL
        SELECT a."fromUserId", 'out', a."conversationSid" FROM "Assignment" a WHERE a."reason" = 'TRANSFER' AND a."fromUserId" IS NOT NULL AND ${inPeriod('a."createdAt"')}
      ) t
      WHERE ${conversationInScope(filters, Prisma.sql`t."conversationSid"`)}
      GROUP BY t.agent_id
    ),
    available AS (
      SELECT p."userId" AS agent_id,
        sum(EXTRACT(EPOCH FROM (LEAST(p."endedAt", ${at(to)}) - GREATEST(p."startedAt", ${at(from)})))) AS seconds
      FROM "AvailabilityPeriod" p
      WHERE p."startedAt" < ${at(to)} AND p."endedAt" > ${at(from)}
      GROUP BY 1
    ),
    surveys AS (
      SELECT s."agentId" AS agent_id, count(*) AS sent, count(s."respondedAt") AS answered, avg(s."score") AS average,
        count(*) FILTER (WHERE s."score" >= ${SATISFIED_SCORE}) AS satisfied
      FROM "CsatSurvey" s
      WHERE ${conversationInScope(filters, Prisma.sql`s."conversationSid"`)} AND s."agentId" IS NOT NULL AND ${inPeriod('s."sentAt"')}
      GROUP BY 1
    )
    SELECT u."id", u."name", u."role"::text AS "role",
      COALESCE(handled.n, 0) AS "handled",
      first_responses.median AS "firstResponseMedianSeconds",
      resolutions.median AS "resolutionMedianSeconds",
      COALESCE(handled.replies, 0) AS "repliesSent",
      COALESCE(transfers.transfers_in, 0) AS "transfersIn",
      COALESCE(transfers.transfers_out, 0) AS "transfersOut",
      COALESCE(available.seconds, 0) AS "availableSeconds",
      COALESCE(surveys.sent, 0) AS "surveysSent",
      COALESCE(surveys.answered, 0) AS "surveysAnswered",
      surveys.average AS "csatAverage",
      COALESCE(surveys.satisfied, 0) AS "satisfied"
    FROM "User" u
    LEFT JOIN handled ON handled.agent_id = u."id"
    LEFT JOIN first_responses ON first_responses.agent_id = u."id"
    LEFT JOIN resolutions ON resolutions.agent_id = u."id"
    LEFT JOIN transfers ON transfers.agent_id = u."id"
    LEFT JOIN available ON available.agent_id = u."id"
    LEFT JOIN surveys ON surveys.agent_id = u."id"
    WHERE ${filters.agent.length > 0 ? Prisma.sql`u."id" IN (${Prisma.join(filters.agent)})` : Prisma.sql`TRUE`}
      AND ((u."active" AND u."role" = 'AGENT') OR handled.n IS NOT NULL OR available.seconds IS NOT NULL)
    ORDER BY u."name", u."id"
  `);
  return rows.map((row) => {
    const answered = toNumber(row.surveysAnswered) ?? 0;
    const sent = toNumber(row.surveysSent) ?? 0;
    return {
      id: row.id,
      name: row.name,
      role: row.role,
      handled: toNumber(row.handled) ?? 0,
      firstResponseMedianSeconds: toNumber(row.firstResponseMedianSeconds),
      resolutionMedianSeconds: toNumber(row.resolutionMedianSeconds),
      repliesSent: toNumber(row.repliesSent) ?? 0,
      transfersIn: toNumber(row.transfersIn) ?? 0,
      transfersOut: toNumber(row.transfersOut) ?? 0,
      availableSeconds: Math.round(toNumber(row.availableSeconds) ?? 0),
      surveysSent: sent,
      surveysAnswered: answered,
      csatScore: answered > 0 ? (toNumber(row.satisfied) ?? 0) / answered : null,
      csatAverage: toNumber(row.csatAverage),
      csatResponseRate: sent > 0 ? answered / sent : null,
    };
  });
}
