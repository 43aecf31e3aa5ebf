'use client';

import { useEffect, useState } from 'react';
import { useLiveEvent } from '@/components/live/use-live-event';
import { apiFetch } from '@/lib/api/client-fetch';
import type { CannedResponseView } from '@/lib/canned-responses/canned-response-schema';

let cache: Promise<CannedResponseView[]> | undefined;

/**
 * The team's canned responses, loaded once per page when first needed, and again when a
 * supervisor changes them (the live stream says so): an open picker follows at once.
 */
export function useCannedResponses(enabled: boolean): CannedResponseView[] | null {
  const [responses, setResponses] = useState<CannedResponseView[] | null>(null);
  const [version, setVersion] = useState(0);
  useLiveEvent((event) => {
    if (event.kind !== 'canned-responses.changed') return;
    cache = undefined;
    setVersion((current) => current + 1);
  });
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    cache ??= apiFetch<{ cannedResponses: CannedResponseView[] }>('/api/canned-responses').then((result) => result.cannedResponses);
    cache.then(
      (loaded) => !cancelled && setResponses(loaded),
      () => {
        cache = undefined;
      },
    );
    return () => {
      cancelled = true;
    };
  }, [enabled, version]);
  return responses;
}
