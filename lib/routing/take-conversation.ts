import { AppError } from '@/lib/api/app-error';
import { loadAgentCandidates } from './agent-candidates';
import { recordAssignment } from './assign';
import type { RoutingOutcome } from './route-conversation';
import { inRoutingTransaction } from './routing-lock';

/** An agent takes a waiting conversation from the queue themselves (within their capacity). */
export async function takeConversation({ agentId, conversationSid, now = new Date() }: { agentId: string; conversationSid: string; now?: Date }): Promise<RoutingOutcome> {
  return inRoutingTransaction(async (tx) => {
    const conversation = await tx.conversationIndex.findUnique({ where: { sid: conversationSid }, select: { assigneeId: true, queuedAt: true, state: true, channel: true } });
    if (!conversation || conversation.state === 'CLOSED') throw new AppError('not_found', 'That conversation is not waiting any more.');
    if (conversation.assigneeId === agentId) return { kind: 'unchanged', conversationSid };
    if (conversation.assigneeId || !conversation.queuedAt) throw new AppError('conflict', 'Someone else took that conversation.');
    const agent = (await loadAgentCandidates(tx)).find((candidate) => candidate.id === agentId);
    if (!agent) throw new AppError('forbidden', 'Only agents take conversations from the queue.');
    if (agent.load >= agent.capacity) throw new AppError('conflict', `You already have ${agent.load} open conversations, your capacity.`);
    await recordAssignment(tx, { conversationSid, fromUserId: null, toUserId: agentId, actorId: agentId, reason: 'TAKEN', now });
    return { kind: 'assigned', conversationSid, agentId, channel: conversation.channel };
  });
}
