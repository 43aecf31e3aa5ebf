import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db/client';
import { pruneStaleRowsOccasionally } from '@/lib/maintenance/prune-stale-rows';
import { sessionExpiry } from './session-lifetime';

/** Records a new sign-in and returns its id, which the session cookie carries. */
export async function startSession(userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString('base64url');
  await db.session.create({ data: { id, userId, createdAt: now, lastSeenAt: now, expiresAt: sessionExpiry(now, now) }, select: { id: true } });
  // Each sign-in adds a row; expired ones go from time to time.
  pruneStaleRowsOccasionally(now.getTime());
  return id;
}
