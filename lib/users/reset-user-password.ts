import { AppError } from '@/lib/api/app-error';
import { hashPassword } from '@/lib/auth/password';
import { db } from '@/lib/db/client';
import { isNotFound } from '@/lib/db/errors';

export async function resetUserPassword({ userId, password }: { userId: string; password: string }): Promise<void> {
  const passwordHash = await hashPassword(password);
  try {
    await db.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true } });
  } catch (error) {
    if (isNotFound(error)) throw new AppError('not_found', 'No such user.');
    throw error;
  }
}
