'use client';

import { usePolledValue } from '@/components/use-polled-value';
import { apiFetch } from '@/lib/api/client-fetch';
import type { FloorOverview } from '@/lib/supervision/floor-overview';

/** The floor, refreshed every few seconds from the shared database (any app instance answers). */
export function useFloorOverview(): { overview: FloorOverview | null; error: string | null; refresh: () => void } {
  const { value, error, refresh } = usePolledValue(() => apiFetch<FloorOverview>('/api/supervisor/overview'), 3_000);
  return { overview: value ?? null, error: error ? 'The console could not refresh; retrying.' : null, refresh };
}
