import { isSupervisorRole, type Role } from '@/lib/auth/roles';

// Who may transfer which conversation to whom: the rules, pure, in one place.

export type TransferTarget = { kind: 'queue' } | { kind: 'user'; id: string; role: Role; active: boolean };

export type TransferRequest = {
  actor: { id: string; role: Role };
  conversation: { assigneeId: string | null; state: 'ACTIVE' | 'INACTIVE' | 'CLOSED' };
  target: TransferTarget;
};

export type TransferDecision = { allowed: true } | { allowed: false; reason: string; code: 'forbidden' | 'conflict' };

/**
 * Supervisors move any open conversation to anyone on the team (themselves included: taking
 * over) or back to the queue. Agents move only their own, to a colleague or the queue.
 */
export function decideTransfer({ actor, conversation, target }: TransferRequest): TransferDecision {
  if (conversation.state === 'CLOSED') return { allowed: false, code: 'conflict', reason: 'A closed conversation cannot be transferred.' };
  const isSupervisor = isSupervisorRole(actor.role);
  if (!isSupervisor && conversation.assigneeId !== actor.id) {
    return { allowed: false, code: 'forbidden', reason: 'You can only transfer conversations assigned to you.' };
  }
  if (target.kind === 'queue') {
    return conversation.assigneeId === null ? { allowed: false, code: 'conflict', reason: 'It is already waiting in the queue.' } : { allowed: true };
  }
  if (!target.active) return { allowed: false, code: 'conflict', reason: 'That person’s account is disabled.' };
  if (target.id === conversation.assigneeId) return { allowed: false, code: 'conflict', reason: 'It is already assigned to them.' };
  if (!isSupervisor && target.id === actor.id) return { allowed: false, code: 'conflict', reason: 'It is already yours.' };
  return { allowed: true };
}
