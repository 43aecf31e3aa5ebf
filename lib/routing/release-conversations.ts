import { db } from '@/lib/db/client';
import { requeueIfOwnerLeft } from './requeue-if-owner-left';

/**
 * An agent was disabled: their open conversations go back to the queue, so no customer waits on
 * someone who cannot answer. Only the record: leaveAllConversations takes them out in Twilio, and
 * the caller then offers the queue (offerQueuedWork).
 */
export async function releaseConversationsOf(userId: string): Promise<number> {
  const owned = await db.conversationIndex.findMany({ where: { assigneeId: userId, state: { not: 'CLOSED' } }, select: { sid: true } });
  let released = 0;
  for (const { sid } of owned) if (await requeueIfOwnerLeft(sid, userId, 'The agent was disabled.')) released++;
  return released;
}
