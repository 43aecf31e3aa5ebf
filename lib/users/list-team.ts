import type { Role } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { isOnline } from '@/lib/routing/assignment-policy';


export type TeamMemberStatus = {
  id: string;
  name: string;
  role: Role;
  availability: 'AVAILABLE' | 'AWAY';
  online: boolean;
  load: number;
  capacity: number;
};

/** The people a conversation can be handed to: active team members with presence and load. */
export async function listTeam(now = new Date()): Promise<TeamMemberStatus[]> {
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
  return users.map(({ _count, lastSeenAt, ...user }) => ({ ...user, online: isOnline({ lastSeenAt }, now), load: _count.assignedConversations }));
}
