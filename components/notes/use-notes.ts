'use client';

import { useCallback } from 'react';
import { useLiveResource } from '@/components/live/use-live-resource';
import { apiFetch } from '@/lib/api/client-fetch';
import type { NoteView } from '@/lib/notes/notes';

const NO_NOTES: NoteView[] = [];

/** A conversation's private notes, reloaded when someone adds one. */
export function useNotes(conversationSid: string) {
  const { value: notes = NO_NOTES, update } = useLiveResource(
    async () => (await apiFetch<{ notes: NoteView[] }>(`/api/conversations/${conversationSid}/notes`)).notes,
    { key: conversationSid, refetchOn: (event) => event.kind === 'note.added' && event.data.conversationSid === conversationSid },
  );
  const addNote = useCallback(
    async (body: string) => {
      const { note } = await apiFetch<{ note: NoteView }>(`/api/conversations/${conversationSid}/notes`, { body: { body } });
      update((current = NO_NOTES) => (current.some((existing) => existing.id === note.id) ? current : [...current, note]));
    },
    [conversationSid, update],
  );
  return { notes, addNote };
}
