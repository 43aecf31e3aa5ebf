import { recordAssignment } from './assign';
import { inRoutingTransaction } from './routing-lock';

/** Back to the queue when the conversation's owner is no longer in it. Returns whether it moved. */
export async function requeueIfOwnerLeft(conversationSid: string, identity: string, note = 'The agent left the conversation.'): Promise<boolean> {
  return inRoutingTransaction(async (tx) => {
    const conversation = await tx.conversationIndex.findUnique({ where: { sid: conversationSid }, select: { assigneeId: true, state: true } });
    if (!conversation || conversation.state === 'CLOSED' || conversation.assigneeId !== identity) return false;
    await recordAssignment(tx, { conversationSid, fromUserId: identity, toUserId: null, reason: 'QUEUE', note, now: new Date() });
    return true;
  });
}
