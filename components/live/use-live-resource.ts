'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { liveClient } from '@/lib/live/live-client';
import type { LiveEvent } from '@/lib/live/live-events';

type Options = {
  /** Reload when this changes (a different conversation). */
  key?: unknown;
  /** Whether an event changes what `load` returns. */
  refetchOn: (event: LiveEvent) => boolean;
  /** At most one load per this long, however many events arrive (the latest always follows). */
  minIntervalMs?: number;
  /**
   * A slow reload while the tab is visible, in case an event was missed without the stream
   * noticing (it resyncs on any gap it knows of).
   */
  safetyRefreshMs?: number;
  enabled?: boolean;
};

/**
 * Server data kept current by the event stream instead of polling: loaded once, then again when
 * an event says it changed, when the stream resyncs, and at a slow safety interval. Loads never
 * overlap; events during a load cause one more. An answer equal to the previous one keeps the
 * previous value (same identity), so memoized consumers do not recompute. `load` receives the id
 * of the event that caused it, if any (the server may share one read among many such requests).
 */
export function useLiveResource<T>(load: (cause: { eventId: string | null }) => Promise<T>, options: Options) {
  const { key = null, minIntervalMs = 0, safetyRefreshMs = 60_000, enabled = true } = options;
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef({ load, refetchOn: options.refetchOn });
  const request = useRef<(eventId?: string | null) => void>(() => undefined);
  const lastAnswer = useRef<string | null>(null);
  useEffect(() => {
    latest.current = { load, refetchOn: options.refetchOn };
  });

  useEffect(() => {
    if (!enabled) return;
    const live = liveClient();
    const release = live.retain();
    let cancelled = false;
    let loading = false;
    let again: { eventId: string | null } | null = null;
    let lastStart = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const run = async (eventId: string | null) => {
      loading = true;
      lastStart = Date.now();
      try {
        const next = await latest.current.load({ eventId });
        if (cancelled) return;
        setError(null);
        const answer = JSON.stringify(next);
        if (answer !== lastAnswer.current) {
          lastAnswer.current = answer;
          setValue(next);
        }
      } catch (caught) {
        if (!cancelled) setError(caught);
      } finally {
        loading = false;
        if (!cancelled && again) {
          const next = again;
          again = null;
          schedule(next.eventId);
        }
      }
    };
    const schedule = (eventId: string | null) => {
      if (loading || timer) {
        again = { eventId };
        return;
      }
      const wait = lastStart + minIntervalMs - Date.now();
      if (wait <= 0) return void run(eventId);
      timer = setTimeout(() => {
        timer = undefined;
        const next = again ?? { eventId };
        again = null;
        void run(next.eventId);
      }, wait);
    };
    request.current = (eventId = null) => schedule(eventId);

    lastAnswer.current = null;
    void run(null);
    const stopEvents = live.onEvent((event) => {
      if (latest.current.refetchOn(event)) schedule(event.id);
    });
    const stopResync = live.onResync(() => schedule(null));
    const safety = setInterval(() => {
      if (document.visibilityState === 'visible') schedule(null);
    }, safetyRefreshMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      clearInterval(safety);
      stopEvents();
      stopResync();
      release();
      request.current = () => undefined;
    };
  }, [key, enabled, minIntervalMs, safetyRefreshMs]);

  const refresh = useCallback(() => request.current(null), []);
  /** A local change ahead of the next load (which then replaces it). */
  const update = useCallback((change: (current: T | undefined) => T) => {
    lastAnswer.current = null;
    setValue(change);
  }, []);
  return { value: enabled ? value : undefined, error, refresh, update };
}
