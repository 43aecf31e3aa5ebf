import { after, NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { ADMIN_ROLES } from '@/lib/auth/roles';
import { offerQueuedWork } from '@/lib/routing/offer-queued-work';
import { updateUser } from '@/lib/users/update-user';
import { ZUpdateUser } from '@/lib/users/user-schemas';

export const PATCH = withSession<{ userId: string }>({ roles: ADMIN_ROLES }, async ({ req, user, params }) => {
  const update = await readJson(req, ZUpdateUser);
  const updated = await updateUser({ actorId: user.id, userId: params.userId, update });
  // More capacity, an agent enabled again, or a disabled agent's conversations back in the
  // queue: waiting conversations may go to someone now.
  if (update.capacity !== undefined || update.active !== undefined) after(offerQueuedWork);
  return NextResponse.json({ user: updated });
});
