'use client';

import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { PRESENCE_INTERVAL_MS, type Viewer } from '@/lib/collision/presence-rules';
import { viewersStore } from '@/lib/collision/viewers-store';

/** Everyone else viewing `conversationSid` right now (and whether they are typing). */
export function useOtherViewers(conversationSid: string, selfId: string | null): Viewer[] {
  const viewers = useSyncExternalStore(viewersStore.subscribe, viewersStore.getSnapshot, viewersStore.getServerSnapshot);
  return useMemo(() => viewers.filter((viewer) => viewer.conversationSid === conversationSid && viewer.userId !== selfId), [viewers, conversationSid, selfId]);
}

/** Viewers per conversation, for the list. */
export function useViewersByConversation(selfId: string | null): Map<string, Viewer[]> {
  const viewers = useSyncExternalStore(viewersStore.subscribe, viewersStore.getSnapshot, viewersStore.getServerSnapshot);
  return useMemo(() => {
    const byConversation = new Map<string, Viewer[]>();
    for (const viewer of viewers) {
      if (viewer.userId === selfId) continue;
      byConversation.set(viewer.conversationSid, [...(byConversation.get(viewer.conversationSid) ?? []), viewer]);
    }
    return byConversation;
  }, [viewers, selfId]);
}

function report(conversationSid: string, typing: boolean) {
  return fetch('/api/presence', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ conversationSid, typing }),
  }).catch(() => undefined);
}

/**
 * Tells the team this user is looking at the conversation, every few seconds while the tab
 * is visible, and right away when they start typing. Returns `onTyping` for the composer.
 */
export function usePresenceReporter(conversationSid: string): { onTyping: () => void } {
  const lastTypingReport = useRef(0);
  useEffect(() => {
    const beat = () => {
      if (document.visibilityState === 'visible') void report(conversationSid, false);
    };
    beat();
    const timer = setInterval(beat, PRESENCE_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [conversationSid]);
  return {
    onTyping: () => {
      const now = Date.now();
      if (now - lastTypingReport.current < 2_000) return;
      lastTypingReport.current = now;
      void report(conversationSid, true);
    },
  };
}
