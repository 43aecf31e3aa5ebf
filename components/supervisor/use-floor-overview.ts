'use client';

import { useLiveResource } from '@/components/live/use-live-resource';
import { apiFetch } from '@/lib/api/client-fetch';
import { FLOOR_EVENTS } from '@/lib/supervision/floor-events';
import type { FloorOverview } from '@/lib/supervision/floor-overview';

// Supervisors hear every change on the floor; the console reloads at most once a second.

/** The floor, from the shared database (any app instance answers), reloaded when the live stream says it changed. */
export function useFloorOverview(): { overview: FloorOverview | null; error: string | null; refresh: () => void } {
  const { value, error, refresh } = useLiveResource(
    ({ eventId }) => apiFetch<FloorOverview>(`/api/supervisor/overview${eventId ? `?after=${encodeURIComponent(eventId)}` : ''}`),
    { refetchOn: (event) => FLOOR_EVENTS.has(event.kind), minIntervalMs: 1_000, safetyRefreshMs: 30_000 },
  );
  return { overview: value ?? null, error: error ? 'The console could not refresh; retrying.' : null, refresh };
}
