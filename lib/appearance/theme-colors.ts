import type { TTheme } from './theme-preference';

/**
 * The browser's title bar (and an installed app's) in each theme: the header's surface, as
 * app/theme-colors.css paints `white` (light: #fff; dark: slate 900).
 */
export const THEME_COLORS = { light: '#ffffff', dark: '#0f172a' } as const;

/** The page's theme-color: the person's theme, or both with the device's preference deciding. */
export function themeColorFor(theme: TTheme) {
  if (theme === 'LIGHT') return THEME_COLORS.light;
  if (theme === 'DARK') return THEME_COLORS.dark;
  return [
    { media: '(prefers-color-scheme: light)', color: THEME_COLORS.light },
    { media: '(prefers-color-scheme: dark)', color: THEME_COLORS.dark },
  ];
}
