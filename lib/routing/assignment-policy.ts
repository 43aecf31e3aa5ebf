// Who gets a new conversation: the routing rules, pure, in one place.

import type { Role } from '@/lib/auth/roles';

/**
 * Presence older than this means the browser is gone: its app instance refreshes it every
 * HEARTBEAT_INTERVAL_MS while the browser's event stream is open (and clears it when the
 * stream closes), so only an instance that died leaves it to expire.
 */
export const PRESENCE_TIMEOUT_MS = 45_000;
export const HEARTBEAT_INTERVAL_MS = 15_000;

export type AgentCandidate = {
  id: string;
  role: Role;
  active: boolean;
  availability: 'AVAILABLE' | 'AWAY';
  lastSeenAt: Date | null;
  capacity: number;
  /** Open conversations assigned to them now. */
  load: number;
  lastAssignedAt: Date | null;
};

/** Seen at or after this counts as online. */
export function onlineSince(now: Date): Date {
  return new Date(now.getTime() - PRESENCE_TIMEOUT_MS);
}

export function isOnline(agent: Pick<AgentCandidate, 'lastSeenAt'>, now: Date): boolean {
  return agent.lastSeenAt !== null && agent.lastSeenAt >= onlineSince(now);
}

/** Can take one more conversation now: an active agent, set Available, online, under capacity. */
export function canTakeWork(agent: AgentCandidate, now: Date): boolean {
  return agent.role === 'AGENT' && agent.active && agent.availability === 'AVAILABLE' && isOnline(agent, now) && agent.load < agent.capacity;
}

/**
 * Picks the agent for a conversation, or null (it waits in the queue): the customer's previous
 * agent when they can take it, else the least loaded, ties going to whoever has waited longest
 * since their last assignment (never assigned counts as longest).
 */
export function pickAgent(candidates: AgentCandidate[], now: Date, preferredAgentId?: string | null): AgentCandidate | null {
  const eligible = candidates.filter((agent) => canTakeWork(agent, now));
  const preferred = preferredAgentId ? eligible.find((agent) => agent.id === preferredAgentId) : undefined;
  if (preferred) return preferred;
  return (
    eligible.sort(
      (a, b) =>
        a.load - b.load ||
        (a.lastAssignedAt?.getTime() ?? -Infinity) - (b.lastAssignedAt?.getTime() ?? -Infinity) ||
        a.id.localeCompare(b.id),
    )[0] ?? null
  );
}

/** The picked agent as the next pick in the same decision must see them: one more conversation, just now. */
export function countPick(agent: AgentCandidate, now: Date): void {
  agent.load += 1;
  agent.lastAssignedAt = now;
}
