import { AppError } from '@/lib/api/app-error';
import { db } from '@/lib/db/client';
import { endSessions } from '@/lib/sessions/end-sessions';

/** Ends every session of a user, in every browser; they sign in again. Returns how many ended. */
export async function signOutEverywhere(userId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new AppError('not_found', 'No such user.');
    return endSessions({ userId }, tx);
  });
}
