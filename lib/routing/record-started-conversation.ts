import { recordAssignment } from './assign';
import { inRoutingTransaction } from './routing-lock';

/** An agent started this conversation: it is theirs from the start, no routing. */
export async function recordStartedConversation({ conversationSid, agentId, now = new Date() }: { conversationSid: string; agentId: string; now?: Date }): Promise<void> {
  await inRoutingTransaction(async (tx) => {
    await recordAssignment(tx, { conversationSid, fromUserId: null, toUserId: agentId, actorId: agentId, reason: 'STARTED', now });
  });
}
