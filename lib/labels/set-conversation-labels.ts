import 'server-only';
import { AppError } from '@/lib/api/app-error';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCanWrite } from '@/lib/conversations/conversation-access';
import { takeAdvisoryLock } from '@/lib/db/advisory-lock';
import { db } from '@/lib/db/client';
import { announceConversationChange } from '@/lib/live/announce-conversation-change';

/**
 * Sets a conversation's labels (the picker sends them all): whoever may write in it — its owner,
 * supervisors — may label it. Unknown label ids are refused rather than ignored.
 */
export async function setConversationLabels({ user, conversationSid, labelIds }: { user: CurrentUser; conversationSid: string; labelIds: string[] }): Promise<string[]> {
  await assertCanWrite(user, conversationSid);
  return db.$transaction(async (tx) => {
    await takeAdvisoryLock(tx, conversationSid);
    const conversation = await tx.conversationIndex.findUnique({ where: { sid: conversationSid }, select: { assigneeId: true, queuedAt: true } });
    if (!conversation) throw new AppError('not_found', 'This conversation is not in the index yet; try again in a moment.');
    const known = await tx.label.count({ where: { id: { in: labelIds } } });
    if (known !== labelIds.length) throw new AppError('invalid_request', 'One of those labels no longer exists.');
    await tx.conversationLabel.deleteMany({ where: { conversationSid, labelId: { notIn: labelIds } } });
    await tx.conversationLabel.createMany({ data: labelIds.map((labelId) => ({ conversationSid, labelId, appliedById: user.id })), skipDuplicates: true });
    await announceConversationChange({ conversationSid, change: 'labels', row: conversation, tx });
    return labelIds;
  });
}
