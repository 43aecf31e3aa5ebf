'use client';

import { useCallback, useState } from 'react';
import { usePolling } from '@/components/use-polling';
import { apiFetch } from '@/lib/api/client-fetch';
import type { NoteView } from '@/lib/notes/notes';

/** A conversation's private notes, refreshed while the tab is visible. */
export function useNotes(conversationSid: string) {
  const [notes, setNotes] = useState<NoteView[]>([]);
  usePolling(
    async (isCancelled) => {
      const result = await apiFetch<{ notes: NoteView[] }>(`/api/conversations/${conversationSid}/notes`);
      if (!isCancelled()) setNotes(result.notes);
    },
    3_000,
    conversationSid,
  );
  const addNote = useCallback(
    async (body: string) => {
      const { note } = await apiFetch<{ note: NoteView }>(`/api/conversations/${conversationSid}/notes`, { body: { body } });
      setNotes((current) => (current.some((existing) => existing.id === note.id) ? current : [...current, note]));
    },
    [conversationSid],
  );
  return { notes, addNote };
}
