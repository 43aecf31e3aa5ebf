import { readJson, withSession } from '@/lib/api/with-session';
import { ADMIN_ROLES } from '@/lib/auth/roles';
import { resetUserPassword } from '@/lib/users/reset-user-password';
import { ZResetPassword } from '@/lib/users/user-schemas';

// The user's sessions end with the old password (an admin resetting their own keeps this one).
export const POST = withSession<{ userId: string }>({ roles: ADMIN_ROLES }, async ({ req, user, sessionId, params }) => {
  const { password } = await readJson(req, ZResetPassword);
  await resetUserPassword({ userId: params.userId, password, keepSessionId: user.id === params.userId ? sessionId : undefined });
  return new Response(null, { status: 204 });
});
