import 'server-only';
import { cache } from 'react';
import { getCurrentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import type { TTheme } from './theme-preference';

/** The signed-in person's theme; signed out (the login page), the device decides. */
export const getTheme = cache(async (): Promise<TTheme> => {
  const user = await getCurrentUser();
  if (!user) return 'SYSTEM';
  const row = await db.user.findUnique({ where: { id: user.id }, select: { theme: true } });
  return row?.theme ?? 'SYSTEM';
});
