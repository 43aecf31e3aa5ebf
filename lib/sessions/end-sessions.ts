import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';

type Target =
  /** The one browser that signed out. */
  | { sessionId: string }
  /** Every browser of a user (sign out everywhere, password reset, role change, disable), but perhaps the caller's own. */
  | { userId: string; exceptSessionId?: string };

/** Ends sessions: their cookies are refused from the next request on. Returns how many ended. */
// What this needs of a client: `db`, or a transaction's `tx` to end sessions with its other writes.
type SessionWriter = { session: { deleteMany(args: { where: Prisma.SessionWhereInput }): Promise<{ count: number }> } };

export async function endSessions(target: Target, client: SessionWriter = db): Promise<number> {
  const where =
    'sessionId' in target
      ? { id: target.sessionId }
      : { userId: target.userId, ...(target.exceptSessionId ? { id: { not: target.exceptSessionId } } : {}) };
  const { count } = await client.session.deleteMany({ where });
  return count;
}
