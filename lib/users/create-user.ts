import { AppError } from '@/lib/api/app-error';
import { hashPassword } from '@/lib/auth/password';
import { db } from '@/lib/db/client';
import { isUniqueViolation } from '@/lib/db/errors';
import { syncTwilioUserQuietly } from '@/lib/twilio/sync-twilio-user';
import { assertStrongPassword } from './assert-strong-password';
import { TEAM_USER_SELECT, type TeamUser } from './team-user';
import type { TCreateUser } from './user-schemas';

export async function createUser({ password, ...fields }: TCreateUser): Promise<TeamUser> {
  await assertStrongPassword(password, fields);
  const passwordHash = await hashPassword(password);
  let user: TeamUser;
  try {
    user = await db.user.create({ data: { ...fields, passwordHash }, select: TEAM_USER_SELECT });
  } catch (error) {
    // The unique index decides, so two admins racing on one email still get one user.
    if (isUniqueViolation(error)) throw new AppError('conflict', `A user with the email ${fields.email} already exists.`);
    throw error;
  }
  await syncTwilioUserQuietly({ identity: user.id, friendlyName: user.name, active: user.active });
  return user;
}
