import type { CurrentUser } from '@/lib/auth/current-user';
import { resolveInIndex } from '@/lib/routing/resolve-conversation';
import { conversationService } from '@/lib/twilio/conversation-service';
import { notFoundFromTwilio } from '@/lib/twilio/twilio-errors';
import { assertCanWrite } from './conversation-access';

/**
 * Resolves a conversation: Twilio's `closed` state (the customer's next message opens a new
 * one) and the agent's capacity freed (the caller then offers the queue: offerQueuedWork).
 */
export async function closeConversation({ user, conversationSid }: { user: CurrentUser; conversationSid: string }): Promise<void> {
  await assertCanWrite(user, conversationSid);
  const service = await conversationService();
  await service
    .conversations(conversationSid)
    .update({ state: 'closed' })
    .catch((error: unknown) => {
      throw notFoundFromTwilio(error, 'No such conversation.');
    });
  await resolveInIndex({ conversationSid, actorId: user.id });
}
