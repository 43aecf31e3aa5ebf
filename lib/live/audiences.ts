import type { Role } from '@/lib/auth/roles';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';

/**
 * Who receives an event, decided where it is published. A recipient matches if any part
 * matches; an empty audience reaches nobody. Payloads carry no content, so an audience is about
 * relevance as much as secrecy: supervisors see the whole floor, agents their own work, the
 * queue, and the conversations they have open.
 */
export type Audience = {
  everyone?: boolean;
  roles?: readonly Role[];
  userIds?: readonly (string | null)[];
  /** Tabs showing one of these conversations now. */
  viewersOf?: readonly (string | null)[];
};

export type Recipient = { userId: string; role: Role; viewing: string | null };

export function canReceive(audience: Audience, recipient: Recipient): boolean {
  if (audience.everyone) return true;
  if (audience.roles?.includes(recipient.role)) return true;
  if (audience.userIds?.includes(recipient.userId)) return true;
  return recipient.viewing !== null && Boolean(audience.viewersOf?.includes(recipient.viewing));
}

export const EVERYONE: Audience = { everyone: true };
export const SUPERVISORS: Audience = { roles: SUPERVISOR_ROLES };

/**
 * A conversation's change: supervisors (the floor), its owner, whoever has it open, and every
 * agent while it waits in the queue (their Queue tab lists it).
 */
export function conversationAudience({ conversationSid, assigneeIds = [], queued }: { conversationSid: string; assigneeIds?: (string | null)[]; queued: boolean }): Audience {
  return {
    roles: queued ? ['AGENT', ...SUPERVISOR_ROLES] : SUPERVISOR_ROLES,
    userIds: assigneeIds.filter((id): id is string => id !== null),
    viewersOf: [conversationSid],
  };
}
