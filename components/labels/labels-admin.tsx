'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { useLiveEvent } from '@/components/live/use-live-event';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { SelectField } from '@/components/ui/labelled-fields';
import { TextField } from '@/components/ui/text-field';
import { ApiError, apiFetch } from '@/lib/api/client-fetch';
import { LABEL_COLORS, type LabelView, ZLabel } from '@/lib/labels/label-schema';
import { LabelChip } from './label-chip';

/** Supervisors add, rename, recolour and delete the team's labels (the API checks the role). */
export function LabelsAdmin({ initial }: { initial: LabelView[] }) {
  const router = useRouter();
  const [editing, setEditing] = useState<LabelView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [deleting, setDeleting] = useState<LabelView | null>(null);
  const [isDeleting, setIsDeleting] = useState(false);
  // Another supervisor's change shows here too.
  useLiveEvent((event) => {
    if (event.kind === 'labels.changed') router.refresh();
  });

  async function confirmDelete() {
    if (!deleting) return;
    setIsDeleting(true);
    try {
      await apiFetch(`/api/labels/${deleting.id}`, { method: 'DELETE' });
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
    const form = new FormData(event.currentTarget);
    const parsed = ZLabel.safeParse({ name: form.get('name'), color: form.get('color') });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the form.');
      return;
    }
    try {
      await apiFetch(editing ? `/api/labels/${editing.id}` : '/api/labels', { method: editing ? 'PUT' : 'POST', body: parsed.data });
      setEditing(null);
      setError(null);
      setFormKey((key) => key + 1);
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not save.');
    }
  }

  return (
    <div className="mt-6 flex flex-col gap-6">
      <form key={formKey} onSubmit={onSubmit} aria-label={editing ? 'Edit label' : 'New label'} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label="Name" name="name" defaultValue={editing?.name} placeholder="Billing" autoComplete="off" />
          <SelectField label="Colour" name="color" defaultValue={editing?.color ?? 'indigo'}>
            {LABEL_COLORS.map((color) => (
              <option key={color} value={color}>
                {color[0]!.toUpperCase() + color.slice(1)}
              </option>
            ))}
          </SelectField>
        </div>
        {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
        <div className="flex gap-2">
          <Button type="submit">{editing ? 'Save changes' : 'Add label'}</Button>
          {editing ? (
            <Button variant="secondary" onClick={() => { setEditing(null); setFormKey((key) => key + 1); }}>Cancel</Button>
          ) : null}
        </div>
      </form>
      <ul aria-label="Labels" className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {initial.length === 0 ? <li className="p-4 text-sm text-slate-500">None yet.</li> : null}
        {initial.map((label) => (
          <li key={label.id} className="flex items-center gap-3 p-3">
            <div className="min-w-0 flex-1"><LabelChip label={label} /></div>
            <Button variant="secondary" onClick={() => { setEditing(label); setFormKey((key) => key + 1); }}>Edit</Button>
            <Button variant="danger" onClick={() => setDeleting(label)}>Delete</Button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete “${deleting?.name ?? ''}”?`}
        confirmLabel="Delete"
        pending={isDeleting}
        onCancel={() => setDeleting(null)}
        onConfirm={() => void confirmDelete()}
      >
        It comes off every conversation that has it. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
