'use client';

import { Monitor, Moon, Sun } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useAction } from '@/components/use-action';
import { apiFetch } from '@/lib/api/client-fetch';
import { THEME_COLORS } from '@/lib/appearance/theme-colors';
import { THEME_LABELS, THEMES, type TTheme, themeAttribute } from '@/lib/appearance/theme-preference';

const ICONS = { SYSTEM: Monitor, LIGHT: Sun, DARK: Moon } as const;

/** System / Light / Dark: applied at once on this page, and saved so every page and device follows. */
export function ThemeToggle({ initial }: { initial: TTheme }) {
  const [theme, setTheme] = useState<TTheme>(initial);
  const { run, error } = useAction({ fallback: 'Could not save your theme.' });
  // The server rendered the saved theme into <html>; a change shows before the save returns.
  useEffect(() => {
    document.documentElement.dataset.theme = themeAttribute(theme);
    // The title bar follows too (the server rendered it for the saved theme: app/layout.tsx).
    // A meta for one scheme (media) keeps to it under System; one for all follows the device now.
    for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')) {
      const systemDark = meta.media ? meta.media.includes('dark') : window.matchMedia('(prefers-color-scheme: dark)').matches;
      meta.content = theme === 'DARK' || (theme === 'SYSTEM' && systemDark) ? THEME_COLORS.dark : THEME_COLORS.light;
    }
  }, [theme]);

  async function choose(next: TTheme) {
    const previous = theme;
    setTheme(next);
    const ok = await run(() => apiFetch('/api/me/theme', { method: 'PUT', body: { theme: next } }));
    if (!ok) {
      setTheme(previous);
    }
  }

  return (
    <div className="flex items-center gap-2">
      <div role="group" aria-label="Theme" className="flex rounded-md border border-slate-300 p-0.5">
        {THEMES.map((option) => {
          const Icon = ICONS[option];
          return (
            <button
              key={option}
              type="button"
              aria-pressed={theme === option}
              aria-label={`${THEME_LABELS[option]} theme`}
              title={`${THEME_LABELS[option]} theme`}
              onClick={() => void choose(option)}
              className={`flex h-7 w-7 items-center justify-center rounded ${theme === option ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100'}`}
            >
              <Icon aria-hidden className="h-4 w-4" />
            </button>
          );
        })}
      </div>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </div>
  );
}
