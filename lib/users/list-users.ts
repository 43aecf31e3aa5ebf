import { db } from '@/lib/db/client';
import { TEAM_USER_SELECT, type TeamUser } from './team-user';

export function listUsers(): Promise<TeamUser[]> {
  return db.user.findMany({ select: TEAM_USER_SELECT, orderBy: [{ active: 'desc' }, { name: 'asc' }] });
}
