import { db } from '@/lib/db/client';
import { moveOwnershipInTwilio } from './move-ownership';
import { requeueIfOwnerLeft } from './requeue-if-owner-left';

/**
 * An agent was disabled: their open conversations go back to the queue (and they leave them
 * in Twilio), so no customer waits on someone who cannot answer. The caller then offers the
 * queue (offerQueuedWork).
 */
export async function releaseConversationsOf(userId: string): Promise<number> {
  const owned = await db.conversationIndex.findMany({ where: { assigneeId: userId, state: { not: 'CLOSED' } }, select: { sid: true } });
  let released = 0;
  for (const { sid } of owned) {
    if (!(await requeueIfOwnerLeft(sid, userId, 'The agent was disabled.'))) continue;
    released++;
    await moveOwnershipInTwilio({ conversationSid: sid, from: userId, to: null }).catch((error: unknown) =>
      console.error(`Could not take the disabled agent out of ${sid}.`, error),
    );
  }
  return released;
}
