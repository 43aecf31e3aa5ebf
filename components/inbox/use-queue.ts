'use client';

import { useLiveResource } from '@/components/live/use-live-resource';
import { apiFetch } from '@/lib/api/client-fetch';
import type { QueueEntry } from '@/lib/routing/list-queue';

/** Conversations waiting for an agent, reloaded when one enters or leaves the queue or a waiting one changes. */
export function useQueue(enabled: boolean): QueueEntry[] | null {
  const { value } = useLiveResource(async () => (await apiFetch<{ queue: QueueEntry[] }>('/api/queue')).queue, {
    enabled,
    refetchOn: (event) =>
      (event.kind === 'assignment.changed' && event.data.queueChanged) || (event.kind === 'conversation.updated' && event.data.queued),
    minIntervalMs: 500,
  });
  return value ?? null;
}
