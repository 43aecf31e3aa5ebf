'use client';

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef } from 'react';
import { useLiveResource } from '@/components/live/use-live-resource';
import { apiFetch } from '@/lib/api/client-fetch';
import { type ConversationMarks, type InboxMarks, NO_MARKS } from '@/lib/conversations/conversation-marks';
import type { LiveEvent } from '@/lib/live/live-events';

type MarksContext = {
  value: InboxMarks;
  refresh: () => void;
  /** A change made here, shown at once; the reload the live event causes confirms or replaces it. */
  update: (change: (current: InboxMarks) => InboxMarks) => void;
};

const EMPTY: InboxMarks = { labels: [], marks: {} };
const Context = createContext<MarksContext>({ value: EMPTY, refresh: () => undefined, update: () => undefined });

/**
 * The labels and snoozes of the user's conversations, for the list, its filters and the details
 * panel: loaded once, then again when the live stream says a label, a snooze or an owner changed
 * (and after a message in a conversation showing a "back from snooze" notice, which a reply ends).
 */
export function ConversationMarksProvider({ children }: { children: ReactNode }) {
  const current = useRef<InboxMarks>(EMPTY);
  const { value, refresh, update } = useLiveResource(() => apiFetch<InboxMarks>('/api/me/conversation-marks'), {
    refetchOn: (event: LiveEvent) => {
      if (event.kind === 'labels.changed' || event.kind === 'assignment.changed') return true;
      if (event.kind !== 'conversation.updated') return false;
      if (event.data.change === 'labels' || event.data.change === 'snooze') return true;
      return event.data.change === 'message' && Boolean(current.current.marks[event.data.conversationSid]?.wokeUp);
    },
    minIntervalMs: 500,
  });
  useEffect(() => {
    current.current = value ?? EMPTY;
  }, [value]);
  const updateMarks = useCallback((change: (current: InboxMarks) => InboxMarks) => update((current) => change(current ?? EMPTY)), [update]);
  const context = useMemo(() => ({ value: value ?? EMPTY, refresh, update: updateMarks }), [value, refresh, updateMarks]);
  return <Context.Provider value={context}>{children}</Context.Provider>;
}

export function useInboxMarks(): MarksContext {
  return useContext(Context);
}

export function useConversationMarks(sid: string): ConversationMarks {
  return useContext(Context).value.marks[sid] ?? NO_MARKS;
}
