'use client';

import { useState } from 'react';
import { usePolling } from '@/components/use-polling';
import { apiFetch } from '@/lib/api/client-fetch';
import type { ConversationForViewer } from '@/lib/conversations/read-conversation';
import type { MessageRecord } from '@/lib/inbox/inbox-state';

export type ServerThread = { conversation: ConversationForViewer | null; messages: MessageRecord[]; error: string | null; refresh: () => void };

/** A conversation read through the app's API (Twilio is the source), kept fresh by polling. */
export function useServerThread(sid: string): ServerThread {
  const [conversation, setConversation] = useState<ConversationForViewer | null>(null);
  const [messages, setMessages] = useState<MessageRecord[]>([]);
  const [error, setError] = useState<string | null>(null);
  const refresh = usePolling(
    async (isCancelled) => {
      try {
        const [loaded, page] = await Promise.all([
          apiFetch<{ conversation: ConversationForViewer }>(`/api/conversations/${sid}`),
          apiFetch<{ messages: MessageRecord[] }>(`/api/conversations/${sid}/messages`),
        ]);
        if (isCancelled()) return;
        setConversation(loaded.conversation);
        setMessages(page.messages);
        setError(null);
      } catch (caught) {
        if (!isCancelled()) setError(caught instanceof Error ? caught.message : 'Could not load the conversation.');
      }
    },
    2_500,
    sid,
  );
  return { conversation, messages, error, refresh };
}
