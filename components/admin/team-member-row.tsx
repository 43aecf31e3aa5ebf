'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { stackedTable } from '@/components/ui/stacked-table';
import { apiFetch } from '@/lib/api/client-fetch';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/auth/roles';
import { ZPassword } from '@/lib/users/user-schemas';
import { useAction } from '@/components/use-action';

export type TeamMember = { id: string; email: string; name: string; role: Role; active: boolean; capacity: number };

export function TeamMemberRow({ user, isSelf }: { user: TeamMember; isSelf: boolean }) {
  const { run, pending, error, setError, fieldErrors, setFieldErrors } = useAction<'password'>({ refreshAfter: true, fields: ['password'] });
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  // Disabling and role changes take effect at once everywhere (sessions, Twilio access), so each asks first.
  const [confirming, setConfirming] = useState<{ kind: 'disable' } | { kind: 'role'; role: Role } | null>(null);
  const update = (patch: Partial<Pick<TeamMember, 'name' | 'role' | 'active' | 'capacity'>>) =>
    run(() => apiFetch(`/api/admin/users/${user.id}`, { method: 'PATCH', body: patch }));

  async function resetPassword() {
    setNotice(null);
    const parsed = ZPassword.safeParse(password);
    if (!parsed.success) {
      setFieldErrors({ password: parsed.error.issues[0]?.message ?? 'Invalid password.' });
      return;
    }
    // The server also judges how guessable it is; its reason shows beside the field.
    const ok = await run(() => apiFetch(`/api/admin/users/${user.id}/password`, { body: { password: parsed.data } }));
    if (ok) {
      setResetting(false);
      setPassword('');
      setNotice(isSelf ? 'Password reset. Your other sessions were signed out.' : 'Password reset. They were signed out everywhere.');
    }
  }

  async function signOutEverywhere() {
    setNotice(null);
    if (await run(() => apiFetch(`/api/admin/users/${user.id}/sessions`, { method: 'DELETE' }))) setNotice('Signed out everywhere.');
  }

  return (
    <tr className={`border-b border-slate-100 align-top ${stackedTable.row}`} data-testid={`team-member-${user.email}`}>
      <td className={`py-3 pr-3 ${stackedTable.cell} ${stackedTable.wide}`}>
        <div className="flex items-center gap-1">
          <input
            aria-label={`Name of ${user.email}`}
            defaultValue={user.name}
            disabled={pending}
            maxLength={100}
            onBlur={(event) => {
              const name = event.target.value.trim();
              if (name && name !== user.name) void update({ name });
            }}
            className="w-40 rounded-md border border-transparent px-1 py-0.5 font-medium hover:border-slate-300 focus:border-slate-300"
          />
          {isSelf ? <span className="text-xs text-slate-500">(you)</span> : null}
        </div>
        <p className="px-1 text-xs text-slate-500">{user.email}</p>
      </td>
      <td className={`py-3 pr-3 ${stackedTable.cell}`} data-label="Role">
        <select
          aria-label={`Role of ${user.name}`}
          value={user.role}
          disabled={pending || isSelf}
          onChange={(event) => setConfirming({ kind: 'role', role: event.target.value as Role })}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>{ROLE_LABELS[role]}</option>
          ))}
        </select>
      </td>
      <td className={`py-3 pr-3 ${stackedTable.cell}`} data-label="Capacity">
        <input
          aria-label={`Capacity of ${user.name}`}
          type="number"
          min={0}
          max={100}
          defaultValue={user.capacity}
          disabled={pending}
          onBlur={(event) => {
            // An emptied or invalid field keeps the capacity (0 would silently stop their work).
            const capacity = event.target.value.trim() === '' ? NaN : Number(event.target.value);
            if (!Number.isInteger(capacity)) event.target.value = String(user.capacity);
            else if (capacity !== user.capacity) void update({ capacity });
          }}
          className="w-20 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        />
      </td>
      <td className={`py-3 pr-3 ${stackedTable.cell}`} data-label="Status">
        <span className={user.active ? 'text-emerald-700' : 'text-slate-500'}>{user.active ? 'Active' : 'Disabled'}</span>
      </td>
      <td className={`py-3 ${stackedTable.cell} ${stackedTable.wide}`}>
        <div className="flex flex-wrap justify-end gap-2 max-md:justify-start">
          <Button
            variant={user.active ? 'danger' : 'secondary'}
            disabled={pending || isSelf}
            onClick={() => (user.active ? setConfirming({ kind: 'disable' }) : void update({ active: true }))}
          >
            {user.active ? 'Disable' : 'Enable'}
          </Button>
          <Button variant="secondary" disabled={pending} onClick={() => { setResetting((open) => !open); setNotice(null); setError(null); setFieldErrors({}); }}>
            Reset password
          </Button>
          {/* Your own sessions end from the header's "Sign out everywhere". */}
          <Button variant="secondary" disabled={pending || isSelf} onClick={() => void signOutEverywhere()}>
            Sign out everywhere
          </Button>
        </div>
        {resetting ? (
          <div className="mt-2 flex flex-col items-end gap-1">
            <div className="flex gap-2">
              <input
                aria-label={`New password for ${user.name}`}
                aria-invalid={fieldErrors.password ? true : undefined}
                aria-describedby={fieldErrors.password ? `password-error-${user.id}` : undefined}
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                className="w-48 rounded-md border border-slate-300 px-2 py-1 text-sm aria-invalid:border-red-400"
              />
              <Button disabled={pending} onClick={() => void resetPassword()}>Save</Button>
            </div>
            {fieldErrors.password ? (
              <p id={`password-error-${user.id}`} className="max-w-xs text-right text-xs text-red-700">
                {fieldErrors.password}
              </p>
            ) : null}
          </div>
        ) : null}
        {error || notice ? (
          <p role={error ? 'alert' : 'status'} className={`mt-2 text-right text-xs ${error ? 'text-red-700' : 'text-slate-600'}`}>
            {error ?? notice}
          </p>
        ) : null}
        <ConfirmDialog
          open={confirming !== null}
          title={confirming?.kind === 'role' ? `Make ${user.name} ${articleFor(ROLE_LABELS[confirming.role])}?` : `Disable ${user.name}?`}
          confirmLabel={confirming?.kind === 'role' ? 'Change role' : 'Disable'}
          pending={pending}
          onCancel={() => setConfirming(null)}
          onConfirm={async () => {
            const change = confirming;
            if (!change) return;
            await update(change.kind === 'role' ? { role: change.role } : { active: false });
            setConfirming(null);
          }}
        >
          {confirming?.kind === 'role'
            ? `Their access changes now: ${ROLE_LABELS[confirming.role].toLowerCase()} permissions apply from their next request.`
            : 'They are signed out everywhere and lose access to every conversation until an admin enables them again.'}
        </ConfirmDialog>
      </td>
    </tr>
  );
}

function articleFor(label: string) {
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label.toLowerCase()}`;
}
