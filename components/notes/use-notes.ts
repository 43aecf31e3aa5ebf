'use client';

import { useCallback } from 'react';
import { usePolledValue } from '@/components/use-polled-value';
import { apiFetch } from '@/lib/api/client-fetch';
import type { NoteView } from '@/lib/notes/notes';

const NO_NOTES: NoteView[] = [];

/** A conversation's private notes, refreshed while the tab is visible. */
export function useNotes(conversationSid: string) {
  const { value: notes = NO_NOTES, update } = usePolledValue(
    async () => (await apiFetch<{ notes: NoteView[] }>(`/api/conversations/${conversationSid}/notes`)).notes,
    3_000,
    conversationSid,
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
