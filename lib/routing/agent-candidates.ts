import { Prisma } from '@/lib/db/generated/client';
import type { AgentCandidate } from './assignment-policy';

/** A candidate as AGENT_CANDIDATES gives it: JSON, so its times are ISO strings. */
export type StoredCandidate = Omit<AgentCandidate, 'lastSeenAt' | 'lastAssignedAt'> & { lastSeenAt: string | null; lastAssignedAt: string | null };

/**
 * Every active agent with their current load (open conversations assigned to them), as one JSON
 * value: an expression the routing read carries, so deciding a batch reads its conversations and
 * the team in one round trip under the routing lock. The loads are counted in one pass over the
 * open conversations, named by their states (not "not closed") so the state index finds them
 * however many closed ones the history holds. The times carry their zone (the columns hold UTC
 * wall time), so they parse as the instants stored.
 */
export const AGENT_CANDIDATES = Prisma.sql`(
  SELECT coalesce(json_agg(json_build_object(
    'id', agent.id, 'role', agent.role, 'active', agent.active, 'availability', agent.availability, 'capacity', agent.capacity,
    'lastSeenAt', agent."lastSeenAt" AT TIME ZONE 'UTC', 'lastAssignedAt', agent."lastAssignedAt" AT TIME ZONE 'UTC',
    'load', coalesce(owned.load, 0)
  )), '[]'::json)
  FROM "User" AS agent
  LEFT JOIN (
    SELECT "assigneeId", count(*) AS load FROM "ConversationIndex"
    WHERE state IN ('ACTIVE', 'INACTIVE') AND "assigneeId" IS NOT NULL
    GROUP BY "assigneeId"
  ) AS owned ON owned."assigneeId" = agent.id
  WHERE agent.role = 'AGENT' AND agent.active
)`;

export function parseAgentCandidates(stored: StoredCandidate[]): AgentCandidate[] {
  return stored.map((agent) => ({
    ...agent,
    lastSeenAt: agent.lastSeenAt === null ? null : new Date(agent.lastSeenAt),
    lastAssignedAt: agent.lastAssignedAt === null ? null : new Date(agent.lastAssignedAt),
  }));
}

/** Every active agent with their current load. */
export async function loadAgentCandidates(tx: Prisma.TransactionClient): Promise<AgentCandidate[]> {
  const [row] = await tx.$queryRaw<{ agents: StoredCandidate[] }[]>`SELECT ${AGENT_CANDIDATES} AS agents`;
  return parseAgentCandidates(row!.agents);
}
