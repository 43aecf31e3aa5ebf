import { db } from '@/lib/db/client';
import { needsRouting } from '@/lib/routing/queue';
import { conversationService } from '@/lib/twilio/conversation-service';
import { GRACE_MS } from './grace-period';

const OPEN_STATES = ['active', 'inactive'] as const;

/**
 * Open conversations Twilio has that the index lacks, or that have neither an owner nor a place
 * in the queue. Listed by state (and creation date, for the periodic passes) through the REST API,
 * so it works the same against the emulator and live Twilio.
 */
export async function findStrandedConversations({ now, createdSince }: { now: Date; createdSince: Date | null }): Promise<string[]> {
  const service = await conversationService();
  // Twilio filters by whole days.
  const startDate = createdSince ? `${createdSince.toISOString().slice(0, 10)}T00:00:00Z` : undefined;
  const open = (
    await Promise.all(OPEN_STATES.map((state) => service.conversations.list({ state, ...(startDate ? { startDate } : {}), pageSize: 100 })))
  ).flat();
  const settled = new Date(now.getTime() - GRACE_MS);
  const stranded: string[] = [];
  for (let i = 0; i < open.length; i += 500) {
    const batch = open.slice(i, i + 500);
    const rows = await db.conversationIndex.findMany({
      where: { sid: { in: batch.map((conversation) => conversation.sid) } },
      select: { sid: true, state: true, assigneeId: true, queuedAt: true, updatedAt: true },
    });
    const bySid = new Map(rows.map((row) => [row.sid, row]));
    for (const conversation of batch) {
      const row = bySid.get(conversation.sid);
      const isStranded = row ? needsRouting(row) && row.updatedAt < settled : conversation.dateCreated < settled;
      if (isStranded) stranded.push(conversation.sid);
    }
  }
  return stranded;
}
