'use client';

import { type FormEvent, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ApiError, apiFetch } from '@/lib/api/client-fetch';
import { ROLE_LABELS } from '@/lib/auth/roles';
import type { TeamMemberStatus } from '@/lib/users/list-team';

type Props = {
  conversationSid: string;
  currentAssigneeId: string | null;
  /** The signed-in user (a supervisor may pick themselves: taking over). */
  viewerId: string;
  open: boolean;
  onClose: () => void;
  onTransferred: (to: string | null) => void;
};

/** Hand a conversation to a colleague (or yourself, as a supervisor) or back to the queue, with a note. */
export function TransferDialog({ conversationSid, currentAssigneeId, viewerId, open, onClose, onTransferred }: Props) {
  const [team, setTeam] = useState<TeamMemberStatus[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    apiFetch<{ team: TeamMemberStatus[] }>('/api/team').then(
      (result) => !cancelled && setTeam(result.team),
      () => !cancelled && setError('Could not load the team.'),
    );
    return () => {
      cancelled = true;
    };
  }, [open]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const to = String(form.get('to') ?? '');
    const note = String(form.get('note') ?? '').trim();
    if (!to) {
      setError('Choose who takes it.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      await apiFetch(`/api/conversations/${conversationSid}/transfer`, { body: { to, ...(note ? { note } : {}) } });
      onTransferred(to === 'queue' ? null : to);
      onClose();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The transfer failed.');
    } finally {
      setPending(false);
    }
  }

  const candidates = (team ?? []).filter((member) => member.id !== currentAssigneeId);
  return (
    <Dialog open={open} onClose={onClose} labelledBy="transfer-title">
      <form onSubmit={onSubmit} className="flex flex-col gap-4">
        <h2 id="transfer-title" className="text-base font-semibold">Transfer conversation</h2>
        <div className="flex flex-col gap-1">
          <label htmlFor="transfer-to" className="text-sm font-medium text-slate-700">To</label>
          <select id="transfer-to" name="to" defaultValue="" className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm">
            <option value="" disabled>{team ? 'Choose…' : 'Loading the team…'}</option>
            {candidates.map((member) => (
              <option key={member.id} value={member.id}>
                {member.id === viewerId ? `Me (${member.name})` : member.name} · {ROLE_LABELS[member.role]} · {member.online ? (member.availability === 'AVAILABLE' ? 'available' : 'away') : 'offline'} · {member.load}/{member.capacity}
              </option>
            ))}
            {currentAssigneeId ? <option value="queue">Back to the queue</option> : null}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="transfer-note" className="text-sm font-medium text-slate-700">Note for them (optional)</label>
          <textarea id="transfer-note" name="note" rows={3} maxLength={500} className="rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </div>
        {error ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="submit" disabled={pending || !team}>{pending ? 'Transferring…' : 'Transfer'}</Button>
        </div>
      </form>
    </Dialog>
  );
}
