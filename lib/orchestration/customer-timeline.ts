import 'server-only';
import { parseAttributes } from '@/lib/conversations/conversation-attributes';
import { conversationService } from '@/lib/twilio/conversation-service';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { notFoundFromTwilio } from '@/lib/twilio/twilio-errors';

export type TimelineEntry = { id: string; channel: string; text: string; fromCustomer: boolean; occurredAt: string };

const MAX_ENTRIES = 200;

/** The v2 conversation the Conversations v1 bridge names in a conversation's attributes. */
const v2ConversationOf = (attributes: Record<string, unknown>): string | null => {
  const bridge = attributes.conversationsV2;
  const id = typeof bridge === 'object' && bridge !== null ? (bridge as { conversationId?: unknown }).conversationId : undefined;
  return typeof id === 'string' ? id : null;
};

/**
 * A customer's communications across channels, from the Conversation Orchestrator conversation
 * that groups them (by address or profile) and that the inbox conversation is bridged from. Null
 * when the conversation was not bridged.
 */
export async function customerTimeline(conversationSid: string): Promise<TimelineEntry[] | null> {
  const conversation = await (await conversationService())
    .conversations(conversationSid)
    .fetch()
    .catch((error: unknown) => {
      throw notFoundFromTwilio(error, 'No such conversation.');
    });
  const v2ConversationId = v2ConversationOf(parseAttributes(conversation.attributes));
  if (!v2ConversationId) return null;
  const v2 = getTwilioClient().conversations.v2;
  const [participants, communications] = await Promise.all([
    v2.participants(v2ConversationId).list({ limit: 50 }),
    v2.communications(v2ConversationId).list({ limit: MAX_ENTRIES }),
  ]);
  const customerIds = new Set(participants.filter((p) => p.type === 'CUSTOMER').map((p) => p.id));
  return communications.map((c) => ({
    id: c.id,
    channel: c.author.channel,
    text: c.content.text,
    fromCustomer: c.author.participantId !== undefined && customerIds.has(c.author.participantId),
    occurredAt: new Date(c.occurredAt).toISOString(),
  }));
}
