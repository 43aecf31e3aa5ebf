import { AppError } from '@/lib/api/app-error';
import type { CurrentUser } from '@/lib/auth/current-user';
import { isSupervisorRole } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { conversationService } from '@/lib/twilio/conversation-service';
import { notFoundFromTwilio } from '@/lib/twilio/twilio-errors';
import { type IndexedOwnership, writeAccess } from './write-access';

export type { IndexedOwnership };

/** Ownership (writeAccess): the assignee and supervisors write; everyone else reads. */
export async function canWriteConversation(user: CurrentUser, conversationSid: string): Promise<boolean> {
  const indexed = await db.conversationIndex.findUnique({ where: { sid: conversationSid }, select: { assigneeId: true, queuedAt: true } });
  // Only real conversations: a made-up SID must not leave records behind.
  if (isSupervisorRole(user.role) && !indexed) await fetchConversationOrThrow(conversationSid);
  return canWriteKnownConversation(user, conversationSid, indexed);
}

/** canWriteConversation for a conversation known to exist in Twilio, its index row already read. */
export async function canWriteKnownConversation(user: CurrentUser, conversationSid: string, indexed: IndexedOwnership): Promise<boolean> {
  const access = writeAccess(user, indexed);
  return access === 'if-participant' ? isParticipant(conversationSid, user.id) : access === 'yes';
}

async function fetchConversationOrThrow(conversationSid: string): Promise<void> {
  try {
    await (await conversationService()).conversations(conversationSid).fetch();
  } catch (error) {
    throw notFoundFromTwilio(error, 'No such conversation.');
  }
}

/** Whether `identity` takes part in the conversation (404 when there is no such conversation). */
export async function isParticipant(conversationSid: string, identity: string): Promise<boolean> {
  try {
    const participants = await (await conversationService()).conversations(conversationSid).participants.list({ limit: 1000 });
    return participants.some((participant) => participant.identity === identity);
  } catch (error) {
    throw notFoundFromTwilio(error, 'No such conversation.');
  }
}

export async function assertCanWrite(user: CurrentUser, conversationSid: string): Promise<void> {
  if (!(await canWriteConversation(user, conversationSid))) {
    throw new AppError('forbidden', 'Only the agent this conversation is assigned to (or a supervisor) can do that.');
  }
}
