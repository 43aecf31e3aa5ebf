'use client';

import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { SelectField } from '@/components/ui/labelled-fields';
import { apiFetch } from '@/lib/api/client-fetch';
import { ROLE_LABELS, ROLES } from '@/lib/auth/roles';
import { ZCreateUser } from '@/lib/users/user-schemas';
import { useAction } from '@/components/use-action';

const FIELDS = ['email', 'name', 'password', 'role', 'capacity'] as const;
type Field = (typeof FIELDS)[number];

export function CreateUserForm() {
  // The server's verdicts (a password too easy to guess) show beside their field, like ours.
  const { run, pending, error, fieldErrors, setFieldErrors } = useAction<Field>({ refreshAfter: true, fields: FIELDS });
  const [created, setCreated] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setCreated(null);
    const parsed = ZCreateUser.safeParse({
      email: form.get('email'),
      name: form.get('name'),
      password: form.get('password'),
      role: form.get('role'),
      capacity: Number(form.get('capacity')),
    });
    if (!parsed.success) {
      const errors: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) errors[issue.path[0] as Field] ??= issue.message;
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    const ok = await run(() => apiFetch('/api/admin/users', { body: parsed.data }));
    if (ok) {
      setCreated(parsed.data.email);
      formElement.reset();
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="create-user-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="create-user-heading" className="text-sm font-semibold">Add a team member</h2>
      <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <TextField label="Name" name="name" error={fieldErrors.name} autoComplete="off" />
        <TextField label="Email" name="email" type="email" error={fieldErrors.email} autoComplete="off" />
        <TextField label="Initial password" name="password" type="password" error={fieldErrors.password} autoComplete="new-password" />
        <SelectField label="Role" name="role" defaultValue="AGENT">
          {ROLES.map((role) => (
            <option key={role} value={role}>{ROLE_LABELS[role]}</option>
          ))}
        </SelectField>
        <TextField label="Capacity" name="capacity" type="number" min={0} max={100} defaultValue={5} error={fieldErrors.capacity} />
      </div>
      <div className="mt-3 flex items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? 'Adding…' : 'Add member'}</Button>
        {created ? <p role="status" className="text-sm text-emerald-700">Added {created}.</p> : null}
      </div>
      {error ? <div className="mt-3"><Alert>{error}</Alert></div> : null}
    </form>
  );
}
