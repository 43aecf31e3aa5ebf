import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { ADMIN_ROLES } from '@/lib/auth/roles';
import { createUser } from '@/lib/users/create-user';
import { listUsers } from '@/lib/users/list-users';
import { ZCreateUser } from '@/lib/users/user-schemas';

export const GET = withSession({ roles: ADMIN_ROLES }, async () => NextResponse.json({ users: await listUsers() }));

export const POST = withSession({ roles: ADMIN_ROLES }, async ({ req }) => {
  const user = await createUser(await readJson(req, ZCreateUser));
  return NextResponse.json({ user }, { status: 201 });
});
