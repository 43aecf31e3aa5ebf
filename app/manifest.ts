import type { MetadataRoute } from 'next';
import { THEME_COLORS } from '@/lib/appearance/theme-colors';

/**
 * The web app manifest (/manifest.webmanifest): agents can install the inbox and pin it. It needs
 * no sign-in (proxy.ts), as a browser fetches it without cookies. Pages set the title bar's
 * colour per theme (app/layout.tsx); the manifest's is the light one.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Switchboard',
    short_name: 'Switchboard',
    description: 'The agent inbox for Twilio Conversations.',
    id: '/inbox',
    start_url: '/inbox',
    scope: '/',
    display: 'standalone',
    background_color: THEME_COLORS.light,
    theme_color: THEME_COLORS.light,
    icons: [
      { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
