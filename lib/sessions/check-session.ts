import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/client';
import { TEAM_USER_SELECT, type TeamUser } from '@/lib/users/team-user';
import { isRenewalDue, sessionExpiry } from './session-lifetime';

export type SessionUser = Omit<TeamUser, 'createdAt'>;

export type SessionCheck =
  | { status: 'active'; user: SessionUser }
  // Signed out, signed out everywhere, expired, or ended by an admin's change.
  | { status: 'ended' }
  | { status: 'disabled' };

// The user's columns a session carries: the team user's, read in the same statement as the
// session (every request checks one; Prisma would read the user with a second statement).
const USER_COLUMNS = Prisma.join(
  Object.keys(TEAM_USER_SELECT)
    .filter((column) => column !== 'createdAt')
    .map((column) => Prisma.raw(`u."${column}"`)),
);

type Row = SessionUser & { sessionCreatedAt: Date; sessionLastSeenAt: Date; sessionExpiresAt: Date };

/**
 * Whether the session a cookie names is still live, and whose it is, as the database sees it
 * now. A live session's expiry slides forward while it is used.
 */
export async function checkSession(sessionId: string, now = new Date()): Promise<SessionCheck> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT s."createdAt" AS "sessionCreatedAt", s."lastSeenAt" AS "sessionLastSeenAt", s."expiresAt" AS "sessionExpiresAt", ${USER_COLUMNS}
    FROM "Session" AS s JOIN "User" AS u ON u.id = s."userId"
    WHERE s.id = ${sessionId}`;
  if (!row) return { status: 'ended' };
  const { sessionCreatedAt, sessionLastSeenAt, sessionExpiresAt, ...user } = row;
  if (sessionExpiresAt <= now) return { status: 'ended' };
  if (!user.active) return { status: 'disabled' };
  if (isRenewalDue(sessionLastSeenAt, now)) {
    // updateMany: a session ended a moment ago stays ended (no error, no resurrection).
    await db.session.updateMany({ where: { id: sessionId }, data: { lastSeenAt: now, expiresAt: sessionExpiry(sessionCreatedAt, now) } });
  }
  return { status: 'active', user };
}
