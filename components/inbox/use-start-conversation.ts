'use client';

import { useRouter } from 'next/navigation';
import { useAction } from '@/components/use-action';
import { ApiError, apiFetch } from '@/lib/api/client-fetch';

/**
 * Starts a conversation through `url` and opens it. When one with the same customer(s) is
 * already open and the agent takes part in it, that one opens instead (Twilio allows one);
 * otherwise the server's reason is shown.
 */
export function useStartConversation(url: string, onStarted: () => void) {
  const router = useRouter();
  const { run, pending, error, setError } = useAction({ fallback: 'Could not start the conversation.' });

  const start = (body: unknown) =>
    run(async () => {
      const conversationSid = await apiFetch<{ conversationSid: string }>(url, { body }).then(
        (started) => started.conversationSid,
        (caught: unknown) => {
          const existing = caught instanceof ApiError && caught.status === 409 && caught.details?.isParticipant ? caught.details.conversationSid : null;
          if (existing) return existing;
          throw caught;
        },
      );
      onStarted();
      router.push(`/inbox/${conversationSid}`);
    });

  return { start, pending, error, setError };
}
