import { SYSTEM_AUTHOR } from '@/lib/conversation-index/message-author';
import { db } from '@/lib/db/client';
import { conversationService } from '@/lib/twilio/conversation-service';
import { SURVEY_CHANNELS, type SurveyChannel } from './csat-settings-schema';
import { readCsatSetting } from './csat-settings';

/** Marks the survey in Twilio's message attributes, so any client can tell it is automated. */
export const SURVEY_ATTRIBUTES = JSON.stringify({ switchboard: { automated: 'csat-survey' } });

const isSurveyChannel = (channel: string): channel is SurveyChannel => (SURVEY_CHANNELS as readonly string[]).includes(channel);

/**
 * On resolve, texts the customer the channel's satisfaction question, when the channel has it
 * on: before the conversation closes, because a closed conversation takes no messages. One
 * survey per conversation; the owner at that moment is who it rates. Returns whether it went.
 */
export async function sendCsatSurvey(conversationSid: string): Promise<boolean> {
  const conversation = await db.conversationIndex.findUnique({
    where: { sid: conversationSid },
    select: { state: true, channel: true, customerAddress: true, twilioNumber: true, assigneeId: true, surveyReplyTo: true, surveys: { select: { id: true } } },
  });
  if (!conversation?.customerAddress || conversation.state === 'CLOSED' || conversation.surveyReplyTo || conversation.surveys.length > 0 || !isSurveyChannel(conversation.channel)) return false;
  const setting = await readCsatSetting(conversation.channel);
  if (!setting.csatEnabled) return false;
  const message = await (await conversationService())
    .conversations(conversationSid)
    // Webhooks on: the message index records it, as automated.
    .messages.create({ author: SYSTEM_AUTHOR, body: setting.csatQuestion, attributes: SURVEY_ATTRIBUTES, xTwilioWebhookEnabled: 'true' });
  await db.csatSurvey.create({
    data: {
      conversationSid,
      agentId: conversation.assigneeId,
      customerAddress: conversation.customerAddress,
      twilioNumber: conversation.twilioNumber,
      messageSid: message.sid,
      sentAt: message.dateCreated ?? new Date(),
    },
  });
  return true;
}
