'use client';

import { useCallback, useEffect, useRef } from 'react';

/**
 * Messages count as read when the agent can actually see them: the tab is visible and
 * focused, and the message is on screen. Call `onVisibleRange` with the highest message index
 * on screen; the horizon advances then, or when the agent comes back to the tab.
 */
export function useVisibleReadHorizon(markRead: (index: number) => void) {
  const highestVisible = useRef<number | null>(null);

  const flush = useCallback(() => {
    if (highestVisible.current === null) return;
    if (document.visibilityState !== 'visible' || !document.hasFocus()) return;
    markRead(highestVisible.current);
  }, [markRead]);

  useEffect(() => {
    const onReturn = () => flush();
    document.addEventListener('visibilitychange', onReturn);
    window.addEventListener('focus', onReturn);
    return () => {
      document.removeEventListener('visibilitychange', onReturn);
      window.removeEventListener('focus', onReturn);
    };
  }, [flush]);

  return useCallback(
    (index: number | null) => {
      highestVisible.current = index;
      flush();
    },
    [flush],
  );
}
