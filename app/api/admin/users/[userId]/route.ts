import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { ADMIN_ROLES } from '@/lib/auth/roles';
import { updateUser } from '@/lib/users/update-user';
import { ZUpdateUser } from '@/lib/users/user-schemas';

export const PATCH = withSession<{ userId: string }>({ roles: ADMIN_ROLES }, async ({ req, user, params }) => {
  const update = await readJson(req, ZUpdateUser);
  return NextResponse.json({ user: await updateUser({ actorId: user.id, userId: params.userId, update }) });
});
