import { buildConversationRecord, describeIndexRow } from '@/lib/conversations/conversation-descriptor';
import { db } from '@/lib/db/client';
import type { ConversationRecord, Preview } from '@/lib/conversations/view-records';

const LIMIT = 1000; // Twilio's per-identity maximum of conversations

export type SeedConversation = { record: ConversationRecord; preview: Preview | null };

const STATES = { ACTIVE: 'active', INACTIVE: 'inactive', CLOSED: 'closed' } as const;

/**
 * The agent's conversations as the index knows them, in one query: the inbox shows these at
 * once while the SDK joins them one by one (seconds, for a full inbox), then replaces them.
 */
export async function listMyConversations(userId: string, { sid }: { sid?: string } = {}): Promise<SeedConversation[]> {
  const rows = await db.conversationIndex.findMany({
    where: { assigneeId: userId, ...(sid ? { sid } : {}) },
    orderBy: { updatedAt: 'desc' },
    take: LIMIT,
    select: {
      sid: true,
      channel: true,
      customerAddress: true,
      customerName: true,
      members: true,
      twilioNumber: true,
      state: true,
      lastMessageAt: true,
      lastMessagePreview: true,
      createdAt: true,
    },
  });
  return rows.map((row) => {
    const lastActivityAt = (row.lastMessageAt ?? row.createdAt).getTime();
    return {
      record: buildConversationRecord({
        sid: row.sid,
        friendlyName: null,
        descriptor: describeIndexRow(row),
        state: STATES[row.state],
        lastActivityAt,
        dateCreated: row.createdAt.getTime(),
        provisional: true,
      }),
      preview: row.lastMessagePreview ? { index: -1, body: row.lastMessagePreview, author: null, mediaCount: 0, at: lastActivityAt } : null,
    };
  });
}
