import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { readServiceLevelTargets } from '@/lib/supervision/team-settings';
import { FIRST_RESPONSE_SECONDS, firstResponseVerdict, RESOLUTION_SECONDS, resolvedBy, SATISFIED_SCORE } from './metric-definitions';
import { conversationScope } from './report-filters';
import type { Period, ReportPeriod } from './report-period';
import type { TReportFilters } from './report-query';
import { at, toNumber, within } from './report-sql';

export type OverviewFigures = {
  opened: number;
  resolved: number;
  stillOpen: number;
  messagesIn: number;
  messagesOut: number;
  firstResponseMedianSeconds: number | null;
  firstResponseP90Seconds: number | null;
  resolutionMedianSeconds: number | null;
  /** Share of conversations answered within the first-response target (0–1), null with none judged. */
  serviceLevel: number | null;
  serviceLevelMet: number;
  serviceLevelMissed: number;
  surveysSent: number;
  surveysAnswered: number;
  /** Share of answers that are 4 or 5 (0–1). */
  csatScore: number | null;
  csatAverage: number | null;
  /** Share of surveys answered (0–1). */
  csatResponseRate: number | null;
};

export type Overview = { current: OverviewFigures; previous: OverviewFigures; firstResponseTargetSeconds: number };

/** The overview's figures for the period and for the one before it, to compare. */
export async function readOverview({ period, filters }: { period: ReportPeriod; filters: TReportFilters }): Promise<Overview> {
  const { firstResponseSeconds } = await readServiceLevelTargets();
  const current = await readFigures(period, filters, firstResponseSeconds, period.now);
  const previous = await readFigures(period.previous, filters, firstResponseSeconds, period.now);
  return { current, previous, firstResponseTargetSeconds: firstResponseSeconds };
}

type Row = Record<keyof OverviewFigures, unknown>;

async function readFigures(period: Period, filters: TReportFilters, targetSeconds: number, now: Date): Promise<OverviewFigures> {
  const scope = conversationScope(filters);
  const { from, to } = period;
  const asOf = new Date(Math.min(now.getTime(), to.getTime()));
  const verdict = firstResponseVerdict(targetSeconds, asOf);
  const [row] = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH
    opened AS (
      SELECT count(*) AS opened FROM "ConversationIndex" c WHERE ${scope} AND ${within(Prisma.sql`c."createdAt"`, from, to)}
    ),
    still_open AS (
      SELECT count(*) AS still_open FROM "ConversationIndex" c
      WHERE ${scope} AND c."createdAt" < ${at(to)} AND NOT ${resolvedBy(to)}
    ),
    resolved AS (
      SELECT count(*) AS resolved,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${RESOLUTION_SECONDS}) AS resolution_median
      FROM "ConversationIndex" c
      WHERE ${scope} AND c."state" = 'CLOSED' AND ${within(Prisma.sql`c."resolvedAt"`, from, to)}
    ),
    responses AS (
      SELECT
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${FIRST_RESPONSE_SECONDS}) AS first_response_median,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY ${FIRST_RESPONSE_SECONDS}) AS first_response_p90,
        count(*) FILTER (WHERE ${verdict.met}) AS met,
        count(*) FILTER (WHERE ${verdict.missed}) AS missed
      FROM "ConversationIndex" c
      WHERE ${scope} AND ${within(Prisma.sql`c."firstInboundAt"`, from, to)}
    ),
    messages AS (
      SELECT count(*) FILTER (WHERE m."direction" = 'INBOUND') AS messages_in, count(*) FILTER (WHERE m."direction" = 'OUTBOUND') AS messages_out
      FROM "MessageIndex" m JOIN "ConversationIndex" c ON c."sid" = m."conversationSid"
      WHERE ${scope} AND ${within(Prisma.sql`m."createdAt"`, from, to)}
    ),
    surveys AS (
      SELECT count(*) AS sent, count(s."respondedAt") AS answered, avg(s."score") AS average,
        count(*) FILTER (WHERE s."score" >= ${SATISFIED_SCORE}) AS satisfied
      FROM "CsatSurvey" s JOIN "ConversationIndex" c ON c."sid" = s."conversationSid"
      WHERE ${scope} AND ${within(Prisma.sql`s."sentAt"`, from, to)}
    )
    SELECT
      opened.opened AS "opened", resolved.resolved AS "resolved", still_open.still_open AS "stillOpen",
      messages.messages_in AS "messagesIn", messages.messages_out AS "messagesOut",
      responses.first_response_median AS "firstResponseMedianSeconds", responses.first_response_p90 AS "firstResponseP90Seconds",
      resolved.resolution_median AS "resolutionMedianSeconds",
      responses.met AS "serviceLevelMet", responses.missed AS "serviceLevelMissed",
      surveys.sent AS "surveysSent", surveys.answered AS "surveysAnswered", surveys.average AS "csatAverage", surveys.satisfied AS "csatScore"
    FROM opened, still_open, resolved, responses, messages, surveys
  `);
  const count = (value: unknown) => toNumber(value) ?? 0;
  const met = count(row?.serviceLevelMet);
  const missed = count(row?.serviceLevelMissed);
  const sent = count(row?.surveysSent);
  const answered = count(row?.surveysAnswered);
  const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  return {
    opened: count(row?.opened),
    resolved: count(row?.resolved),
    stillOpen: count(row?.stillOpen),
    messagesIn: count(row?.messagesIn),
    messagesOut: count(row?.messagesOut),
    firstResponseMedianSeconds: toNumber(row?.firstResponseMedianSeconds),
    firstResponseP90Seconds: toNumber(row?.firstResponseP90Seconds),
    resolutionMedianSeconds: toNumber(row?.resolutionMedianSeconds),
    serviceLevel: ratio(met, met + missed),
    serviceLevelMet: met,
    serviceLevelMissed: missed,
    surveysSent: sent,
    surveysAnswered: answered,
    csatScore: ratio(count(row?.csatScore), answered),
    csatAverage: toNumber(row?.csatAverage),
    csatResponseRate: ratio(answered, sent),
  };
}
