import { NextResponse } from 'next/server';
import { withSession } from '@/lib/api/with-session';
import { db } from '@/lib/db/client';
import { isOnline } from '@/lib/routing/assignment-policy';

// The people a conversation can be handed to: active team members with presence and load.
export const GET = withSession({}, async () => {
  const now = new Date();
  const users = await db.user.findMany({
    where: { active: true },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      role: true,
      availability: true,
      lastSeenAt: true,
      capacity: true,
      _count: { select: { assignedConversations: { where: { state: { not: 'CLOSED' } } } } },
    },
  });
  return NextResponse.json({
    team: users.map(({ _count, lastSeenAt, ...user }) => ({ ...user, online: isOnline({ lastSeenAt }, now), load: _count.assignedConversations })),
  });
});
