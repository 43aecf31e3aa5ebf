'use client';

import { useEditableList } from '@/components/admin/use-editable-list';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { SelectField } from '@/components/ui/labelled-fields';
import { TextField } from '@/components/ui/text-field';
import { LABEL_COLORS, type LabelView, ZLabel } from '@/lib/labels/label-schema';
import { LabelChip } from './label-chip';

/** Supervisors add, rename, recolour and delete the team's labels (the API checks the role). */
export function LabelsAdmin({ initial }: { initial: LabelView[] }) {
  const { editing, edit, error, formKey, deleting, setDeleting, isDeleting, confirmDelete, onSubmit } = useEditableList<LabelView>({
    endpoint: '/api/labels',
    changedKind: 'labels.changed',
    schema: ZLabel,
    fieldsOf: (form) => ({ name: form.get('name'), color: form.get('color') }),
  });

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
            <Button variant="secondary" onClick={() => edit(null)}>Cancel</Button>
          ) : null}
        </div>
      </form>
      <ul aria-label="Labels" className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {initial.length === 0 ? <li className="p-4 text-sm text-slate-500">None yet.</li> : null}
        {initial.map((label) => (
          <li key={label.id} className="flex items-center gap-3 p-3">
            <div className="min-w-0 flex-1"><LabelChip label={label} /></div>
            <Button variant="secondary" onClick={() => edit(label)}>Edit</Button>
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
