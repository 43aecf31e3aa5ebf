import { recordConversation } from '@/lib/conversation-index/record-conversation';
import { recordStartedConversation } from '@/lib/routing/record-started-conversation';
import { conversationService } from '@/lib/twilio/conversation-service';

/**
 * Records a conversation an agent just created in Twilio as theirs. If that fails, the
 * conversation is removed again: a live conversation nobody owns would route the customer's
 * reply to someone else while its starter is still in it.
 */
export async function claimNewConversation({ conversationSid, agentId, attributes }: { conversationSid: string; agentId: string; attributes: string }): Promise<void> {
  try {
    await recordConversation({ sid: conversationSid, state: 'active', attributes });
    await recordStartedConversation({ conversationSid, agentId });
  } catch (error) {
    await (await conversationService())
      .conversations(conversationSid)
      .remove()
      .catch((removeError: unknown) => console.error(`Could not remove the unrecorded conversation ${conversationSid}.`, removeError));
    throw error;
  }
}
