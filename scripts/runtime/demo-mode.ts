import { isIP } from 'node:net';
import type { RunMode } from './config';

// Emulator mode is a local demo: public demo logins, a simulated Twilio anyone who reaches it can
// drive. It stays on this machine unless SWITCHBOARD_HOST says otherwise.
export const LOOPBACK_HOST = '127.0.0.1';

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));

/** Demo mode only when asked for, in a production start: a missing credential must not quietly start a demo. */
export function assertDemoAllowed(mode: RunMode, env: Readonly<Record<string, string | undefined>>): void {
  if (mode !== 'start' || env.NODE_ENV !== 'production' || isDemoRequested(env)) return;
  throw new Error(
    [
      'NODE_ENV=production but no Twilio credentials are set (TWILIO_ACCOUNT_SID, TWILIO_API_KEY, TWILIO_API_SECRET,',
      'TWILIO_CONVERSATIONS_SERVICE_SID, TWILIO_AUTH_TOKEN), so this would start the local demo with its emulator.',
      'Set the credentials, or SWITCHBOARD_DEMO=1 to run the demo on purpose.',
    ].join('\n'),
  );
}

function isDemoRequested(env: Readonly<Record<string, string | undefined>>): boolean {
  return ['1', 'true', 'yes'].includes((env.SWITCHBOARD_DEMO ?? '').toLowerCase());
}

/** Where the demo's app and emulator listen: loopback, unless SWITCHBOARD_HOST names another interface. */
export function demoListenHost(configured: string | undefined): { host: string; isExposed: boolean } {
  const host = configured ?? LOOPBACK_HOST;
  return { host, isExposed: !isLoopback(host) };
}

export function printDemoBanner({ host, isExposed, appUrl }: { host: string; isExposed: boolean; appUrl: string }): void {
  const lines = [
    'LOCAL DEMO — no Twilio credentials, so Twilio is the built-in emulator: nothing reaches real phones.',
    'The demo logins are public. Do not put real customers or data here.',
    isExposed
      ? `Listening on ${host} (SWITCHBOARD_HOST): anyone who can reach this machine can use the demo.`
      : `Listening on ${host} only: ${appUrl} on this machine (SWITCHBOARD_HOST to change).`,
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '─'.repeat(width + 2);
  console.log(`\n  ┌${rule}┐\n${lines.map((line) => `  │ ${line.padEnd(width)} │`).join('\n')}\n  └${rule}┘`);
}
