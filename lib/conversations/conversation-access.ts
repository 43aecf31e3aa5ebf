import { AppError } from '@/lib/api/app-error';
import type { CurrentUser } from '@/lib/auth/current-user';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { conversationService } from '@/lib/twilio/conversation-service';

type TwilioRestError = { status?: number };

export function isSupervisor(user: Pick<CurrentUser, 'role'>): boolean {
  return (SUPERVISOR_ROLES as readonly string[]).includes(user.role);
}

/**
 * Ownership: the assignee writes in a conversation, and supervisors may; everyone else reads.
 * Conversations the index does not know (made outside Switchboard) fall back to membership.
 */
export async function canWriteConversation(user: CurrentUser, conversationSid: string): Promise<boolean> {
  if (isSupervisor(user)) return true;
  const indexed = await db.conversationIndex.findUnique({ where: { sid: conversationSid }, select: { assigneeId: true } });
  if (indexed) return indexed.assigneeId === user.id;
  try {
    const participants = await (await conversationService()).conversations(conversationSid).participants.list({ limit: 1000 });
    return participants.some((participant) => participant.identity === user.id);
  } catch (error) {
    if ((error as TwilioRestError).status === 404) throw new AppError('not_found', 'No such conversation.');
    throw error;
  }
}

export async function assertCanWrite(user: CurrentUser, conversationSid: string): Promise<void> {
  if (!(await canWriteConversation(user, conversationSid))) {
    throw new AppError('forbidden', 'Only the agent this conversation is assigned to (or a supervisor) can do that.');
  }
}
