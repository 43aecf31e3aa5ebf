import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { ADMIN_ROLES } from '@/lib/auth/roles';
import { signOutEverywhere } from '@/lib/users/sign-out-everywhere';

// An admin signs a user out of every browser (a lost laptop, a shared password).
export const DELETE = withSession<{ userId: string }>({ roles: ADMIN_ROLES }, async ({ params }) =>
  NextResponse.json({ ended: await signOutEverywhere(params.userId) }),
);
