'use client';

import { useEffect, useState } from 'react';
import { apiFetch } from '@/lib/api/client-fetch';
import type { QueueEntry } from '@/lib/routing/list-queue';

const POLL_MS = 5_000;

/** Conversations waiting for an agent (server data, refreshed while the tab is visible). */
export function useQueue(enabled: boolean): QueueEntry[] | null {
  const [queue, setQueue] = useState<QueueEntry[] | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const load = () =>
      apiFetch<{ queue: QueueEntry[] }>('/api/queue').then(
        (result) => !cancelled && setQueue(result.queue),
        () => undefined,
      );
    void load();
    const timer = setInterval(() => document.visibilityState === 'visible' && void load(), POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [enabled]);
  return enabled ? queue : null;
}
