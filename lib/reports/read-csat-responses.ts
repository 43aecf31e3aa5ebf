import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { conversationScope } from './report-filters';
import type { Period } from './report-period';
import type { TReportFilters } from './report-query';
import { within } from './report-sql';

export type CsatResponse = { conversationSid: string; respondedAt: string; score: number; comment: string | null; agentId: string | null; agentName: string | null };

/** Survey answers given in the period, newest first, a page at a time (the comments list and its CSV). */
export async function readCsatResponses({
  period,
  filters,
  limit,
  before,
}: {
  period: Pick<Period, 'from' | 'to'>;
  filters: TReportFilters;
  limit: number;
  /** Keyset: answers older than this one ({respondedAt, conversationSid} of the last row). */
  before?: { respondedAt: string; conversationSid: string };
}): Promise<CsatResponse[]> {
  const rows = await db.$queryRaw<{ conversationSid: string; respondedAt: Date; score: number; comment: string | null; agentId: string | null; agentName: string | null }[]>(Prisma.sql`
    SELECT s."conversationSid", s."respondedAt", s."score", s."comment", s."agentId", u."name" AS "agentName"
    FROM "CsatSurvey" s
    JOIN "ConversationIndex" c ON c."sid" = s."conversationSid"
    LEFT JOIN "User" u ON u."id" = s."agentId"
    WHERE ${conversationScope(filters)} AND s."score" IS NOT NULL AND ${within(Prisma.sql`s."respondedAt"`, period.from, period.to)}
      ${before ? Prisma.sql`AND (s."respondedAt", s."conversationSid") < (${before.respondedAt}::timestamp, ${before.conversationSid})` : Prisma.empty}
    ORDER BY s."respondedAt" DESC, s."conversationSid" DESC
    LIMIT ${limit}
  `);
  return rows.map((row) => ({ ...row, respondedAt: row.respondedAt.toISOString() }));
}
