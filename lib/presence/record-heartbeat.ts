import { db } from '@/lib/db/client';
import { onlineSince } from '@/lib/routing/assignment-policy';
import { recordAvailableHeartbeat } from './available-time';

/**
 * The browser says the agent is there. Returns true when they were offline until now (the
 * caller then offers them queued work). Stored in the database, so every app instance agrees.
 */
export async function recordHeartbeat(userId: string, now = new Date(), { isAvailable = false } = {}): Promise<{ cameOnline: boolean }> {
  if (isAvailable) await recordAvailableHeartbeat(userId, now);
  // Usually they were online already: one write, conditional on that.
  const stillOnline = await db.user.updateMany({ where: { id: userId, lastSeenAt: { gte: onlineSince(now) } }, data: { lastSeenAt: now } });
  if (stillOnline.count > 0) return { cameOnline: false };
  await db.user.update({ where: { id: userId }, data: { lastSeenAt: now }, select: { id: true } });
  return { cameOnline: true };
}
