import 'server-only';
import { AppError } from '@/lib/api/app-error';
import type { CurrentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import { announceViewer } from '@/lib/live/live-connections';
import { publishLiveEvent } from '@/lib/live/publish-live-event';
import type { TPresenceReport } from './presence-rules';

/**
 * A tab says which conversation it shows (or that its user types there). The tab is its event
 * stream's connection, which may be held by another app instance: the row in the database is
 * what every instance shares, and the announcement goes out through the live channel.
 */
export async function reportPresence({ user, report }: { user: CurrentUser; report: TPresenceReport }): Promise<void> {
  const { connectionId, conversationSid, typing } = report;
  if (!typing) {
    const { count } = await db.liveConnection.updateMany({ where: { id: connectionId, userId: user.id }, data: { conversationSid } });
    if (count === 0) throw new AppError('not_found', 'That event stream is closed.');
    await announceViewer({ connectionId, userId: user.id, name: user.name, conversationSid });
    return;
  }
  if (!conversationSid) throw new AppError('bad_request', 'Typing happens in a conversation.');
  const [shown] = await db.$queryRaw<{ assigneeId: string | null }[]>`
    SELECT "ConversationIndex"."assigneeId" FROM "LiveConnection"
    LEFT JOIN "ConversationIndex" ON "ConversationIndex".sid = "LiveConnection"."conversationSid"
    WHERE "LiveConnection".id = ${connectionId} AND "LiveConnection"."userId" = ${user.id} AND "LiveConnection"."conversationSid" = ${conversationSid}`;
  if (!shown) throw new AppError('not_found', 'That tab does not show this conversation.');
  // Typing matters to whoever has the conversation open, and to its owner's list.
  await publishLiveEvent({
    kind: 'viewer.typing',
    data: { connectionId, userId: user.id, name: user.name, conversationSid },
    audience: { viewersOf: [conversationSid], userIds: [shown.assigneeId] },
  });
}
