'use client';

import { useEditableList } from '@/components/admin/use-editable-list';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { TextField } from '@/components/ui/text-field';
import { TextAreaField } from '@/components/ui/labelled-fields';
import { type CannedResponseView, ZCannedResponse } from '@/lib/canned-responses/canned-response-schema';

export function CannedResponsesAdmin({ initial }: { initial: CannedResponseView[] }) {
  const { editing, edit, error, formKey, deleting, setDeleting, isDeleting, confirmDelete, onSubmit } = useEditableList<CannedResponseView>({
    endpoint: '/api/canned-responses',
    changedKind: 'canned-responses.changed',
    schema: ZCannedResponse,
    fieldsOf: (form) => ({ shortcut: form.get('shortcut'), title: form.get('title'), body: form.get('body') }),
  });

  return (
    <div className="mt-6 flex flex-col gap-6">
      <form key={formKey} onSubmit={onSubmit} aria-label={editing ? 'Edit canned response' : 'New canned response'} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label="Shortcut" name="shortcut" defaultValue={editing?.shortcut} placeholder="refund-policy" autoComplete="off" />
          <TextField label="Title" name="title" defaultValue={editing?.title} autoComplete="off" />
        </div>
        <TextAreaField label="Reply" name="body" rows={3} defaultValue={editing?.body} />
        {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
        <div className="flex gap-2">
          <Button type="submit">{editing ? 'Save changes' : 'Add canned response'}</Button>
          {editing ? (
            <Button variant="secondary" onClick={() => edit(null)}>Cancel</Button>
          ) : null}
        </div>
      </form>
      <ul aria-label="Canned responses" className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {initial.length === 0 ? <li className="p-4 text-sm text-slate-500">None yet.</li> : null}
        {initial.map((response) => (
          <li key={response.id} className="flex items-start gap-3 p-4">
            <div className="min-w-0 flex-1">
              <p className="text-sm"><span className="font-mono text-indigo-700">/{response.shortcut}</span> <span className="font-medium">{response.title}</span></p>
              <p className="mt-1 whitespace-pre-wrap text-sm text-slate-600">{response.body}</p>
            </div>
            <Button variant="secondary" onClick={() => edit(response)}>Edit</Button>
            <Button variant="danger" onClick={() => setDeleting(response)}>Delete</Button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete /${deleting?.shortcut ?? ''}?`}
        confirmLabel="Delete"
        pending={isDeleting}
        onCancel={() => setDeleting(null)}
        onConfirm={() => void confirmDelete()}
      >
        Agents can no longer insert “{deleting?.title}”. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
