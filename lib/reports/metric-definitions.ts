import { Prisma } from '@/lib/db/generated/client';
import { at, seconds } from './report-sql';

// What each figure means, in one place, as SQL over a conversation `c` (ConversationIndex).
// The conversation index keeps the underlying times current as webhooks arrive
// (lib/conversation-index/record-message.ts, lib/routing/resolve-conversation.ts):
// - opened: when Twilio created the conversation (createdAt);
// - first response: the first message by a person on the team (agent or supervisor) at or after
//   the customer's first message; automated messages (surveys, integrations, Twilio's "system")
//   never count, and private notes are not messages at all;
// - resolved: the last time it was resolved (resolvedAt), so a conversation resolved twice is
//   measured to the second resolve.

/** Seconds from the customer's first message to the team's first response (null until answered). */
export const FIRST_RESPONSE_SECONDS = seconds(Prisma.sql`c."firstResponseAt"`, Prisma.sql`c."firstInboundAt"`);

/** Seconds from opening to the last resolve. */
export const RESOLUTION_SECONDS = seconds(Prisma.sql`c."resolvedAt"`, Prisma.sql`c."createdAt"`);

/** Resolved by `end`: closed, its last resolve before then. */
export const resolvedBy = (end: Date) => Prisma.sql`(c."state" = 'CLOSED' AND COALESCE(c."resolvedAt", c."updatedAt") < ${at(end)})`;

/**
 * First-response service level, judged at `asOf`: met when answered within the target; missed
 * when answered later, or not answered and the target passed before it was resolved (or by
 * `asOf`). A conversation still inside its target, or resolved unanswered within it, is neither.
 */
export function firstResponseVerdict(targetSeconds: number, asOf: Date): { met: Prisma.Sql; missed: Prisma.Sql } {
  const waitedUnanswered = seconds(Prisma.sql`COALESCE(c."resolvedAt", ${at(asOf)})`, Prisma.sql`c."firstInboundAt"`);
  return {
    met: Prisma.sql`(c."firstResponseAt" IS NOT NULL AND ${FIRST_RESPONSE_SECONDS} <= ${targetSeconds})`,
    missed: Prisma.sql`((c."firstResponseAt" IS NOT NULL AND ${FIRST_RESPONSE_SECONDS} > ${targetSeconds}) OR (c."firstResponseAt" IS NULL AND ${waitedUnanswered} > ${targetSeconds}))`,
  };
}

/** A survey answer counts as satisfied at 4 or 5 (the CSAT score is their share). */
export const SATISFIED_SCORE = 4;
