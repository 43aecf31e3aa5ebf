import { z } from 'zod';

export const THEMES = ['SYSTEM', 'LIGHT', 'DARK'] as const;
export type TTheme = (typeof THEMES)[number];

export const ZThemeChange = z.object({ theme: z.enum(THEMES, 'Choose System, Light or Dark.') }).strict();

export const THEME_LABELS: Record<TTheme, string> = { SYSTEM: 'System', LIGHT: 'Light', DARK: 'Dark' };

/** The <html data-theme> value globals.css keys its colour scheme on. */
export function themeAttribute(theme: TTheme): 'system' | 'light' | 'dark' {
  return theme === 'LIGHT' ? 'light' : theme === 'DARK' ? 'dark' : 'system';
}
