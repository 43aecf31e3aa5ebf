import { Prisma } from '@/lib/db/generated/client';
import type { TReportFilters } from './report-query';

type FilterSql = { [K in keyof TReportFilters]: (values: TReportFilters[K]) => Prisma.Sql };

// One SQL predicate per filter, over the conversation aliased `c`.
const FILTERS: FilterSql = {
  // Compared as the enum (the values are its labels), so the planner sees the column's statistics.
  channel: (channels) => Prisma.sql`c."channel" IN (${Prisma.join(channels.map((channel) => Prisma.sql`${channel}::"ConversationChannel"`))})`,
  number: (numbers) => Prisma.sql`c."twilioNumber" IN (${Prisma.join(numbers)})`,
  // Handled by: the agent owned it at some point (routed, taken, started or transferred to them).
  agent: (ids) => Prisma.sql`EXISTS (SELECT 1 FROM "Assignment" fa WHERE fa."conversationSid" = c."sid" AND fa."toUserId" IN (${Prisma.join(ids)}))`,
  // Labelled now with any of them (labels are the team's, lib/labels).
  label: (ids) => Prisma.sql`EXISTS (SELECT 1 FROM "ConversationLabel" cl WHERE cl."conversationSid" = c."sid" AND cl."labelId" IN (${Prisma.join(ids)}))`,
};

const NOT_A_SURVEY_REPLY = Prisma.sql`c."surveyReplyTo" IS NULL`;

/**
 * The conversations a report counts, as a predicate on `c`: every filter given, and never the
 * conversations Twilio opened only to carry a survey answer.
 */
export function conversationScope(filters: TReportFilters): Prisma.Sql {
  const predicates = [NOT_A_SURVEY_REPLY];
  for (const key of Object.keys(FILTERS) as (keyof TReportFilters)[]) {
    const values = filters[key];
    if (values.length > 0) predicates.push((FILTERS[key] as (values: string[]) => Prisma.Sql)(values));
  }
  return Prisma.join(predicates, ' AND ');
}

/**
 * The same scope for rows that belong to a conversation (messages, surveys): `sid` is their
 * conversation. Unfiltered, only survey-reply conversations are out, and every row has its
 * conversation (a foreign key), so the rows of those few are excluded instead of looking each
 * row's conversation up.
 */
export function conversationInScope(filters: TReportFilters, sid: Prisma.Sql): Prisma.Sql {
  const filtered = (Object.keys(FILTERS) as (keyof TReportFilters)[]).some((key) => filters[key].length > 0);
  return filtered
    ? Prisma.sql`EXISTS (SELECT 1 FROM "ConversationIndex" c WHERE c."sid" = ${sid} AND ${conversationScope(filters)})`
    : Prisma.sql`NOT EXISTS (SELECT 1 FROM "ConversationIndex" c WHERE c."sid" = ${sid} AND NOT ${NOT_A_SURVEY_REPLY})`;
}
