import { db } from '@/lib/db/client';
import { recordAssignment } from './assign';
import { moveOwnershipInTwilio } from './move-ownership';
import type { RoutingOutcome } from './route-conversation';
import { takeRoutingLock } from './routing-lock';

/**
 * Makes a recorded assignment real in Twilio: the agent joins (or takes over the group's
 * projected address), so the conversation appears in their inbox, live through the SDK. If
 * Twilio refuses, the conversation goes back to the queue rather than staying assigned to
 * someone who cannot see it.
 */
export async function applyAssignment(outcome: RoutingOutcome): Promise<boolean> {
  if (outcome.kind !== 'assigned') return true;
  try {
    await moveOwnershipInTwilio({ conversationSid: outcome.conversationSid, from: null, to: outcome.agentId });
    return true;
  } catch (error) {
    console.error(`Could not add ${outcome.agentId} to ${outcome.conversationSid}; back to the queue.`, error);
    await db.$transaction(async (tx) => {
      await takeRoutingLock(tx);
      const current = await tx.conversationIndex.findUnique({ where: { sid: outcome.conversationSid }, select: { assigneeId: true } });
      if (current?.assigneeId !== outcome.agentId) return;
      await recordAssignment(tx, {
        conversationSid: outcome.conversationSid,
        fromUserId: outcome.agentId,
        toUserId: null,
        reason: 'QUEUE',
        note: 'The agent could not be added to the conversation.',
        now: new Date(),
      });
    });
    return false;
  }
}

export async function applyAssignments(outcomes: RoutingOutcome[]): Promise<void> {
  await Promise.all(outcomes.map(applyAssignment));
}
