import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { loadAgentCandidates } from './agent-candidates';
import { recordAssignment } from './assign';
import { pickAgent } from './assignment-policy';
import { needsRouting, QUEUE_ORDER, QUEUED_WHERE } from './queue';
import { inRoutingTransaction, takeRoutingLock } from './routing-lock';

export type RoutingOutcome =
  | { kind: 'assigned'; conversationSid: string; agentId: string }
  | { kind: 'queued'; conversationSid: string }
  | { kind: 'unchanged'; conversationSid: string };

/**
 * Routes a new inbound conversation: to an agent who can take it (the customer's previous
 * agent first), else into the queue. A conversation that already has an owner or a place in
 * the queue is left as it is, so a retried or concurrent webhook assigns nothing twice.
 */
export async function routeConversation(conversationSid: string, now = new Date()): Promise<RoutingOutcome> {
  // Read before the lock: who served this customer last does not change with the decision.
  const preferredAgentId = await previousAgent(db, conversationSid);
  return inRoutingTransaction((tx) => decideRoute(tx, conversationSid, now, preferredAgentId));
}

/** routeConversation inside a caller's transaction (the reconciler indexes and routes in one). */
export async function routeConversationIn(tx: Prisma.TransactionClient, conversationSid: string, now: Date): Promise<RoutingOutcome> {
  await takeRoutingLock(tx);
  return decideRoute(tx, conversationSid, now, await previousAgent(tx, conversationSid));
}

async function decideRoute(tx: Prisma.TransactionClient, conversationSid: string, now: Date, preferredAgentId: string | null): Promise<RoutingOutcome> {
  const conversation = await tx.conversationIndex.findUnique({ where: { sid: conversationSid } });
  if (!conversation || !needsRouting(conversation)) return { kind: 'unchanged', conversationSid };
  const agent = pickAgent(await loadAgentCandidates(tx), now, preferredAgentId);
  if (!agent) {
    await recordAssignment(tx, { conversationSid, fromUserId: null, toUserId: null, reason: 'QUEUE', now });
    return { kind: 'queued', conversationSid };
  }
  const reason = agent.id === preferredAgentId ? 'PREFERRED' : 'AUTO';
  await recordAssignment(tx, { conversationSid, fromUserId: null, toUserId: agent.id, reason, now });
  return { kind: 'assigned', conversationSid, agentId: agent.id };
}

/** The agent of this customer's most recent earlier conversation on the same number. */
async function previousAgent(tx: Prisma.TransactionClient | typeof db, conversationSid: string): Promise<string | null> {
  const conversation = await tx.conversationIndex.findUnique({ where: { sid: conversationSid }, select: { customerAddress: true, twilioNumber: true } });
  if (!conversation?.customerAddress) return null;
  const previous = await tx.conversationIndex.findFirst({
    where: {
      sid: { not: conversationSid },
      customerAddress: conversation.customerAddress,
      twilioNumber: conversation.twilioNumber,
    },
    orderBy: { createdAt: 'desc' },
    select: { assignments: { where: { toUserId: { not: null } }, orderBy: { createdAt: 'desc' }, take: 1, select: { toUserId: true } } },
  });
  return previous?.assignments[0]?.toUserId ?? null;
}

/**
 * Hands queued conversations, oldest first, to agents who can take them, until either runs
 * out. Called whenever capacity may have appeared: an agent became available or came back
 * online, a conversation was resolved or moved, capacity was raised.
 */
export async function drainQueue({ now = new Date(), notBackTo }: { now?: Date; notBackTo?: { conversationSid: string; agentId: string } } = {}): Promise<RoutingOutcome[]> {
  const outcomes: RoutingOutcome[] = [];
  for (;;) {
    const outcome = await inRoutingTransaction(async (tx): Promise<RoutingOutcome | null> => {
      const next = await tx.conversationIndex.findFirst({ where: QUEUED_WHERE, orderBy: QUEUE_ORDER, select: { sid: true } });
      if (!next) return null;
      // An agent who just handed a conversation back to the queue does not get it straight back.
      const candidates = (await loadAgentCandidates(tx)).filter((candidate) => !(notBackTo?.conversationSid === next.sid && notBackTo.agentId === candidate.id));
      const agent = pickAgent(candidates, now);
      if (!agent) return null;
      await recordAssignment(tx, { conversationSid: next.sid, fromUserId: null, toUserId: agent.id, reason: 'FROM_QUEUE', now });
      return { kind: 'assigned', conversationSid: next.sid, agentId: agent.id };
    });
    if (!outcome) return outcomes;
    outcomes.push(outcome);
  }
}
