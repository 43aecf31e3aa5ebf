'use client';

import { type ChangeEvent, type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField } from '@/components/ui/labelled-fields';
import { TextField } from '@/components/ui/text-field';
import { useAction } from '@/components/use-action';
import { apiFetch } from '@/lib/api/client-fetch';
import { MAX_RECIPIENTS, ZBroadcastInput } from '@/lib/broadcasts/broadcast-schemas';

const FIELDS = ['name', 'body', 'fromNumber', 'recipients'] as const;
type Field = (typeof FIELDS)[number];

/**
 * A new broadcast: one text, from one of the account's numbers, to a pasted or uploaded CSV list
 * (a number per line, optionally a name after a comma). The server checks the list and that a
 * configuration captures the number, then sends it in the background.
 */
export function BroadcastForm({ numbers, onCreated }: { numbers: string[]; onCreated: (id: string) => void }) {
  const { run, pending, error, fieldErrors, setFieldErrors } = useAction<Field>({ fields: FIELDS, refreshAfter: false });
  const [recipients, setRecipients] = useState('');

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) setRecipients(await file.text());
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const parsed = ZBroadcastInput.safeParse({ name: form.get('name'), body: form.get('body'), fromNumber: form.get('fromNumber'), recipients });
    if (!parsed.success) {
      const errors: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) errors[issue.path[0] as Field] ??= issue.message;
      setFieldErrors(errors);
      return;
    }
    let id = '';
    const ok = await run(async () => {
      ({ broadcast: { id } } = await apiFetch<{ broadcast: { id: string } }>('/api/broadcasts', { body: parsed.data }));
    });
    if (ok) {
      formElement.reset();
      setRecipients('');
      onCreated(id);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="broadcast-form-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="broadcast-form-heading" className="text-sm font-semibold">New broadcast</h2>
      <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField label="Broadcast name" name="name" error={fieldErrors.name} autoComplete="off" />
        <SelectField label="Send from" name="fromNumber" error={fieldErrors.fromNumber} defaultValue={numbers[0]}>
          {numbers.map((number) => (
            <option key={number} value={number}>{number}</option>
          ))}
        </SelectField>
      </div>
      <div className="mt-3">
        <TextAreaField label="Message" name="body" rows={3} maxLength={1600} error={fieldErrors.body} />
      </div>
      <div className="mt-3">
        <TextAreaField
          label="Recipients"
          name="recipients"
          rows={5}
          value={recipients}
          onChange={(e) => setRecipients(e.target.value)}
          hint={`One per line: a number, optionally a comma and a name. Up to ${MAX_RECIPIENTS.toLocaleString('en-US')}.`}
          error={fieldErrors.recipients}
        />
        <label className="mt-2 flex items-center gap-2 text-sm text-slate-700">
          Or upload a CSV file
          <input type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void onFile(e)} />
        </label>
      </div>
      <div className="mt-3">
        <Button type="submit" disabled={pending}>{pending ? 'Starting…' : 'Send broadcast'}</Button>
      </div>
      {error ? <div className="mt-3"><Alert>{error}</Alert></div> : null}
    </form>
  );
}
