import type { Prisma } from '@/lib/db/generated/client';
import type { AgentCandidate } from './assignment-policy';

/** Every active agent with their current load (open conversations assigned to them). */
export async function loadAgentCandidates(tx: Prisma.TransactionClient): Promise<AgentCandidate[]> {
  const agents = await tx.user.findMany({
    where: { role: 'AGENT', active: true },
    select: {
      id: true,
      role: true,
      active: true,
      availability: true,
      lastSeenAt: true,
      capacity: true,
      lastAssignedAt: true,
      _count: { select: { assignedConversations: { where: { state: { not: 'CLOSED' } } } } },
    },
  });
  return agents.map(({ _count, ...agent }) => ({ ...agent, load: _count.assignedConversations }));
}
