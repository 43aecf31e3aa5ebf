import { moveOwnershipInTwilio } from './move-ownership';
import { requeueIfOwnerLeft } from './requeue-if-owner-left';
import type { RoutingOutcome } from './route-conversation';

/**
 * Makes a recorded assignment real in Twilio: the agent joins (or takes over the group's
 * projected address), so the conversation appears in their inbox, live through the SDK. If
 * Twilio refuses, the conversation goes back to the queue rather than staying assigned to
 * someone who cannot see it (unless it closed meanwhile).
 */
export async function applyAssignment(outcome: RoutingOutcome): Promise<boolean> {
  if (outcome.kind !== 'assigned') return true;
  try {
    await moveOwnershipInTwilio({ conversationSid: outcome.conversationSid, from: null, to: outcome.agentId, channel: outcome.channel });
    return true;
  } catch (error) {
    console.error(`Could not add ${outcome.agentId} to ${outcome.conversationSid}; back to the queue.`, error);
    await requeueIfOwnerLeft(outcome.conversationSid, outcome.agentId, 'The agent could not be added to the conversation.');
    return false;
  }
}

export async function applyAssignments(outcomes: RoutingOutcome[]): Promise<void> {
  await Promise.all(outcomes.map(applyAssignment));
}
