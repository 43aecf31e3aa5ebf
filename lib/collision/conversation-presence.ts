import { db } from '@/lib/db/client';
import { pruneStaleRowsOccasionally } from '@/lib/maintenance/prune-stale-rows';
import { TYPING_TTL_MS, type Viewer, VIEWING_TTL_MS } from './presence-rules';

/** "I am looking at this conversation (and typing)", from every open thread every few seconds. */
export async function reportPresence({ userId, conversationSid, typing, now = new Date() }: { userId: string; conversationSid: string; typing: boolean; now?: Date }): Promise<void> {
  pruneStaleRowsOccasionally(now.getTime());
  await db.conversationPresence.upsert({
    where: { userId_conversationSid: { userId, conversationSid } },
    create: { userId, conversationSid, viewingAt: now, typingAt: typing ? now : null },
    update: { viewingAt: now, ...(typing ? { typingAt: now } : {}) },
  });
}

/** Everyone viewing any conversation right now (a team is small: one query serves the whole list). */
export async function listViewers(now = new Date()): Promise<Viewer[]> {
  const rows = await db.conversationPresence.findMany({
    where: { viewingAt: { gt: new Date(now.getTime() - VIEWING_TTL_MS) } },
    select: { userId: true, conversationSid: true, typingAt: true, user: { select: { name: true } } },
  });
  return rows.map((row) => ({
    userId: row.userId,
    name: row.user.name,
    conversationSid: row.conversationSid,
    typing: row.typingAt !== null && now.getTime() - row.typingAt.getTime() <= TYPING_TTL_MS,
  }));
}
