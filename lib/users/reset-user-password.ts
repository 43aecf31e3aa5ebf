import { AppError } from '@/lib/api/app-error';
import { hashPassword } from '@/lib/auth/password';
import { db } from '@/lib/db/client';
import { endSessions } from '@/lib/sessions/end-sessions';
import { assertStrongPassword } from './assert-strong-password';

type Options = {
  userId: string;
  password: string;
  /** An admin resetting their own password stays signed in here; every other session ends. */
  keepSessionId?: string;
};

/** Sets a new password and ends the user's sessions, so whoever knew the old one is out. */
export async function resetUserPassword({ userId, password, keepSessionId }: Options): Promise<void> {
  const person = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true } });
  if (!person) throw new AppError('not_found', 'No such user.');
  await assertStrongPassword(password, person);
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId }, data: { passwordHash } });
    if (count === 0) throw new AppError('not_found', 'No such user.');
    await endSessions({ userId, exceptSessionId: keepSessionId }, tx);
  });
}
