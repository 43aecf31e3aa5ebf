import type { DatabaseClient } from '@/lib/db/client';
import { conversationAudience } from './audiences';
import type { LiveEventData } from './live-events';
import { publishLiveEvent } from './publish-live-event';

type Change = LiveEventData['conversation.updated']['change'];

/**
 * A conversation's index row changed inside `tx`: its owner, supervisors, its viewers and —
 * while it waits unowned in the queue — every agent hear it when the transaction commits.
 */
export async function announceConversationChange({
  conversationSid,
  change,
  row,
  tx,
}: {
  conversationSid: string;
  change: Change;
  /** Ownership as the transaction leaves it (null: not indexed yet). */
  row: { assigneeId: string | null; queuedAt: Date | null } | null;
  /** The transaction that wrote it (announced when it commits), or the database for a write already made. */
  tx: DatabaseClient;
}): Promise<void> {
  const queued = Boolean(row?.queuedAt && !row.assigneeId);
  await publishLiveEvent({
    kind: 'conversation.updated',
    data: { conversationSid, change, queued },
    audience: conversationAudience({ conversationSid, assigneeIds: [row?.assigneeId ?? null], queued }),
    tx,
  });
}
