import { db } from '@/lib/db/client';
import { isOnline } from '@/lib/routing/assignment-policy';

/**
 * The browser says the agent is there. Returns true when they were offline until now (the
 * caller then offers them queued work). Stored in the database, so every app instance agrees.
 */
export async function recordHeartbeat(userId: string, now = new Date()): Promise<{ cameOnline: boolean }> {
  const before = await db.user.findUnique({ where: { id: userId }, select: { lastSeenAt: true } });
  await db.user.update({ where: { id: userId }, data: { lastSeenAt: now }, select: { id: true } });
  return { cameOnline: !before || !isOnline(before, now) };
}
