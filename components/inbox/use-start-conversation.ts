'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiError, apiFetch } from '@/lib/api/client-fetch';

/**
 * Starts a conversation through `url` and opens it. When one with the same customer(s) is
 * already open and the agent takes part in it, that one opens instead (Twilio allows one);
 * otherwise the server's reason is shown.
 */
export function useStartConversation(url: string, onStarted: () => void) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start(body: unknown) {
    setPending(true);
    setError(null);
    try {
      const { conversationSid } = await apiFetch<{ conversationSid: string }>(url, { body });
      onStarted();
      router.push(`/inbox/${conversationSid}`);
    } catch (caught) {
      const existing = caught instanceof ApiError && caught.status === 409 && caught.details?.isParticipant ? caught.details.conversationSid : null;
      if (existing) {
        onStarted();
        router.push(`/inbox/${existing}`);
        return;
      }
      setError(caught instanceof ApiError ? caught.message : 'Could not start the conversation.');
    } finally {
      setPending(false);
    }
  }

  return { start, pending, error, setError };
}
