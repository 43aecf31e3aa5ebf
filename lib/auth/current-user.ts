import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db/client';
import { checkSession, type SessionUser } from '@/lib/sessions/check-session';
import { readSessionCookie } from './session-cookie';

export type CurrentUser = SessionUser;

export type SessionState =
  | { status: 'signed-out' }
  // A signed session cookie whose session has ended since: signed out (here or everywhere),
  // expired, ended by a password reset or role change, or its user disabled.
  | { status: 'revoked'; reason: 'ended' | 'disabled' }
  | { status: 'active'; user: CurrentUser; sessionId: string };

/**
 * The signed-in user as the database sees them now, once per request. The cookie only says
 * which session this is; whether it is still live, and the user's role and active flag, are
 * read fresh, so an admin's change applies at the user's next request.
 */
export const getSessionState = cache(async (): Promise<SessionState> => {
  const cookie = await readSessionCookie();
  if (!cookie) return { status: 'signed-out' };
  const { sessionId, userId } = cookie;
  const check = sessionId ? await checkSession(sessionId) : ({ status: 'ended' } as const);
  // The cookie names its user too: a session row of someone else is not this cookie's.
  if (check.status === 'active' && sessionId && check.user.id === userId) return { status: 'active', user: check.user, sessionId };
  return { status: 'revoked', reason: check.status === 'disabled' || (await isDisabled(userId)) ? 'disabled' : 'ended' };
});

// Disabling a user also ends their sessions: tell them why they were signed out.
async function isDisabled(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { active: true } });
  return !user?.active;
}

export async function getCurrentUser(): Promise<CurrentUser | null> {
  const state = await getSessionState();
  return state.status === 'active' ? state.user : null;
}
