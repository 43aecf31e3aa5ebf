'use client';

import { useState } from 'react';
import { usePolling } from '@/components/use-polling';
import { apiFetch } from '@/lib/api/client-fetch';
import type { QueueEntry } from '@/lib/routing/list-queue';

/** Conversations waiting for an agent (server data, refreshed while the tab is visible). */
export function useQueue(enabled: boolean): QueueEntry[] | null {
  const [queue, setQueue] = useState<QueueEntry[] | null>(null);
  usePolling(
    async (isCancelled) => {
      if (!enabled) return;
      const result = await apiFetch<{ queue: QueueEntry[] }>('/api/queue');
      if (!isCancelled()) setQueue(result.queue);
    },
    5_000,
    enabled,
  );
  return enabled ? queue : null;
}
