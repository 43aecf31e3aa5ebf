'use client';

import { useInbox } from './inbox-context';

/** Says when the inbox is not live: connecting, reconnecting, or refused. Silent when all is well. */
export function ConnectionBanner() {
  const connection = useInbox((state) => state.connection);
  const everConnected = useInbox((state) => state.everConnected);
  const fatalError = useInbox((state) => state.fatalError);

  let message: string | null = null;
  let tone = 'bg-amber-50 text-amber-900 border-amber-200';
  if (fatalError) {
    message = `The inbox could not connect: ${fatalError}`;
    tone = 'bg-red-50 text-red-900 border-red-200';
  } else if (connection === 'denied') {
    message = 'Access was refused. Sign in again to keep working.';
    tone = 'bg-red-50 text-red-900 border-red-200';
  } else if (connection !== 'connected') {
    message = everConnected ? 'Reconnecting… New messages will appear when the connection is back.' : 'Connecting to your inbox…';
  }
  if (!message) return null;
  return (
    <div role="status" data-testid="connection-banner" data-connection={connection} className={`border-b px-4 py-1.5 text-center text-sm ${tone}`}>
      {message}
      {connection === 'denied' ? (
        <a href="/login" className="ml-2 font-medium underline underline-offset-2">Sign in</a>
      ) : null}
    </div>
  );
}
