import { forbidden, redirect } from 'next/navigation';
import { type CurrentUser, getSessionState } from './current-user';
import { decideAccess, type Role } from './roles';

/**
 * The page guard. Signed out → /login; a session that has ended (signed out elsewhere, expired,
 * revoked, or the user disabled) → /signed-out, which clears the cookie; a role outside `roles`
 * → the 403 page.
 */
export async function requireUser(roles?: readonly Role[]): Promise<CurrentUser> {
  const state = await getSessionState();
  if (state.status === 'revoked') redirect('/signed-out');
  const user = state.status === 'active' ? state.user : null;
  const decision = decideAccess(user, roles);
  if (decision === 'unauthenticated' || !user) redirect('/login');
  if (decision === 'forbidden') forbidden();
  return user;
}
