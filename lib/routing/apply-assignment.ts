import { db } from '@/lib/db/client';
import { conversationService } from '@/lib/twilio/conversation-service';
import { recordAssignment } from './assign';
import type { RoutingOutcome } from './route-conversation';
import { takeRoutingLock } from './routing-lock';

type TwilioRestError = { status?: number; code?: number };
const PARTICIPANT_EXISTS = 50433;

/**
 * Makes a recorded assignment real in Twilio: the agent joins as a chat participant, so the
 * conversation appears in their inbox (live, through the SDK). If Twilio refuses, the
 * conversation goes back to the queue rather than staying assigned to someone who cannot see it.
 */
export async function applyAssignment(outcome: RoutingOutcome): Promise<void> {
  if (outcome.kind !== 'assigned') return;
  const service = await conversationService();
  try {
    await service.conversations(outcome.conversationSid).participants.create({ identity: outcome.agentId });
  } catch (error) {
    if ((error as TwilioRestError).code === PARTICIPANT_EXISTS) return;
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
  }
}

export async function applyAssignments(outcomes: RoutingOutcome[]): Promise<void> {
  await Promise.all(outcomes.map(applyAssignment));
}
