'use client';

import { useCallback, useEffect, useRef } from 'react';

/**
 * Runs `poll` now and every `intervalMs` while the tab is visible, until unmounted or `key`
 * changes; `refresh()` runs it at once. The poll should ignore its result when `isCancelled()`
 * says so. Polling the server (the database or Twilio) stays right with several app instances.
 */
export function usePolling(poll: (isCancelled: () => boolean) => Promise<unknown>, intervalMs: number, key: unknown = null): () => void {
  const latest = useRef(poll);
  const runNow = useRef<() => void>(() => undefined);
  useEffect(() => {
    latest.current = poll;
  });
  useEffect(() => {
    let cancelled = false;
    const isCancelled = () => cancelled;
    const run = () => void latest.current(isCancelled).catch(() => undefined);
    runNow.current = run;
    run();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') run();
    }, intervalMs);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [intervalMs, key]);
  return useCallback(() => runNow.current(), []);
}
