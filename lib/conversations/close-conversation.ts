import type { CurrentUser } from '@/lib/auth/current-user';
import { conversationService } from '@/lib/twilio/conversation-service';
import { assertCanWrite } from './conversation-access';

/** Resolves a conversation: Twilio's `closed` state; the customer's next message opens a new one. */
export async function closeConversation({ user, conversationSid }: { user: CurrentUser; conversationSid: string }): Promise<void> {
  await assertCanWrite(user, conversationSid);
  const service = await conversationService();
  await service.conversations(conversationSid).update({ state: 'closed', xTwilioWebhookEnabled: 'true' });
}
