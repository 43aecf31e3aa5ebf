import 'server-only';
import { db } from '@/lib/db/client';
import type { TTheme } from './theme-preference';

/** Remembered on the user, so it follows them to every device they sign in on. */
export async function setTheme(userId: string, theme: TTheme): Promise<{ theme: TTheme }> {
  return db.user.update({ where: { id: userId }, data: { theme }, select: { theme: true } });
}
