import { randomUUID } from 'node:crypto';
import type { AssignmentReason, Prisma } from '@/lib/db/generated/client';
import { conversationAudience } from '@/lib/live/audiences';
import { LIVE_CHANNEL } from '@/lib/live/live-channel';
import { encodeLiveEvent } from '@/lib/live/publish-live-event';

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
 * the live event (delivered when the transaction commits) that moves it on everyone's screen —
 * in one statement, because it runs under the routing lock and every round trip there is one
 * more that every other ownership decision waits for.
 */
export async function recordAssignment(tx: Prisma.TransactionClient, change: Change): Promise<void> {
  const queued = change.toUserId === null && change.reason !== 'RESOLVED';
  // Entering or leaving the queue changes every agent's Queue tab.
  const queueChanged = queued || change.reason === 'FROM_QUEUE' || change.reason === 'TAKEN' || (change.reason === 'TRANSFER' && change.fromUserId === null);
  const event = encodeLiveEvent({
    kind: 'assignment.changed',
    data: { conversationSid: change.conversationSid, fromUserId: change.fromUserId, toUserId: change.toUserId, reason: change.reason, queued, queueChanged },
    audience: conversationAudience({ conversationSid: change.conversationSid, assigneeIds: [change.fromUserId, change.toUserId], queued: queueChanged }),
  });
  const recorded = await tx.$queryRaw<unknown[]>`
    WITH moved AS (
      UPDATE "ConversationIndex" SET "assigneeId" = ${change.toUserId}, "queuedAt" = ${queued ? change.now : null}, "updatedAt" = ${new Date()}
      WHERE "sid" = ${change.conversationSid}
      RETURNING "sid"
    ), agent AS (
      UPDATE "User" SET "lastAssignedAt" = ${change.now}, "updatedAt" = ${new Date()} WHERE "id" = ${change.toUserId}
    ), history AS (
      INSERT INTO "Assignment" ("id", "conversationSid", "fromUserId", "toUserId", "actorId", "reason", "note", "createdAt")
      SELECT ${randomUUID()}, "sid", ${change.fromUserId}, ${change.toUserId}, ${change.actorId ?? null}, ${change.reason}::"AssignmentReason", ${change.note ?? null}, ${change.now}
      FROM moved
      RETURNING "id"
    )
    SELECT pg_notify(${LIVE_CHANNEL}, ${event})::text AS announced FROM history`;
  if (recorded.length === 0) throw new Error(`No conversation ${change.conversationSid} in the index to assign.`);
}
