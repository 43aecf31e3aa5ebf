'use client';

import { usePolledValue } from '@/components/use-polled-value';
import { apiFetch } from '@/lib/api/client-fetch';
import type { QueueEntry } from '@/lib/routing/list-queue';

/** Conversations waiting for an agent (server data, refreshed while the tab is visible). */
export function useQueue(enabled: boolean): QueueEntry[] | null {
  const { value } = usePolledValue(
    async () => (enabled ? (await apiFetch<{ queue: QueueEntry[] }>('/api/queue')).queue : null),
    5_000,
    enabled,
  );
  return enabled ? (value ?? null) : null;
}
