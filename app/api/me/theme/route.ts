import { NextResponse } from 'next/server';
import { readJson, withSession } from '@/lib/api/with-session';
import { setTheme } from '@/lib/appearance/set-theme';
import { ZThemeChange } from '@/lib/appearance/theme-preference';

export const PUT = withSession({}, async ({ req, user }) => {
  const { theme } = await readJson(req, ZThemeChange);
  return NextResponse.json(await setTheme(user.id, theme));
});
