import { conversationAudience } from '@/lib/live/audiences';
import { publishLiveEvent } from '@/lib/live/publish-live-event';
import { inRoutingTransaction } from './routing-lock';

/**
 * A conversation closed (by an agent, a supervisor or Twilio's timer): its agent's capacity
 * is free. The owner stays on record (who handled it; the customer's next conversation
 * prefers them); the history gets a RESOLVED entry once. `now` is when Twilio closed it, so
 * resolution times share the clock of the messages they are measured from.
 */
export async function resolveInIndex({ conversationSid, actorId, now = new Date() }: { conversationSid: string; actorId: string | null; now?: Date }): Promise<void> {
  await inRoutingTransaction(async (tx) => {
    const conversation = await tx.conversationIndex.findUnique({ where: { sid: conversationSid }, select: { state: true, assigneeId: true, queuedAt: true } });
    if (!conversation) {
      await tx.conversationIndex.create({ data: { sid: conversationSid, state: 'CLOSED', resolvedAt: now } });
      return;
    }
    if (conversation.state === 'CLOSED') return;
    await tx.conversationIndex.update({
      where: { sid: conversationSid },
      data: { state: 'CLOSED', queuedAt: null, resolvedAt: now, resolvedById: conversation.assigneeId },
    });
    await tx.assignment.create({
      data: { conversationSid, fromUserId: conversation.assigneeId, toUserId: null, actorId, reason: 'RESOLVED', createdAt: now },
    });
    await publishLiveEvent({
      kind: 'assignment.changed',
      data: { conversationSid, fromUserId: conversation.assigneeId, toUserId: null, reason: 'RESOLVED', queued: false, queueChanged: conversation.queuedAt !== null },
      audience: conversationAudience({ conversationSid, assigneeIds: [conversation.assigneeId], queued: conversation.queuedAt !== null }),
      tx,
    });
  });
}
