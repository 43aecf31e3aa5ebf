import { isSupervisorRole, type Role } from '@/lib/auth/roles';

/** The conversation's index row as far as ownership goes; null when it is not indexed. */
export type IndexedOwnership = { assigneeId: string | null; queuedAt: Date | null } | null;

/** 'if-participant': a conversation nobody owns or waits for (made outside Switchboard). */
export type WriteAccess = 'yes' | 'no' | 'if-participant';

/**
 * Who may write in a conversation — the one rule the app's API and Twilio's pre-action webhook
 * both apply: its owner (the assignee) and supervisors; for a conversation Switchboard neither
 * assigned nor queued, whoever takes part in it.
 */
export function writeAccess(user: { id: string; role: Role }, indexed: IndexedOwnership): WriteAccess {
  if (isSupervisorRole(user.role)) return 'yes';
  if (indexed && (indexed.assigneeId || indexed.queuedAt)) return indexed.assigneeId === user.id ? 'yes' : 'no';
  return 'if-participant';
}
