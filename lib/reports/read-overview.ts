import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { readServiceLevelTargets } from '@/lib/supervision/team-settings';
import { FIRST_RESPONSE_SECONDS, firstResponseVerdict, RESOLUTION_SECONDS, resolvedBy, SATISFIED_SCORE } from './metric-definitions';
import { conversationInScope, conversationScope } from './report-filters';
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
  const periods = { current: period, previous: period.previous };
  // Both periods in one query: each table is read once for the two (one range from the start of
  // the previous period to the end of this one), every figure an aggregate filtered to its
  // period; the conversations in one pass, not one pass per figure.
  const spans = { from: period.previous.from, to: period.to };
  const [row] = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH
    conversations AS (
      SELECT ${Prisma.join(PERIODS.map((name) => conversationFigures(name, periods[name], firstResponseSeconds, period.now)))}
      FROM "ConversationIndex" c
      WHERE ${conversationScope(filters)}
    ),
    messages AS (
      SELECT ${Prisma.join(PERIODS.map((name) => messageFigures(name, periods[name])))}
      FROM "MessageIndex" m
      WHERE ${within(Prisma.sql`m."createdAt"`, spans.from, spans.to)} AND ${conversationInScope(filters, Prisma.sql`m."conversationSid"`)}
    ),
    surveys AS (
      SELECT ${Prisma.join(PERIODS.map((name) => surveyFigures(name, periods[name])))}
      FROM "CsatSurvey" s
      WHERE ${within(Prisma.sql`s."sentAt"`, spans.from, spans.to)} AND ${conversationInScope(filters, Prisma.sql`s."conversationSid"`)}
    )
    SELECT * FROM conversations, messages, surveys
  `);
  return {
    current: toFigures(row, 'current'),
    previous: toFigures(row, 'previous'),
    firstResponseTargetSeconds: firstResponseSeconds,
  };
}

const PERIODS = ['current', 'previous'] as const;
type PeriodName = (typeof PERIODS)[number];

type Row = Record<string, unknown>;

/** A result column for one period's figure, e.g. "previous.opened". */
const column = (name: PeriodName, figure: keyof OverviewFigures) => Prisma.raw(`"${name}.${figure}"`);

function conversationFigures(name: PeriodName, { from, to }: Period, targetSeconds: number, now: Date): Prisma.Sql {
  const asOf = new Date(Math.min(now.getTime(), to.getTime()));
  const verdict = firstResponseVerdict(targetSeconds, asOf);
  const resolvedIn = Prisma.sql`c."state" = 'CLOSED' AND ${within(Prisma.sql`c."resolvedAt"`, from, to)}`;
  const firstInboundIn = within(Prisma.sql`c."firstInboundAt"`, from, to);
  return Prisma.sql`
    count(*) FILTER (WHERE ${within(Prisma.sql`c."createdAt"`, from, to)}) AS ${column(name, 'opened')},
    count(*) FILTER (WHERE c."createdAt" < ${at(to)} AND NOT ${resolvedBy(to)}) AS ${column(name, 'stillOpen')},
    count(*) FILTER (WHERE ${resolvedIn}) AS ${column(name, 'resolved')},
    percentile_cont(0.5) WITHIN GROUP (ORDER BY ${RESOLUTION_SECONDS}) FILTER (WHERE ${resolvedIn}) AS ${column(name, 'resolutionMedianSeconds')},
    percentile_cont(0.5) WITHIN GROUP (ORDER BY ${FIRST_RESPONSE_SECONDS}) FILTER (WHERE ${firstInboundIn}) AS ${column(name, 'firstResponseMedianSeconds')},
    percentile_cont(0.9) WITHIN GROUP (ORDER BY ${FIRST_RESPONSE_SECONDS}) FILTER (WHERE ${firstInboundIn}) AS ${column(name, 'firstResponseP90Seconds')},
    count(*) FILTER (WHERE ${firstInboundIn} AND ${verdict.met}) AS ${column(name, 'serviceLevelMet')},
    count(*) FILTER (WHERE ${firstInboundIn} AND ${verdict.missed}) AS ${column(name, 'serviceLevelMissed')}`;
}

function messageFigures(name: PeriodName, { from, to }: Period): Prisma.Sql {
  const inPeriod = within(Prisma.sql`m."createdAt"`, from, to);
  return Prisma.sql`
    count(*) FILTER (WHERE ${inPeriod} AND m."direction" = 'INBOUND') AS ${column(name, 'messagesIn')},
    count(*) FILTER (WHERE ${inPeriod} AND m."direction" = 'OUTBOUND') AS ${column(name, 'messagesOut')}`;
}

function surveyFigures(name: PeriodName, { from, to }: Period): Prisma.Sql {
  const inPeriod = within(Prisma.sql`s."sentAt"`, from, to);
  return Prisma.sql`
    count(*) FILTER (WHERE ${inPeriod}) AS ${column(name, 'surveysSent')},
    count(s."respondedAt") FILTER (WHERE ${inPeriod}) AS ${column(name, 'surveysAnswered')},
    avg(s."score") FILTER (WHERE ${inPeriod}) AS ${column(name, 'csatAverage')},
    count(*) FILTER (WHERE ${inPeriod} AND s."score" >= ${SATISFIED_SCORE}) AS ${column(name, 'csatScore')}`;
}

function toFigures(row: Row | undefined, name: PeriodName): OverviewFigures {
  const figure = (key: keyof OverviewFigures) => row?.[`${name}.${key}`];
  const count = (key: keyof OverviewFigures) => toNumber(figure(key)) ?? 0;
  const met = count('serviceLevelMet');
  const missed = count('serviceLevelMissed');
  const sent = count('surveysSent');
  const answered = count('surveysAnswered');
  const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  return {
    opened: count('opened'),
    resolved: count('resolved'),
    stillOpen: count('stillOpen'),
    messagesIn: count('messagesIn'),
    messagesOut: count('messagesOut'),
    firstResponseMedianSeconds: toNumber(figure('firstResponseMedianSeconds')),
    firstResponseP90Seconds: toNumber(figure('firstResponseP90Seconds')),
    resolutionMedianSeconds: toNumber(figure('resolutionMedianSeconds')),
    serviceLevel: ratio(met, met + missed),
    serviceLevelMet: met,
    serviceLevelMissed: missed,
    surveysSent: sent,
    surveysAnswered: answered,
    // The satisfied answers travel in this column; the score is their share of the answers.
    csatScore: ratio(count('csatScore'), answered),
    csatAverage: toNumber(figure('csatAverage')),
    csatResponseRate: ratio(answered, sent),
  };
}
