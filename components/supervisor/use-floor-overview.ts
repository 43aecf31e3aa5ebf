'use client';

import { useState } from 'react';
import { usePolling } from '@/components/use-polling';
import { apiFetch } from '@/lib/api/client-fetch';
import type { FloorOverview } from '@/lib/supervision/floor-overview';

/** The floor, refreshed every few seconds from the shared database (any app instance answers). */
export function useFloorOverview(): { overview: FloorOverview | null; error: string | null; refresh: () => void } {
  const [overview, setOverview] = useState<FloorOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = usePolling(async (isCancelled) => {
    try {
      const result = await apiFetch<FloorOverview>('/api/supervisor/overview');
      if (isCancelled()) return;
      setOverview(result);
      setError(null);
    } catch {
      if (!isCancelled()) setError('The console could not refresh; retrying.');
    }
  }, 3_000);
  return { overview, error, refresh };
}
