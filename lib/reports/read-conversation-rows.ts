import { describeIndexRow, describeTitle } from '@/lib/conversations/conversation-descriptor';
import type { ConversationChannel } from '@/lib/db/generated/enums';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { FIRST_RESPONSE_SECONDS, RESOLUTION_SECONDS } from './metric-definitions';
import { conversationScope } from './report-filters';
import type { Period } from './report-period';
import type { TReportFilters } from './report-query';
import { toNumber, within } from './report-sql';

export type ConversationRow = {
  sid: string;
  channel: string;
  customer: string;
  twilioNumber: string | null;
  state: string;
  openedAt: string;
  firstInboundAt: string | null;
  firstResponseAt: string | null;
  firstResponseSeconds: number | null;
  firstResponder: string | null;
  resolvedAt: string | null;
  resolutionSeconds: number | null;
  resolvedBy: string | null;
  /** Everyone who owned it, in order. */
  handledBy: string[];
  messagesIn: number;
  messagesOut: number;
  csatScore: number | null;
  csatComment: string | null;
};

type Row = Omit<ConversationRow, 'customer' | 'openedAt' | 'firstInboundAt' | 'firstResponseAt' | 'resolvedAt'> & {
  customerName: string | null;
  customerAddress: string | null;
  members: string[];
  openedAt: Date;
  firstInboundAt: Date | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
};

/**
 * The per-conversation rows behind the figures: every conversation opened or resolved in the
 * period, oldest first, a page at a time (keyset on opening time and SID), so an export of
 * any size streams without holding the rows in memory.
 */
export async function readConversationRows({
  period,
  filters,
  limit,
  after,
}: {
  period: Pick<Period, 'from' | 'to'>;
  filters: TReportFilters;
  limit: number;
  after?: { openedAt: string; sid: string };
}): Promise<ConversationRow[]> {
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT c."sid", c."channel"::text AS "channel", c."customerName", c."customerAddress", c."members", c."twilioNumber", c."state"::text AS "state",
      c."createdAt" AS "openedAt", c."firstInboundAt", c."firstResponseAt", ${FIRST_RESPONSE_SECONDS} AS "firstResponseSeconds",
      responder."name" AS "firstResponder",
      CASE WHEN c."state" = 'CLOSED' THEN c."resolvedAt" END AS "resolvedAt",
      CASE WHEN c."state" = 'CLOSED' THEN ${RESOLUTION_SECONDS} END AS "resolutionSeconds",
      CASE WHEN c."state" = 'CLOSED' THEN resolver."name" END AS "resolvedBy",
      ARRAY(
        SELECT u."name" FROM "Assignment" a JOIN "User" u ON u."id" = a."toUserId"
        WHERE a."conversationSid" = c."sid" GROUP BY u."id", u."name" ORDER BY min(a."createdAt")
      ) AS "handledBy",
      (SELECT count(*) FROM "MessageIndex" m WHERE m."conversationSid" = c."sid" AND m."direction" = 'INBOUND') AS "messagesIn",
      (SELECT count(*) FROM "MessageIndex" m WHERE m."conversationSid" = c."sid" AND m."direction" = 'OUTBOUND') AS "messagesOut",
      s."score" AS "csatScore", s."comment" AS "csatComment"
    FROM "ConversationIndex" c
    LEFT JOIN "User" responder ON responder."id" = c."firstResponderId"
    LEFT JOIN "User" resolver ON resolver."id" = c."resolvedById"
    LEFT JOIN "CsatSurvey" s ON s."conversationSid" = c."sid"
    WHERE ${conversationScope(filters)}
      AND ((${within(Prisma.sql`c."createdAt"`, period.from, period.to)}) OR (c."state" = 'CLOSED' AND ${within(Prisma.sql`c."resolvedAt"`, period.from, period.to)}))
      ${after ? Prisma.sql`AND (c."createdAt", c."sid") > (${after.openedAt}::timestamp, ${after.sid})` : Prisma.empty}
    ORDER BY c."createdAt", c."sid"
    LIMIT ${limit}
  `);
  return rows.map((row) => ({
    sid: row.sid,
    channel: row.channel,
    customer: describeTitle(describeIndexRow({ ...row, channel: row.channel as ConversationChannel }), null),
    twilioNumber: row.twilioNumber,
    state: row.state,
    openedAt: row.openedAt.toISOString(),
    firstInboundAt: row.firstInboundAt?.toISOString() ?? null,
    firstResponseAt: row.firstResponseAt?.toISOString() ?? null,
    firstResponseSeconds: toNumber(row.firstResponseSeconds),
    firstResponder: row.firstResponder,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolutionSeconds: toNumber(row.resolutionSeconds),
    resolvedBy: row.resolvedBy,
    handledBy: row.handledBy,
    messagesIn: toNumber(row.messagesIn) ?? 0,
    messagesOut: toNumber(row.messagesOut) ?? 0,
    csatScore: row.csatScore,
    csatComment: row.csatComment,
  }));
}
