import 'server-only';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { db } from '@/lib/db/client';
import { TEAM_USER_SELECT, type TeamUser } from '@/lib/users/team-user';
import { authOptions } from './options';

export type CurrentUser = Omit<TeamUser, 'createdAt'>;

export type SessionState =
  | { status: 'signed-out' }
  // A valid session cookie whose user was disabled or deleted since signing in.
  | { status: 'revoked' }
  | { status: 'active'; user: CurrentUser };

/**
 * The signed-in user as the database sees them now, once per request. The JWT only says who
 * signed in; role and the active flag are read fresh, so an admin's change applies at the
 * user's next request.
 */
export const getSessionState = cache(async (): Promise<SessionState> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return { status: 'signed-out' };
  const user = await db.user.findUnique({
    where: { id },
    select: { ...TEAM_USER_SELECT, createdAt: false },
  });
  if (!user || !user.active) return { status: 'revoked' };
  return { status: 'active', user };
});

export async function getCurrentUser(): Promise<CurrentUser | null> {
  const state = await getSessionState();
  return state.status === 'active' ? state.user : null;
}
