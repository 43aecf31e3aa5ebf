'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { liveClient } from '@/lib/live/live-client';

const serverStatus = () => 'connecting' as const;

/**
 * Opens the page's event stream (it is the user's presence: online while it is open) and shows
 * whether live updates are flowing.
 */
export function LiveStatus() {
  const live = liveClient();
  useEffect(() => live.retain(), [live]);
  const status = useSyncExternalStore(live.subscribe, live.getStatus, serverStatus);
  const label = status === 'connected' ? 'Live' : status === 'reconnecting' ? 'Reconnecting…' : 'Connecting…';
  return (
    <span role="status" data-testid="live-status" data-state={status} className="flex items-center gap-1.5 text-xs text-slate-500" title="Live updates">
      <span aria-hidden className={`h-2 w-2 rounded-full ${status === 'connected' ? 'bg-emerald-500' : 'bg-amber-400'}`} />
      <span className={status === 'connected' ? 'sr-only' : ''}>{label}</span>
    </span>
  );
}
