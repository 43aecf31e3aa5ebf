import 'server-only';
import { db } from '@/lib/db/client';
import { listLabels } from '@/lib/labels/labels';
import type { ConversationMarks, InboxMarks } from './conversation-marks';

/**
 * The labels and snoozes of a user's conversations (those they own, open or closed), with the
 * team's labels: one read for the inbox list, its filter and the details panel.
 */
export async function readConversationMarks(userId: string): Promise<InboxMarks> {
  const [labels, rows] = await Promise.all([
    listLabels(),
    db.conversationIndex.findMany({
      where: {
        assigneeId: userId,
        OR: [{ labels: { some: {} } }, { snoozedUntil: { not: null } }, { snoozeUntilReply: true }, { snoozeEndedAt: { not: null } }],
      },
      select: {
        sid: true,
        snoozedUntil: true,
        snoozeUntilReply: true,
        snoozeEndedAt: true,
        snoozeEndReason: true,
        lastOutboundAt: true,
        labels: { select: { labelId: true }, orderBy: { createdAt: 'asc' } },
      },
    }),
  ]);
  const marks: Record<string, ConversationMarks> = {};
  for (const row of rows) {
    const isNoticeDue = row.snoozeEndedAt && row.snoozeEndReason && (!row.lastOutboundAt || row.lastOutboundAt < row.snoozeEndedAt);
    marks[row.sid] = {
      labelIds: row.labels.map((label) => label.labelId),
      snoozedUntil: row.snoozedUntil?.toISOString() ?? null,
      snoozeUntilReply: row.snoozeUntilReply,
      wokeUp: isNoticeDue ? { at: row.snoozeEndedAt!.toISOString(), reason: row.snoozeEndReason! } : null,
    };
  }
  return { labels, marks };
}
