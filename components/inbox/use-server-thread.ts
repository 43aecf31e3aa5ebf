'use client';

import { usePolledValue } from '@/components/use-polled-value';
import { apiFetch } from '@/lib/api/client-fetch';
import type { ConversationForViewer } from '@/lib/conversations/read-conversation';
import type { MessageRecord } from '@/lib/conversations/view-records';

type ServerThread = {
  conversation: ConversationForViewer | null;
  messages: MessageRecord[];
  hasOlder: boolean;
  error: string | null;
  refresh: () => void;
};

const NO_MESSAGES: MessageRecord[] = [];

/** A conversation read through the app's API (Twilio is the source), kept fresh by polling. */
export function useServerThread(sid: string): ServerThread {
  const { value, error, refresh } = usePolledValue(
    async () => {
      const [loaded, page] = await Promise.all([
        apiFetch<{ conversation: ConversationForViewer }>(`/api/conversations/${sid}`),
        apiFetch<{ messages: MessageRecord[]; hasOlder: boolean }>(`/api/conversations/${sid}/messages`),
      ]);
      return { conversation: loaded.conversation, messages: page.messages, hasOlder: page.hasOlder };
    },
    2_500,
    sid,
  );
  return {
    conversation: value?.conversation ?? null,
    messages: value?.messages ?? NO_MESSAGES,
    hasOlder: value?.hasOlder ?? false,
    error: error ? (error instanceof Error ? error.message : 'Could not load the conversation.') : null,
    refresh,
  };
}
