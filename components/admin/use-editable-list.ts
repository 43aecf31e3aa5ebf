'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import { useLiveEvent } from '@/components/live/use-live-event';
import { ApiError, apiFetch } from '@/lib/api/client-fetch';
import type { LiveEvent } from '@/lib/live/live-events';

type Options = {
  /** The collection's route: POST here, PUT and DELETE at `${endpoint}/${id}`. */
  endpoint: string;
  /** The live event another supervisor's change sends (the list refreshes on it). */
  changedKind: LiveEvent['kind'];
  schema: z.ZodType;
  /** The form's fields as the schema reads them. */
  fieldsOf: (form: FormData) => Record<string, unknown>;
};

/**
 * A supervisor's editable list (labels, canned responses): one form that adds or edits, a
 * confirmed delete, the server's error shown, and the list refreshed after every change and
 * whenever another supervisor changes it. The API checks the role.
 */
export function useEditableList<T extends { id: string }>({ endpoint, changedKind, schema, fieldsOf }: Options) {
  const router = useRouter();
  const [editing, setEditing] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A new key resets the uncontrolled form to the item being edited (or to empty).
  const [formKey, setFormKey] = useState(0);
  const [deleting, setDeleting] = useState<T | null>(null);
  const [isDeleting, setIsDeleting] = useState(false);
  useLiveEvent((event) => {
    if (event.kind === changedKind) router.refresh();
  });

  const edit = (item: T | null) => {
    setEditing(item);
    setFormKey((key) => key + 1);
  };

  async function confirmDelete() {
    if (!deleting) return;
    setIsDeleting(true);
    try {
      await apiFetch(`${endpoint}/${deleting.id}`, { method: 'DELETE' });
      setError(null);
    } catch {
      setError('Could not delete.');
    } finally {
      setIsDeleting(false);
      setDeleting(null);
      router.refresh();
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = schema.safeParse(fieldsOf(new FormData(event.currentTarget)));
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the form.');
      return;
    }
    try {
      await apiFetch(editing ? `${endpoint}/${editing.id}` : endpoint, { method: editing ? 'PUT' : 'POST', body: parsed.data });
      setError(null);
      edit(null);
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not save.');
    }
  }

  return { editing, edit, error, formKey, deleting, setDeleting, isDeleting, confirmDelete, onSubmit };
}
