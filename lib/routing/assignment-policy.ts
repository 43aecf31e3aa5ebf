// Who gets a new conversation: the routing rules, pure, in one place.

/** A browser heartbeat older than this means the agent's browser is gone. */
export const PRESENCE_TIMEOUT_MS = 45_000;
export const HEARTBEAT_INTERVAL_MS = 15_000;

export type AgentCandidate = {
  id: string;
  role: 'AGENT' | 'SUPERVISOR' | 'ADMIN';
  active: boolean;
  availability: 'AVAILABLE' | 'AWAY';
  lastSeenAt: Date | null;
  capacity: number;
  /** Open conversations assigned to them now. */
  load: number;
  lastAssignedAt: Date | null;
};

export function isOnline(agent: Pick<AgentCandidate, 'lastSeenAt'>, now: Date): boolean {
  return agent.lastSeenAt !== null && now.getTime() - agent.lastSeenAt.getTime() <= PRESENCE_TIMEOUT_MS;
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

export type QueuedConversation = { sid: string; queuedAt: Date };

/** The queue is first come, first served. */
export function nextInQueue<T extends QueuedConversation>(queue: T[]): T | null {
  return [...queue].sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || a.sid.localeCompare(b.sid))[0] ?? null;
}
