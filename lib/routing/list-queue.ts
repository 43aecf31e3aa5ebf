import { db } from '@/lib/db/client';
import { QUEUE_ORDER, QUEUED_WHERE } from './queue';

export type QueueEntry = {
  sid: string;
  channel: 'SMS' | 'WHATSAPP' | 'CHAT' | 'GROUP';
  customerAddress: string | null;
  customerName: string | null;
  twilioNumber: string | null;
  queuedAt: string;
  lastMessagePreview: string | null;
};

/** Conversations waiting for an agent, oldest first. */
export async function listQueue(): Promise<QueueEntry[]> {
  const rows = await db.conversationIndex.findMany({
    where: QUEUED_WHERE,
    orderBy: QUEUE_ORDER,
    take: 200,
    select: { sid: true, channel: true, customerAddress: true, customerName: true, twilioNumber: true, queuedAt: true, lastMessagePreview: true },
  });
  return rows.map((row) => ({ ...row, queuedAt: row.queuedAt!.toISOString() }));
}
