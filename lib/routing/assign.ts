import { randomUUID } from 'node:crypto';
import type { AssignmentReason, Prisma } from '@/lib/db/generated/client';
import { conversationAudience } from '@/lib/live/audiences';
import { LIVE_CHANNEL } from '@/lib/live/live-channel';
import { encodeLiveEvent } from '@/lib/live/publish-live-event';

export type AssignmentChange = {
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
export async function recordAssignment(tx: Prisma.TransactionClient, change: AssignmentChange): Promise<void> {
  await recordAssignments(tx, [change]);
}

/**
 * Several changes of owner (of different conversations) in one statement, because they are
 * written under the routing lock and every round trip there is one more that every other
 * ownership decision waits for — with the app busy, a round trip costs a turn of its event loop.
 */
export async function recordAssignments(tx: Prisma.TransactionClient, changes: AssignmentChange[]): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map((change) => {
    const queued = change.toUserId === null && change.reason !== 'RESOLVED';
    // Entering or leaving the queue changes every agent's Queue tab.
    const queueChanged = queued || change.reason === 'FROM_QUEUE' || change.reason === 'TAKEN' || (change.reason === 'TRANSFER' && change.fromUserId === null);
    const event = encodeLiveEvent({
      kind: 'assignment.changed',
      data: { conversationSid: change.conversationSid, fromUserId: change.fromUserId, toUserId: change.toUserId, reason: change.reason, queued, queueChanged },
      audience: conversationAudience({ conversationSid: change.conversationSid, assigneeIds: [change.fromUserId, change.toUserId], queued: queueChanged }),
    });
    return { ...change, id: randomUUID(), queuedAt: queued ? change.now : null, event };
  });
  // Columns of the rows, for unnest (times as UTC text, as Prisma stores them).
  const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
  const updatedAt = new Date();
  const recorded = await tx.$queryRaw<{ sid: string }[]>`
    WITH change AS (
      SELECT * FROM unnest(
        ${column((r) => r.id)}::text[], ${column((r) => r.conversationSid)}::text[], ${column((r) => r.fromUserId)}::text[],
        ${column((r) => r.toUserId)}::text[], ${column((r) => r.actorId ?? null)}::text[], ${column((r) => r.reason)}::text[],
        ${column((r) => r.note ?? null)}::text[], ${column((r) => r.now.toISOString())}::timestamp(3)[], ${column((r) => r.queuedAt?.toISOString() ?? null)}::timestamp(3)[],
        ${column((r) => r.event)}::text[]
      ) WITH ORDINALITY AS c(id, sid, from_id, to_id, actor_id, reason, note, at, queued_at, event, n)
    ), moved AS (
      UPDATE "ConversationIndex" SET "assigneeId" = change.to_id, "queuedAt" = change.queued_at, "updatedAt" = ${updatedAt}
      FROM change WHERE "ConversationIndex"."sid" = change.sid
      RETURNING "ConversationIndex"."sid"
    ), agent AS (
      UPDATE "User" SET "lastAssignedAt" = latest.at, "updatedAt" = ${updatedAt}
      FROM (SELECT to_id, max(at) AS at FROM change WHERE to_id IS NOT NULL GROUP BY to_id) AS latest
      WHERE "User"."id" = latest.to_id
    ), history AS (
      INSERT INTO "Assignment" ("id", "conversationSid", "fromUserId", "toUserId", "actorId", "reason", "note", "createdAt")
      SELECT change.id, change.sid, change.from_id, change.to_id, change.actor_id, change.reason::"AssignmentReason", change.note, change.at
      FROM change JOIN moved ON moved.sid = change.sid
      RETURNING "conversationSid"
    )
    SELECT change.sid, pg_notify(${LIVE_CHANNEL}, change.event)::text AS announced
    FROM change JOIN history ON history."conversationSid" = change.sid
    ORDER BY change.n`;
  const missing = changes.filter((change) => !recorded.some((row) => row.sid === change.conversationSid));
  if (missing.length > 0) throw new Error(`No conversation ${missing.map((m) => m.conversationSid).join(', ')} in the index to assign.`);
}
