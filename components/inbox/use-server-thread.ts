'use client';

import { useLiveResource } from '@/components/live/use-live-resource';
import { apiFetch } from '@/lib/api/client-fetch';
import type { ConversationForViewer } from '@/lib/conversations/read-conversation';
import type { MessageRecord } from '@/lib/conversations/view-records';
import { liveClient } from '@/lib/live/live-client';
import type { LiveEvent } from '@/lib/live/live-events';

type ServerThread = {
  conversation: ConversationForViewer | null;
  messages: MessageRecord[];
  hasOlder: boolean;
  error: string | null;
  refresh: () => void;
};

const NO_MESSAGES: MessageRecord[] = [];

/**
 * Whether an event changes this conversation as read through the API: a message or another
 * change of its index row, a change of owner — or this tab's own viewing report coming back,
 * from which on the stream carries the conversation's changes to this tab (one reload covers
 * anything that happened before).
 */
function changesThread(event: LiveEvent, sid: string): boolean {
  switch (event.kind) {
    case 'conversation.updated':
    case 'assignment.changed':
      return event.data.conversationSid === sid;
    case 'viewer.changed':
      return event.data.conversationSid === sid && event.data.connectionId === liveClient().getConnectionId();
    // The customer's name may have changed (a rename, a merge).
    case 'contact.updated':
      return true;
    default:
      return false;
  }
}

/** A conversation read through the app's API (Twilio is the source), reloaded when the live stream says it changed. */
export function useServerThread(sid: string): ServerThread {
  const { value, error, refresh } = useLiveResource(
    async () => {
      const [loaded, page] = await Promise.all([
        apiFetch<{ conversation: ConversationForViewer }>(`/api/conversations/${sid}`),
        apiFetch<{ messages: MessageRecord[]; hasOlder: boolean }>(`/api/conversations/${sid}/messages`),
      ]);
      return { conversation: loaded.conversation, messages: page.messages, hasOlder: page.hasOlder };
    },
    { key: sid, refetchOn: (event) => changesThread(event, sid), minIntervalMs: 250, safetyRefreshMs: 30_000 },
  );
  return {
    conversation: value?.conversation ?? null,
    messages: value?.messages ?? NO_MESSAGES,
    hasOlder: value?.hasOlder ?? false,
    error: error ? (error instanceof Error ? error.message : 'Could not load the conversation.') : null,
    refresh,
  };
}
