'use client';

import { useEffect, useState } from 'react';
import { apiFetch } from '@/lib/api/client-fetch';
import type { CannedResponseView } from '@/lib/canned-responses/canned-response-schema';

let cache: Promise<CannedResponseView[]> | undefined;

/** The team's canned responses, loaded once per page when first needed. */
export function useCannedResponses(enabled: boolean): CannedResponseView[] | null {
  const [responses, setResponses] = useState<CannedResponseView[] | null>(null);
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
  }, [enabled]);
  return responses;
}
