import type { Metadata, Viewport } from 'next';
import localFont from 'next/font/local';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { getTheme } from '@/lib/appearance/get-theme';
import { themeColorFor } from '@/lib/appearance/theme-colors';
import { themeAttribute } from '@/lib/appearance/theme-preference';
import './globals.css';

// Self-hosted (no build-time font download): Inter's variable font from @fontsource-variable.
const inter = localFont({
  src: [
    { path: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2', weight: '100 900' },
    { path: '../node_modules/@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2', weight: '100 900' },
  ],
  variable: '--font-inter',
  display: 'swap',
});

export const metadata: Metadata = {
  title: 'Switchboard',
  description: 'The agent inbox for Twilio Conversations.',
  // Installable (app/manifest.ts): the icons are in public/icons, made by scripts/generate-icons.ts.
  icons: { icon: [{ url: '/icons/icon.svg', type: 'image/svg+xml' }], apple: '/icons/apple-touch-icon.png' },
  appleWebApp: { capable: true, title: 'Switchboard' },
};

export async function generateViewport(): Promise<Viewport> {
  return { themeColor: themeColorFor(await getTheme()) };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry that response's CSP nonce (proxy.ts).
  await connection();
  // Rendered into the page itself (no script), so there is no flash of the other theme.
  const theme = themeAttribute(await getTheme());
  return (
    <html lang="en" className={inter.variable} data-theme={theme}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
