import type { Core } from '../../../domain/core';
import type { ConversationRecord, MessageRecord, ParticipantRecord, ReceiptRecord, UserRecord } from '../../../store/records';
import type { ConversationObjects } from '../projection/projection-index';
import type { ChatLinks } from './links';

/**
 * Bodies of the chat API's REST-like replies, snake_case as Twilio's (lib.d.ts response types). The
 * SDK reads only a few fields of each (§4.3, §9); the rest is there so apps inspecting raw responses
 * (`conversation.add()` returns one) see familiar shapes.
 */

export function conversationJson(core: Core, links: ChatLinks, conversation: ConversationRecord, objects: ConversationObjects) {
  return {
    sid: conversation.sid,
    account_sid: core.accountSid,
    chat_service_sid: conversation.serviceSid,
    messaging_service_sid: conversation.messagingServiceSid,
    friendly_name: conversation.friendlyName,
    unique_name: conversation.uniqueName,
    attributes: conversation.attributes,
    created_by: conversation.createdBy ?? 'system',
    state: conversation.state,
    date_created: conversation.dateCreated,
    date_updated: conversation.dateUpdated,
    url: links.conversation(conversation.sid),
    links: { participants: links.participants(conversation.sid), messages: links.messages(conversation.sid) },
    // §9.7: the document id is what the SDK opens right after creating.
    sync_objects: { conversation: objects.document, messages: objects.messages, participants: objects.roster },
  };
}

/**
 * §4.3 UserConversation: the caller's view of one conversation (also for peeked, not-joined ones). Just
 * the fields the SDK reads: the list of a busy agent carries a thousand of these, and the SDK decodes
 * frames byte by byte in JavaScript (tsock:655), so every byte costs start-up time.
 */
export function userConversationJson(
  core: Core,
  conversation: ConversationRecord,
  participant: ParticipantRecord | undefined,
  objects: ConversationObjects,
) {
  return {
    conversation_sid: conversation.sid,
    status: participant ? 'joined' : 'notParticipating',
    last_read_message_index: participant?.lastReadMessageIndex ?? null,
    notification_level: participant?.notificationLevel ?? 'default',
    unread_messages_count: participant ? core.userConversations.unreadCount(participant) : null,
    messages_count: core.store.byIndex('messages', 'byConversation', conversation.sid).length,
    participants_count: core.store.byIndex('participants', 'byConversation', conversation.sid).length,
    friendly_name: conversation.friendlyName,
    unique_name: conversation.uniqueName,
    attributes: conversation.attributes,
    created_by: conversation.createdBy ?? 'system',
    date_created: conversation.dateCreated,
    date_updated: conversation.dateUpdated,
    sync_objects: { conversation: objects.document, messages: objects.messages, participants: objects.roster },
  };
}

export function messageJson(core: Core, links: ChatLinks, message: MessageRecord) {
  const url = `${links.messages(message.conversationSid)}/${message.sid}`;
  return {
    sid: message.sid,
    account_sid: core.accountSid,
    chat_service_sid: message.serviceSid,
    conversation_sid: message.conversationSid,
    index: message.index,
    author: message.author,
    body: message.body,
    attributes: message.attributes,
    participant_sid: message.participantSid,
    subject: message.subject,
    content_sid: message.contentSid,
    media: (message.media ?? []).map((m) => ({ sid: m.sid, category: 'media', filename: m.filename, content_type: m.contentType, size: m.size })),
    date_created: message.dateCreated,
    date_updated: message.dateUpdated,
    url,
    links: { delivery_receipts: `${url}/Receipts` },
  };
}

export function participantJson(core: Core, links: ChatLinks, participant: ParticipantRecord) {
  const binding = participant.messagingBinding;
  return {
    sid: participant.sid,
    account_sid: core.accountSid,
    chat_service_sid: participant.serviceSid,
    conversation_sid: participant.conversationSid,
    identity: participant.identity,
    attributes: participant.attributes,
    role_sid: participant.roleSid,
    messaging_binding: binding
      ? { type: binding.type, address: binding.address, proxy_address: binding.proxyAddress, projected_address: binding.projectedAddress }
      : null,
    last_read_message_index: participant.lastReadMessageIndex,
    last_read_timestamp: participant.lastReadTimestamp,
    date_created: participant.dateCreated,
    date_updated: participant.dateUpdated,
    url: `${links.participants(participant.conversationSid)}/${participant.sid}`,
    links: { conversation: links.conversation(participant.conversationSid) },
  };
}

/** §4.5: the SDK reads only `sync_objects.user_info_map`. */
export function userJson(core: Core, links: ChatLinks, user: UserRecord, userInfoMap: string, reachabilityEnabled: boolean) {
  return {
    sid: user.sid,
    account_sid: core.accountSid,
    chat_service_sid: user.serviceSid,
    identity: user.identity,
    friendly_name: user.friendlyName,
    attributes: user.attributes,
    role_sid: user.roleSid,
    is_online: reachabilityEnabled ? user.isOnline : null,
    is_notifiable: reachabilityEnabled ? user.isNotifiable : null,
    date_created: user.dateCreated,
    date_updated: user.dateUpdated,
    url: links.user(user.identity),
    sync_objects: { user_info_map: userInfoMap },
  };
}

/** §9.8 detailed delivery receipt. */
export function receiptJson(receipt: ReceiptRecord) {
  return {
    sid: receipt.sid,
    message_sid: receipt.messageSid,
    conversation_sid: receipt.conversationSid,
    channel_message_sid: receipt.channelMessageSid,
    participant_sid: receipt.participantSid,
    status: receipt.status,
    error_code: receipt.errorCode,
    date_created: receipt.dateCreated,
    date_updated: receipt.dateUpdated,
  };
}
