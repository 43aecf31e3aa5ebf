import { db } from '@/lib/db/client';
import { stripControlCharacters } from '@/lib/text/control-characters';
import { parseCsatReply } from './parse-csat-reply';

/** How long after the survey a customer's "5" still answers it. */
export const SURVEY_ANSWER_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;
const COMMENT_LENGTH = 2000;

type InboundMessage = { conversationSid: string; messageSid: string; author: string | null; body: string | null; at: Date };

/**
 * A customer's text that Switchboard was about to route. The survey went out just before the
 * conversation closed, so Twilio puts the customer's answer in a new conversation; when the
 * text is an answer ("4 - quick") to their pending survey it is recorded against the surveyed
 * conversation and its agent, and the new conversation is marked as the reply (never routed).
 * More texts in that reply conversation before it closes are added to the comment, so nothing
 * the customer writes is lost. Idempotent per message. Returns whether the text was taken.
 */
export async function recordCsatReply(message: InboundMessage, read?: { surveyReplyTo: string | null }): Promise<boolean> {
  const customer = message.author;
  if (!customer) return false;
  // The common case, a customer's first text that answers no survey, needs no transaction (and no
  // read, when the caller has just read the conversation).
  const known = read ?? (await db.conversationIndex.findUnique({ where: { sid: message.conversationSid }, select: { surveyReplyTo: true } }));
  if (!known?.surveyReplyTo && !parseCsatReply(message.body)) return false;
  return db.$transaction(async (tx) => {
    const reply = await tx.conversationIndex.findUnique({ where: { sid: message.conversationSid }, select: { surveyReplyTo: true } });
    if (reply?.surveyReplyTo) {
      const survey = await tx.csatSurvey.findUnique({ where: { conversationSid: reply.surveyReplyTo } });
      if (survey && survey.replyMessageSid !== message.messageSid) {
        const text = stripControlCharacters(message.body ?? '').trim();
        const comment = [survey.comment, text].filter(Boolean).join('\n').slice(0, COMMENT_LENGTH) || null;
        await tx.csatSurvey.update({ where: { id: survey.id }, data: { comment } });
      }
      return true;
    }
    const answer = parseCsatReply(message.body);
    if (!answer) return false;
    const survey = await tx.csatSurvey.findFirst({
      where: { customerAddress: customer, sentAt: { gte: new Date(message.at.getTime() - SURVEY_ANSWER_WINDOW_MS), lte: message.at } },
      orderBy: { sentAt: 'desc' },
    });
    if (!survey) return false;
    if (survey.replyMessageSid === message.messageSid) return true;
    if (survey.respondedAt) return false;
    await tx.csatSurvey.update({
      where: { id: survey.id },
      data: {
        score: answer.score,
        comment: answer.comment ? stripControlCharacters(answer.comment).slice(0, COMMENT_LENGTH) : null,
        respondedAt: message.at,
        replyConversationSid: message.conversationSid,
        replyMessageSid: message.messageSid,
      },
    });
    await tx.conversationIndex.update({ where: { sid: message.conversationSid }, data: { surveyReplyTo: survey.conversationSid } });
    return true;
  });
}
