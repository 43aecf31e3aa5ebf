import { AppError } from '@/lib/api/app-error';
import { takeAdvisoryLock } from '@/lib/db/advisory-lock';
import { db } from '@/lib/db/client';
import { EVERYONE } from '@/lib/live/audiences';
import { publishLiveEvent } from '@/lib/live/publish-live-event';
import { endSessions } from '@/lib/sessions/end-sessions';
import { syncTwilioUserQuietly } from '@/lib/twilio/sync-twilio-user';
import { cutOffUser } from './cut-off-user';
import { TEAM_USER_SELECT, type TeamUser } from './team-user';
import type { TUpdateUser } from './user-schemas';

type Options = { actorId: string; userId: string; update: TUpdateUser };

const TEAM_LOCK_KEY = 0x5b0a_2d02;

export async function updateUser({ actorId, userId, update }: Options): Promise<TeamUser> {
  const losesAdmin = update.active === false || (update.role !== undefined && update.role !== 'ADMIN');
  if (actorId === userId && losesAdmin) {
    throw new AppError('conflict', 'You cannot disable yourself or remove your own admin role.');
  }
  const updated = await db.$transaction(async (tx) => {
    // One team change at a time, so two admins disabling each other cannot leave none.
    await takeAdvisoryLock(tx, TEAM_LOCK_KEY);
    const current = await tx.user.findUnique({ where: { id: userId }, select: { role: true, active: true } });
    if (!current) throw new AppError('not_found', 'No such user.');
    if (current.role === 'ADMIN' && current.active && losesAdmin) {
      const admins = await tx.user.count({ where: { role: 'ADMIN', active: true } });
      if (admins <= 1) throw new AppError('conflict', 'The team needs at least one active admin.');
    }
    const user = await tx.user.update({ where: { id: userId }, data: update, select: TEAM_USER_SELECT });
    // A new role or a disabled account must not ride on sessions signed in under the old one.
    const sessionsEnded = user.role !== current.role || (current.active && !user.active);
    if (sessionsEnded) await endSessions({ userId }, tx);
    // Their event streams close when they hear it.
    await publishLiveEvent({ kind: 'team.changed', data: { userId, ...(sessionsEnded ? { sessionsEnded } : {}) }, audience: EVERYONE, tx });
    return user;
  });
  if (update.active === false) await cutOffUser(updated);
  else if (update.name !== undefined || update.active === true) {
    await syncTwilioUserQuietly({ identity: updated.id, friendlyName: updated.name, active: updated.active });
  }
  return updated;
}
