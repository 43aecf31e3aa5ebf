'use client';

import { useCallback, useRef, useState } from 'react';
import { usePolling } from './use-polling';

/**
 * The latest answer of `load`, polled like `usePolling`. An answer equal to the previous one keeps
 * the previous value (same identity), so memoized consumers — a thread of 10,000 rows — do not
 * recompute on every tick. `error` is the last poll's failure, cleared by the next success.
 */
export function usePolledValue<T>(load: () => Promise<T>, intervalMs: number, key: unknown = null) {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const lastAnswer = useRef<string | null>(null);
  const refresh = usePolling(
    async (isCancelled) => {
      try {
        const next = await load();
        if (isCancelled()) return;
        setError(null);
        const answer = JSON.stringify(next);
        if (answer === lastAnswer.current) return;
        lastAnswer.current = answer;
        setValue(next);
      } catch (caught) {
        if (!isCancelled()) setError(caught);
      }
    },
    intervalMs,
    key,
  );
  /** A local change ahead of the next poll (which then replaces it). */
  const update = useCallback((change: (current: T | undefined) => T) => {
    lastAnswer.current = null;
    setValue(change);
  }, []);
  return { value, error, refresh, update };
}
