import 'server-only';
import { AppError } from '@/lib/api/app-error';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCanWrite } from '@/lib/conversations/conversation-access';
import { takeAdvisoryLock } from '@/lib/db/advisory-lock';
import { db } from '@/lib/db/client';
import { MAX_SNOOZE_DAYS, type TSnooze } from './snooze-schema';
import { rearmSnoozeTimer } from './snooze-timer';
import { wakeConversationIn } from './wake-conversation';
import { announceConversationChange } from '@/lib/live/announce-conversation-change';

/**
 * Snoozes an open conversation: it leaves its owner's Open list until the time given or the
 * customer's next message (whichever comes first), then comes back with a notice. Whoever may
 * write in it may snooze it.
 */
export async function snoozeConversation({ user, conversationSid, snooze, now = new Date() }: { user: CurrentUser; conversationSid: string; snooze: TSnooze; now?: Date }): Promise<void> {
  const until = snooze.until ? new Date(snooze.until) : null;
  if (until && until <= now) throw new AppError('invalid_request', 'Pick a time in the future.');
  if (until && until.getTime() - now.getTime() > MAX_SNOOZE_DAYS * 86_400_000) throw new AppError('invalid_request', `Snooze for at most ${MAX_SNOOZE_DAYS} days.`);
  await assertCanWrite(user, conversationSid);
  await db.$transaction(async (tx) => {
    await takeAdvisoryLock(tx, conversationSid);
    const conversation = await tx.conversationIndex.findUnique({ where: { sid: conversationSid }, select: { state: true, assigneeId: true, queuedAt: true } });
    if (!conversation) throw new AppError('not_found', 'This conversation is not in the index yet; try again in a moment.');
    if (conversation.state === 'CLOSED') throw new AppError('conflict', 'A closed conversation cannot be snoozed.');
    await tx.conversationIndex.update({
      where: { sid: conversationSid },
      data: { snoozedUntil: until, snoozeUntilReply: snooze.untilReply, snoozedById: user.id, snoozedAt: now, snoozeEndedAt: null, snoozeEndReason: null },
    });
    await announceConversationChange({ conversationSid, change: 'snooze', row: conversation, tx });
  });
  if (until) rearmSnoozeTimer();
}

/** Brings a snoozed conversation back now (the snooze menu's "Unsnooze"). */
export async function unsnoozeConversation({ user, conversationSid, now = new Date() }: { user: CurrentUser; conversationSid: string; now?: Date }): Promise<void> {
  await assertCanWrite(user, conversationSid);
  const woken = await db.$transaction((tx) => wakeConversationIn(tx, { conversationSid, reason: 'AGENT', now }));
  if (!woken) throw new AppError('conflict', 'This conversation is not snoozed.');
}
