'use client';

import { type FormEvent } from 'react';
import { useLiveResource } from '@/components/live/use-live-resource';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField, TextAreaField } from '@/components/ui/labelled-fields';
import { useAction } from '@/components/use-action';
import { apiFetch } from '@/lib/api/client-fetch';
import { ROLE_LABELS } from '@/lib/auth/roles';
import type { TeamMemberStatus } from '@/lib/users/list-team';
import { presenceLabel } from '@/lib/users/presence-label';

type Props = {
  conversationSid: string;
  currentAssigneeId: string | null;
  /** The signed-in user (a supervisor may pick themselves: taking over). */
  viewerId: string;
  onClose: () => void;
  onTransferred: (to: string | null) => void;
};

/** Hand a conversation to a colleague (or yourself, as a supervisor) or back to the queue, with a note. */
export function TransferDialog({ conversationSid, currentAssigneeId, viewerId, onClose, onTransferred }: Props) {
  // Presence and load as they change while the dialog is open.
  const { value: team = null, error: teamError } = useLiveResource(async () => (await apiFetch<{ team: TeamMemberStatus[] }>('/api/team')).team, {
    refetchOn: (event) => event.kind === 'team.changed' || event.kind === 'assignment.changed',
    minIntervalMs: 1_000,
  });
  const { run, pending, error: actionError, setError } = useAction({ fallback: 'The transfer failed.' });
  const error = actionError ?? (teamError && !team ? 'Could not load the team.' : null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const to = String(form.get('to') ?? '');
    const note = String(form.get('note') ?? '').trim();
    if (!to) {
      setError('Choose who takes it.');
      return;
    }
    await run(async () => {
      await apiFetch(`/api/conversations/${conversationSid}/transfer`, { body: { to, ...(note ? { note } : {}) } });
      onTransferred(to === 'queue' ? null : to);
      onClose();
    });
  }

  const candidates = (team ?? []).filter((member) => member.id !== currentAssigneeId);
  return (
    <Dialog open onClose={onClose} labelledBy="transfer-title">
      <form onSubmit={onSubmit} className="flex flex-col gap-4">
        <h2 id="transfer-title" className="text-base font-semibold">Transfer conversation</h2>
        <SelectField label="To" name="to" defaultValue="">
            <option value="" disabled>{team ? 'Choose…' : 'Loading the team…'}</option>
            {candidates.map((member) => (
              <option key={member.id} value={member.id}>
                {member.id === viewerId ? `Me (${member.name})` : member.name} · {ROLE_LABELS[member.role]} · {presenceLabel(member).toLowerCase()} · {member.load}/{member.capacity}
              </option>
            ))}
            {currentAssigneeId ? <option value="queue">Back to the queue</option> : null}
        </SelectField>
        <TextAreaField label="Note for them (optional)" name="note" rows={3} maxLength={500} />
        {error ? <Alert>{error}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="submit" disabled={pending || !team}>{pending ? 'Transferring…' : 'Transfer'}</Button>
        </div>
      </form>
    </Dialog>
  );
}
