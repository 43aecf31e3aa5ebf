import { db } from '@/lib/db/client';
import { conversationService } from '@/lib/twilio/conversation-service';

/**
 * The conversation Twilio opened for a survey answer has served its purpose: closed in Twilio
 * (so the customer's next text starts a fresh conversation that is routed as usual) and in
 * the index. Nobody owned it, so no capacity or history changes.
 */
export async function closeSurveyReply(conversationSid: string): Promise<void> {
  try {
    await (await conversationService()).conversations(conversationSid).update({ state: 'closed' });
    await db.conversationIndex.update({ where: { sid: conversationSid }, data: { state: 'CLOSED', queuedAt: null } });
  } catch (error) {
    console.error(`Could not close the survey reply ${conversationSid}`, error);
  }
}
