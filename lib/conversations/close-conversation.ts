import type { CurrentUser } from '@/lib/auth/current-user';
import { sendCsatSurvey } from '@/lib/csat/send-csat-survey';
import { resolveInIndex } from '@/lib/routing/resolve-conversation';
import { conversationService } from '@/lib/twilio/conversation-service';
import { notFoundFromTwilio } from '@/lib/twilio/twilio-errors';
import { assertCanWrite } from './conversation-access';

/**
 * Resolves a conversation: Twilio's `closed` state (the customer's next message opens a new
 * one) and the agent's capacity freed (the caller then offers the queue: offerQueuedWork).
 * The channel's satisfaction survey, when on, goes out first; a survey that cannot be sent
 * never keeps the conversation from closing.
 */
export async function closeConversation({ user, conversationSid }: { user: CurrentUser; conversationSid: string }): Promise<void> {
  await assertCanWrite(user, conversationSid);
  await sendCsatSurvey(conversationSid).catch((error: unknown) => console.error(`The survey for ${conversationSid} was not sent`, error));
  const service = await conversationService();
  const closed = await service
    .conversations(conversationSid)
    .update({ state: 'closed' })
    .catch((error: unknown) => {
      throw notFoundFromTwilio(error, 'No such conversation.');
    });
  // Twilio's time of closing: resolution times share the clock of the messages.
  await resolveInIndex({ conversationSid, actorId: user.id, now: closed.dateUpdated ?? new Date() });
}
