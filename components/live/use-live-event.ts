'use client';

import { useEffect, useRef } from 'react';
import { liveClient } from '@/lib/live/live-client';
import type { LiveEvent } from '@/lib/live/live-events';

/** Calls `handler` with every live event this user receives, while mounted. */
export function useLiveEvent(handler: (event: LiveEvent) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const live = liveClient();
    const release = live.retain();
    const stop = live.onEvent((event) => latest.current(event));
    return () => {
      stop();
      release();
    };
  }, []);
}
