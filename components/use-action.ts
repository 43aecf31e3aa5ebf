'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiError } from '@/lib/api/client-fetch';

/**
 * Runs one API call at a time and keeps its failure for display: the server's message, or
 * `fallback` when it sent none. With `refreshAfter`, the page's server data reloads on success.
 */
export function useAction({ fallback = 'Something went wrong. Try again.', refreshAfter = false } = {}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setPending(true);
    setError(null);
    try {
      await action();
      if (refreshAfter) router.refresh();
      return true;
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : fallback);
      return false;
    } finally {
      setPending(false);
    }
  }

  return { run, pending, error, setError };
}
