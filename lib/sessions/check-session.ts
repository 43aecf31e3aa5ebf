import { db } from '@/lib/db/client';
import { TEAM_USER_SELECT, type TeamUser } from '@/lib/users/team-user';
import { isRenewalDue, sessionExpiry } from './session-lifetime';

export type SessionUser = Omit<TeamUser, 'createdAt'>;

export type SessionCheck =
  | { status: 'active'; user: SessionUser }
  // Signed out, signed out everywhere, expired, or ended by an admin's change.
  | { status: 'ended' }
  | { status: 'disabled' };

/**
 * Whether the session a cookie names is still live, and whose it is, as the database sees it
 * now. A live session's expiry slides forward while it is used.
 */
export async function checkSession(sessionId: string, now = new Date()): Promise<SessionCheck> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { createdAt: true, lastSeenAt: true, expiresAt: true, user: { select: { ...TEAM_USER_SELECT, createdAt: false } } },
  });
  if (!session || session.expiresAt <= now) return { status: 'ended' };
  if (!session.user.active) return { status: 'disabled' };
  if (isRenewalDue(session.lastSeenAt, now)) {
    // updateMany: a session ended a moment ago stays ended (no error, no resurrection).
    await db.session.updateMany({ where: { id: sessionId }, data: { lastSeenAt: now, expiresAt: sessionExpiry(session.createdAt, now) } });
  }
  return { status: 'active', user: session.user };
}
