import { readJson, withSession } from '@/lib/api/with-session';
import { ADMIN_ROLES } from '@/lib/auth/roles';
import { resetUserPassword } from '@/lib/users/reset-user-password';
import { ZResetPassword } from '@/lib/users/user-schemas';

export const POST = withSession<{ userId: string }>({ roles: ADMIN_ROLES }, async ({ req, params }) => {
  const { password } = await readJson(req, ZResetPassword);
  await resetUserPassword({ userId: params.userId, password });
  return new Response(null, { status: 204 });
});
