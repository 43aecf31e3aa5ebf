'use client';

import { useCallback, useEffect, useState } from 'react';
import { apiFetch } from '@/lib/api/client-fetch';
import type { NoteView } from '@/lib/notes/notes';

const POLL_MS = 3_000;

/** A conversation's private notes, refreshed while the tab is visible (any instance answers). */
export function useNotes(conversationSid: string) {
  const [notes, setNotes] = useState<NoteView[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let cancelled = false;
    apiFetch<{ notes: NoteView[] }>(`/api/conversations/${conversationSid}/notes`).then(
      (result) => !cancelled && setNotes(result.notes),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [conversationSid, tick]);
  useEffect(() => {
    const timer = setInterval(() => document.visibilityState === 'visible' && setTick((value) => value + 1), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  const addNote = useCallback(
    async (body: string) => {
      const { note } = await apiFetch<{ note: NoteView }>(`/api/conversations/${conversationSid}/notes`, { body: { body } });
      setNotes((current) => (current.some((existing) => existing.id === note.id) ? current : [...current, note]));
    },
    [conversationSid],
  );
  return { notes, addNote };
}
