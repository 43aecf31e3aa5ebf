import type { AssignmentReason, Prisma } from '@/lib/db/generated/client';
import { conversationAudience } from '@/lib/live/audiences';
import { publishLiveEvent } from '@/lib/live/publish-live-event';

type Change = {
  conversationSid: string;
  fromUserId: string | null;
  toUserId: string | null;
  reason: AssignmentReason;
  actorId?: string | null;
  note?: string | null;
  now: Date;
};

/**
 * Records a change of owner: the index row, the agent's last assignment time, the history, and
 * the live event (delivered when the transaction commits) that moves it on everyone's screen.
 */
export async function recordAssignment(tx: Prisma.TransactionClient, change: Change): Promise<void> {
  const queued = change.toUserId === null && change.reason !== 'RESOLVED';
  await tx.conversationIndex.update({
    where: { sid: change.conversationSid },
    data: { assigneeId: change.toUserId, queuedAt: queued ? change.now : null },
  });
  if (change.toUserId) await tx.user.update({ where: { id: change.toUserId }, data: { lastAssignedAt: change.now } });
  await tx.assignment.create({
    data: {
      conversationSid: change.conversationSid,
      fromUserId: change.fromUserId,
      toUserId: change.toUserId,
      reason: change.reason,
      actorId: change.actorId ?? null,
      note: change.note ?? null,
      createdAt: change.now,
    },
  });
  // Entering or leaving the queue changes every agent's Queue tab.
  const queueChanged = queued || change.reason === 'FROM_QUEUE' || change.reason === 'TAKEN' || (change.reason === 'TRANSFER' && change.fromUserId === null);
  await publishLiveEvent({
    kind: 'assignment.changed',
    data: { conversationSid: change.conversationSid, fromUserId: change.fromUserId, toUserId: change.toUserId, reason: change.reason, queued, queueChanged },
    audience: conversationAudience({ conversationSid: change.conversationSid, assigneeIds: [change.fromUserId, change.toUserId], queued: queueChanged }),
    tx,
  });
}
