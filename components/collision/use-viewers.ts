'use client';

import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Viewer } from '@/lib/collision/presence-rules';
import { liveClient } from '@/lib/live/live-client';

// Viewers come with the page's event stream: its first message lists them, and each change
// arrives as it happens (a closed tab leaves at once).

const NO_VIEWERS: Viewer[] = [];
const serverViewers = () => NO_VIEWERS;

function useAllViewers(): Viewer[] {
  const live = liveClient();
  useEffect(() => live.retain(), [live]);
  return useSyncExternalStore(live.subscribe, live.getViewers, serverViewers);
}

/** One entry per person (several tabs of theirs on one conversation count once; typing wins). */
function byPerson(viewers: Viewer[]): Viewer[] {
  const people = new Map<string, Viewer>();
  for (const viewer of viewers) {
    const known = people.get(viewer.userId);
    if (!known || (viewer.typing && !known.typing)) people.set(viewer.userId, viewer);
  }
  return [...people.values()];
}

/** Everyone else viewing `conversationSid` right now (and whether they are typing). */
export function useOtherViewers(conversationSid: string, selfId: string | null): Viewer[] {
  const viewers = useAllViewers();
  return useMemo(() => byPerson(viewers.filter((viewer) => viewer.conversationSid === conversationSid && viewer.userId !== selfId)), [viewers, conversationSid, selfId]);
}

/** Viewers per conversation, for the list. */
export function useViewersByConversation(selfId: string | null): Map<string, Viewer[]> {
  const viewers = useAllViewers();
  return useMemo(() => {
    const byConversation = new Map<string, Viewer[]>();
    for (const viewer of viewers) {
      if (viewer.userId === selfId) continue;
      byConversation.set(viewer.conversationSid, [...(byConversation.get(viewer.conversationSid) ?? []), viewer]);
    }
    for (const [sid, list] of byConversation) byConversation.set(sid, byPerson(list));
    return byConversation;
  }, [viewers, selfId]);
}

/**
 * Tells the team this tab shows the conversation (until it stops), and returns `onTyping` for
 * the composer.
 */
export function usePresenceReporter(conversationSid: string): { onTyping: () => void } {
  const live = liveClient();
  useEffect(() => {
    const release = live.retain();
    live.setViewing(conversationSid);
    return () => {
      live.setViewing(null);
      release();
    };
  }, [live, conversationSid]);
  return useMemo(() => ({ onTyping: () => live.reportTyping() }), [live]);
}
