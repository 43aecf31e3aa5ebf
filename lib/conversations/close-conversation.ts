import type { CurrentUser } from '@/lib/auth/current-user';
import { resolveInIndex } from '@/lib/routing/resolve-conversation';
import { offerQueuedWork } from '@/lib/routing/offer-queued-work';
import { conversationService } from '@/lib/twilio/conversation-service';
import { assertCanWrite } from './conversation-access';

/**
 * Resolves a conversation: Twilio's `closed` state (the customer's next message opens a new
 * one), the agent's capacity freed, and the oldest waiting conversation routed to whoever can
 * now take it.
 */
export async function closeConversation({ user, conversationSid }: { user: CurrentUser; conversationSid: string }): Promise<void> {
  await assertCanWrite(user, conversationSid);
  const service = await conversationService();
  await service.conversations(conversationSid).update({ state: 'closed' });
  await resolveInIndex({ conversationSid, actorId: user.id });
  await offerQueuedWork();
}
