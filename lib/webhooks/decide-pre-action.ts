import type { Role } from '@/lib/auth/roles';
import { type IndexedOwnership, writeAccess } from '@/lib/conversations/write-access';
import type { PreActionEvent } from './pre-action-events';

export type PreActionActor = { id: string; role: Role; active: boolean } | null;

export type PreActionDecision = { allowed: true } | { allowed: false; reason: 'unknown_user' | 'disabled' | 'not_owner'; message: string };

const ALLOWED: PreActionDecision = { allowed: true };

/**
 * Twilio asks before publishing an SDK client's write: the second line behind the roles. A
 * message (sent, edited, deleted) needs the right to write in the conversation (writeAccess; the
 * SDK can only write where it takes part, so "if-participant" holds); adding a participant — a
 * join, or anyone added — needs its current owner. Never a disabled or unknown identity.
 * Everything not from an SDK is the app's own REST calls, Twilio's, or a customer's: allowed.
 */
export function decidePreAction(event: PreActionEvent, actor: PreActionActor, indexed: IndexedOwnership): PreActionDecision {
  if (!event.isFromSdk) return ALLOWED;
  if (!actor) return { allowed: false, reason: 'unknown_user', message: 'Not a Switchboard team member.' };
  if (!actor.active) return { allowed: false, reason: 'disabled', message: 'This account is disabled.' };
  if (event.type === 'onParticipantAdd') {
    return indexed?.assigneeId === actor.id ? ALLOWED : { allowed: false, reason: 'not_owner', message: 'People are added to conversations by Switchboard.' };
  }
  return writeAccess(actor, indexed) === 'no'
    ? { allowed: false, reason: 'not_owner', message: 'Only the agent this conversation is assigned to (or a supervisor) can write in it.' }
    : ALLOWED;
}
