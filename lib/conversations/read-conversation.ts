import { templateOf } from '@/lib/templates/template-of';
import type { CurrentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db/client';
import type { MessageRecord } from '@/lib/conversations/view-records';
import { conversationService } from '@/lib/twilio/conversation-service';
import type { TSwitchboardAttributes } from './conversation-attributes';
import { type ConversationDescriptor, describeAttributes } from './conversation-descriptor';
import { canWriteKnownConversation } from './conversation-access';
import { notFoundFromTwilio } from '@/lib/twilio/twilio-errors';

export type ConversationForViewer = {
  sid: string;
  friendlyName: string | null;
  switchboard: TSwitchboardAttributes | null;
  state: 'active' | 'inactive' | 'closed';
  dateCreated: string;
  assignee: { id: string; name: string } | null;
  queuedAt: string | null;
  canWrite: boolean;
  /** Display names of the team, for message authors (identities are user ids). */
  people: Record<string, string>;
};

/**
 * A conversation as the server sees it, for people who read it without taking part (a
 * colleague's conversation, the queue, a supervisor's monitor). Twilio is the source; the
 * index adds who owns it.
 */
export async function readConversation(user: CurrentUser, conversationSid: string): Promise<ConversationForViewer> {
  const service = await conversationService();
  let conversation;
  try {
    conversation = await service.conversations(conversationSid).fetch();
  } catch (error) {
    throw notFoundFromTwilio(error, 'No such conversation.');
  }
  const [indexed, team] = await Promise.all([
    db.conversationIndex.findUnique({
      where: { sid: conversationSid },
      select: { assigneeId: true, queuedAt: true, assignee: { select: { id: true, name: true } }, contact: { select: { name: true } } },
    }),
    db.user.findMany({ select: { id: true, name: true } }),
  ]);
  const canWrite = await canWriteKnownConversation(user, conversationSid, indexed);
  return {
    sid: conversation.sid,
    friendlyName: conversation.friendlyName,
    switchboard: withContactName(describeAttributes(conversation.attributes), indexed?.contact?.name ?? null),
    state: conversation.state as ConversationForViewer['state'],
    dateCreated: conversation.dateCreated.toISOString(),
    assignee: indexed?.assignee ?? null,
    queuedAt: indexed?.queuedAt?.toISOString() ?? null,
    canWrite,
    people: Object.fromEntries(team.map((member) => [member.id, member.name])),
  };
}

/**
 * The newest `limit` messages, oldest first, in the inbox's record shape, and whether there may be
 * older ones (a full page).
 */
export async function readRecentMessages(conversationSid: string, limit = 100): Promise<{ messages: MessageRecord[]; hasOlder: boolean }> {
  const service = await conversationService();
  const messages = await service
    .conversations(conversationSid)
    .messages.list({ order: 'desc', limit, pageSize: Math.min(limit, 100) })
    .catch((error: unknown) => {
      throw notFoundFromTwilio(error, 'No such conversation.');
    });
  const records = messages.reverse().map((message): MessageRecord => ({
    sid: message.sid,
    index: message.index,
    author: message.author,
    body: message.body,
    dateCreated: message.dateCreated.getTime(),
    participantSid: message.participantSid,
    media: ((message.media ?? []) as { sid: string; filename?: string | null; content_type: string; size: number }[]).map((media) => ({
      sid: media.sid,
      filename: media.filename ?? null,
      contentType: media.content_type,
      size: media.size,
    })),
    delivery: (message.delivery as MessageRecord['delivery']) ?? null,
    clientKey: null,
    template: templateOf(message.attributes),
    contentSid: message.contentSid ?? null,
  }));
  return { messages: records, hasOlder: records.length >= limit };
}

// The contact's name as the team keeps it now wins over the one the attributes were written with.
function withContactName(descriptor: ConversationDescriptor | null, name: string | null): ConversationDescriptor | null {
  if (!descriptor?.customer || !name) return descriptor;
  return { ...descriptor, customer: { ...descriptor.customer, name } };
}
