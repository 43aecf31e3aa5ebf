import { attributeChannel } from '@/lib/conversation-index/channel';
import { db } from '@/lib/db/client';
import type { ConversationRecord, Preview } from '@/lib/conversations/view-records';

const LIMIT = 1000; // Twilio's per-identity maximum of conversations

export type SeedConversation = { record: ConversationRecord; preview: Preview | null };

const STATES = { ACTIVE: 'active', INACTIVE: 'inactive', CLOSED: 'closed' } as const;

/**
 * The agent's conversations as the index knows them, in one query: the inbox shows these at
 * once while the SDK joins them one by one (seconds, for a full inbox), then replaces them.
 */
export async function listMyConversations(userId: string): Promise<SeedConversation[]> {
  const rows = await db.conversationIndex.findMany({
    where: { assigneeId: userId },
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
      record: {
        sid: row.sid,
        friendlyName: row.customerName ?? row.customerAddress,
        switchboard: {
          channel: attributeChannel(row.channel),
          ...(row.customerAddress || row.customerName ? { customer: { address: row.customerAddress ?? undefined, name: row.customerName ?? undefined } } : {}),
          ...(row.twilioNumber ? { twilioNumber: row.twilioNumber } : {}),
          ...(row.members.length ? { members: row.members } : {}),
        },
        state: STATES[row.state],
        lastMessageIndex: null,
        lastActivityAt,
        lastReadMessageIndex: null,
        dateCreated: row.createdAt.getTime(),
        provisional: true,
      },
      preview: row.lastMessagePreview ? { index: -1, body: row.lastMessagePreview, author: null, mediaCount: 0, at: lastActivityAt } : null,
    };
  });
}
