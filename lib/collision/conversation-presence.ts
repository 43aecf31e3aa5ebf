import { z } from 'zod';
import { db } from '@/lib/db/client';

/** A viewer who has not reported for this long has left; a typist for this long has stopped. */
export const VIEWING_TTL_MS = 15_000;
export const TYPING_TTL_MS = 6_000;
export const PRESENCE_INTERVAL_MS = 5_000;

export const ZPresenceReport = z.object({ conversationSid: z.string().regex(/^CH[0-9a-f]{32}$/), typing: z.boolean().default(false) }).strict();

export type Viewer = { userId: string; name: string; conversationSid: string; typing: boolean };

/** "I am looking at this conversation (and typing)", from every open thread every few seconds. */
export async function reportPresence({ userId, conversationSid, typing, now = new Date() }: { userId: string; conversationSid: string; typing: boolean; now?: Date }): Promise<void> {
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
