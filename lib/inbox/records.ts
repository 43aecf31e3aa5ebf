import { templateOf } from '@/lib/templates/template-of';
import type { Conversation, Message, Participant } from '@twilio/conversations';
import { buildConversationRecord, describeAttributes } from '@/lib/conversations/conversation-descriptor';
import type { ConversationRecord, MessageRecord, ParticipantRecord, Preview } from '@/lib/conversations/view-records';

// SDK objects are live and mutable; the store keeps plain, immutable copies of what the UI
// reads, made here and nowhere else, so a render never sees an SDK object change under it.

export function toConversationRecord(conversation: Conversation): ConversationRecord {
  const lastMessage = conversation.lastMessage;
  const created = conversation.dateCreated?.getTime() ?? null;
  return buildConversationRecord({
    sid: conversation.sid,
    friendlyName: conversation.friendlyName,
    descriptor: describeAttributes(conversation.attributes),
    state: conversation.state?.current ?? 'active',
    lastMessageIndex: lastMessage?.index ?? null,
    lastActivityAt: lastMessage?.dateCreated?.getTime() ?? conversation.dateUpdated?.getTime() ?? created ?? 0,
    lastReadMessageIndex: conversation.lastReadMessageIndex,
    dateCreated: created,
  });
}

export function clientKeyOf(attributes: unknown): string | null {
  if (typeof attributes !== 'object' || attributes === null) return null;
  const key = (attributes as Record<string, unknown>).clientKey;
  return typeof key === 'string' ? key : null;
}

export function toMessageRecord(message: Message): MessageRecord {
  const receipt = message.aggregatedDeliveryReceipt;
  return {
    sid: message.sid,
    index: message.index,
    author: message.author,
    body: message.body,
    dateCreated: message.dateCreated?.getTime() ?? 0,
    participantSid: message.participantSid,
    media: (message.attachedMedia ?? []).map((media) => ({
      sid: media.sid,
      filename: media.filename,
      contentType: media.contentType,
      size: media.size,
    })),
    delivery: receipt
      ? {
          total: receipt.total,
          sent: receipt.sent,
          delivered: receipt.delivered,
          read: receipt.read,
          undelivered: receipt.undelivered,
          failed: receipt.failed,
        }
      : null,
    clientKey: clientKeyOf(message.attributes),
    template: templateOf(message.attributes),
    contentSid: message.contentSid ?? null,
  };
}

export function toPreview(message: MessageRecord): Preview {
  return { index: message.index, body: message.body, author: message.author, mediaCount: message.media.length, at: message.dateCreated };
}

export function toParticipantRecord(participant: Participant): ParticipantRecord {
  return {
    sid: participant.sid,
    identity: participant.identity,
    type: participant.type,
    lastReadMessageIndex: participant.lastReadMessageIndex,
  };
}

/** Inserts or replaces by index, keeping the list sorted: events may arrive out of order. */
export function upsertMessage(messages: MessageRecord[], message: MessageRecord): MessageRecord[] {
  const last = messages[messages.length - 1];
  if (!last || last.index < message.index) return [...messages, message];
  const at = messages.findIndex((existing) => existing.index >= message.index);
  const next = [...messages];
  if (messages[at]?.index === message.index) next[at] = message;
  else next.splice(at, 0, message);
  return next;
}

export function mergeOlder(messages: MessageRecord[], older: MessageRecord[]): MessageRecord[] {
  const first = messages[0]?.index ?? Infinity;
  return [...older.filter((message) => message.index < first), ...messages];
}
