'use client';

import { useCallback, useEffect, useState } from 'react';
import { apiFetch } from '@/lib/api/client-fetch';
import type { FloorOverview } from '@/lib/supervision/floor-overview';

const POLL_MS = 3_000;

/** The floor, refreshed every few seconds from the shared database (any app instance answers). */
export function useFloorOverview(): { overview: FloorOverview | null; error: string | null; refresh: () => void } {
  const [overview, setOverview] = useState<FloorOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let cancelled = false;
    apiFetch<FloorOverview>('/api/supervisor/overview').then(
      (result) => {
        if (cancelled) return;
        setOverview(result);
        setError(null);
      },
      () => !cancelled && setError('The console could not refresh; retrying.'),
    );
    return () => {
      cancelled = true;
    };
  }, [tick]);
  useEffect(() => {
    const timer = setInterval(() => document.visibilityState === 'visible' && setTick((value) => value + 1), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  return { overview, error, refresh: useCallback(() => setTick((value) => value + 1), []) };
}
