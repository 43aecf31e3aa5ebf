import { z } from 'zod';
import { AppError } from '@/lib/api/app-error';
import type { CurrentUser } from '@/lib/auth/current-user';
import { recordAssignment } from '@/lib/routing/assign';
import { moveOwnershipInTwilio } from '@/lib/routing/move-ownership';
import { inRoutingTransaction } from '@/lib/routing/routing-lock';
import { upstreamUnavailable } from '@/lib/twilio/twilio-errors';
import { decideTransfer, type TransferTarget } from './transfer-rules';
import { zSafeText } from '@/lib/text/control-characters';

export const ZTransfer = z
  .object({
    to: z.union([z.literal('queue'), z.string().min(1)], 'Choose a colleague or the queue.'),
    note: zSafeText().trim().max(500, 'Keep the note under 500 characters.').optional(),
  })
  .strict();

type Options = { actor: CurrentUser; conversationSid: string; to: string; note?: string };

/**
 * Moves a conversation to another person or back to the queue: decided and recorded under the
 * routing lock (history + audit), then made real in Twilio (a group's projected address
 * changes hands; otherwise the new agent joins and the old one leaves). If Twilio refuses, the
 * record is put back and the caller hears why.
 */
export async function transferConversation({ actor, conversationSid, to, note }: Options): Promise<{ from: string | null; to: string | null }> {
  const now = new Date();
  const change = await inRoutingTransaction(async (tx) => {
    const conversation = await tx.conversationIndex.findUnique({ where: { sid: conversationSid }, select: { assigneeId: true, state: true, channel: true } });
    if (!conversation) throw new AppError('not_found', 'No such conversation.');
    let target: TransferTarget = { kind: 'queue' };
    if (to !== 'queue') {
      const user = await tx.user.findUnique({ where: { id: to }, select: { id: true, role: true, active: true } });
      if (!user) throw new AppError('not_found', 'No such team member.');
      target = { kind: 'user', ...user };
    }
    const decision = decideTransfer({ actor, conversation, target });
    if (!decision.allowed) throw new AppError(decision.code, decision.reason);
    const toId = target.kind === 'user' ? target.id : null;
    await recordAssignment(tx, { conversationSid, fromUserId: conversation.assigneeId, toUserId: toId, reason: 'TRANSFER', actorId: actor.id, note, now });
    await tx.auditEntry.create({
      data: {
        actorId: actor.id,
        action: 'conversation.transfer',
        conversationSid,
        details: { from: conversation.assigneeId, to: toId, note: note ?? null, channel: conversation.channel },
        createdAt: now,
      },
    });
    return { from: conversation.assigneeId, to: toId };
  });

  try {
    await moveOwnershipInTwilio({ conversationSid, ...change });
  } catch (error) {
    console.error(`Transfer of ${conversationSid} failed in Twilio; restoring the previous owner.`, error);
    await undoTransfer({ conversationSid, change, actorId: actor.id });
    throw upstreamUnavailable(error) ?? new AppError('upstream_error', 'Twilio refused the transfer; it was undone.');
  }
  return change;
}

/**
 * Puts a failed transfer back — only if nothing moved the conversation since — and takes the
 * would-be owner out of it in Twilio if they had already been added.
 */
async function undoTransfer({ conversationSid, change, actorId }: { conversationSid: string; change: { from: string | null; to: string | null }; actorId: string }) {
  const undone = await inRoutingTransaction(async (tx) => {
    const current = await tx.conversationIndex.findUnique({ where: { sid: conversationSid }, select: { assigneeId: true, state: true } });
    if (!current || current.state === 'CLOSED' || current.assigneeId !== change.to) return false;
    await recordAssignment(tx, { conversationSid, fromUserId: change.to, toUserId: change.from, reason: 'TRANSFER', actorId, note: 'Undone: Twilio refused the transfer.', now: new Date() });
    await tx.auditEntry.create({ data: { actorId, action: 'conversation.transfer-undone', conversationSid, details: change } });
    return true;
  });
  if (undone && change.to) await moveOwnershipInTwilio({ conversationSid, from: change.to, to: change.from }).catch(() => undefined);
}
