'use client';

import { useCallback, useEffect, useState } from 'react';
import { apiFetch } from '@/lib/api/client-fetch';
import type { ConversationForViewer } from '@/lib/conversations/read-conversation';
import type { MessageRecord } from '@/lib/inbox/inbox-state';

const POLL_MS = 2_500;

export type ServerThread = { conversation: ConversationForViewer | null; messages: MessageRecord[]; error: string | null; refresh: () => void };

/**
 * A conversation read through the app's API, kept fresh by polling while the tab is visible.
 * Polling Twilio (the source of truth) stays correct whichever app instance answers.
 */
export function useServerThread(sid: string): ServerThread {
  const [conversation, setConversation] = useState<ConversationForViewer | null>(null);
  const [messages, setMessages] = useState<MessageRecord[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let cancelled = false;
    Promise.all([
      apiFetch<{ conversation: ConversationForViewer }>(`/api/conversations/${sid}`),
      apiFetch<{ messages: MessageRecord[] }>(`/api/conversations/${sid}/messages`),
    ]).then(
      ([loaded, page]) => {
        if (cancelled) return;
        setConversation(loaded.conversation);
        setMessages(page.messages);
        setError(null);
      },
      (caught: unknown) => !cancelled && setError(caught instanceof Error ? caught.message : 'Could not load the conversation.'),
    );
    return () => {
      cancelled = true;
    };
  }, [sid, tick]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') setTick((value) => value + 1);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, []);

  const refresh = useCallback(() => setTick((value) => value + 1), []);
  return { conversation, messages, error, refresh };
}
