import type { Core } from '../../../domain/core';
import type { ConversationRecord, MessageRecord, ParticipantRecord, UserRecord } from '../../../store/records';
import type { JsonObject } from '../../json';
import type { ConversationObjects } from './projection-index';

/**
 * The data of every chat Sync item (docs/sdk-protocol.md, "The Sync objects behind a conversation"),
 * computed from domain records alone. The projector writes these whenever a domain event touches the
 * record and skips writes that would not change anything, so the same builders serve live events, the
 * startup reconcile, and replays after a restart.
 */

/** Newest message of a conversation: the index lists messages in creation order, which is index order. */
function lastMessageOf(core: Core, conversationSid: string): MessageRecord | undefined {
  const sids = core.store.byIndex('messages', 'byConversation', conversationSid);
  const last = sids[sids.length - 1];
  return last === undefined ? undefined : core.store.get('messages', last);
}

/**
 * ConversationDoc. Shared by every participant, so it holds no per-user field (status, read
 * horizon, notification level live in each user's ConvMapItem). `lastMessage: null` clears the SDK's
 * copy when the last message is deleted.
 */
export function conversationDocData(core: Core, conversation: ConversationRecord, objects: ConversationObjects): JsonObject {
  const last = lastMessageOf(core, conversation.sid);
  const email = conversation.bindings?.email;
  return {
    messages: objects.messages,
    roster: objects.roster,
    sid: conversation.sid,
    friendlyName: conversation.friendlyName,
    uniqueName: conversation.uniqueName,
    attributes: conversation.attributes,
    createdBy: conversation.createdBy ?? 'system',
    dateCreated: conversation.dateCreated,
    dateUpdated: conversation.dateUpdated,
    lastMessage: last ? { index: last.index, timestamp: last.dateCreated } : null,
    state: { current: conversation.state, dateUpdated: conversation.dateUpdated },
    bindings: email ? { email: { name: email.name, projected_address: email.address } } : {},
  };
}

/** MessageItem. `attributes` stays a JSON string; media use camelCase `contentType`. */
export function messageItemData(core: Core, message: MessageRecord, lastUpdatedBy: string | null): JsonObject {
  const medias = (message.media ?? []).map((m) => ({
    sid: m.sid,
    category: 'media',
    filename: m.filename,
    contentType: m.contentType,
    size: m.size,
  }));
  const first = medias[0];
  const delivery = core.receipts.deliveryOf(message);
  const data: JsonObject = {
    sid: message.sid,
    index: message.index,
    text: message.body,
    author: message.author,
    attributes: message.attributes,
    timestamp: message.dateCreated,
    dateUpdated: message.dateUpdated,
    lastUpdatedBy,
    type: medias.length > 0 ? 'media' : 'text',
    memberSid: message.participantSid,
    subject: message.subject,
    contentSid: message.contentSid,
    medias,
    channelMetadata: false,
  };
  if (first) data.media = first;
  if (delivery) data.delivery = { ...delivery };
  return data;
}

/** The SDK's participant type: chat for anyone with an identity (incl. a projected-address agent). */
export function participantType(participant: ParticipantRecord): string {
  if (participant.identity !== null) return 'chat';
  return participant.messagingBinding?.type ?? 'sms';
}

/** ParticipantItem (roster map, key = participant SID). */
export function rosterItemData(participant: ParticipantRecord, userInfoSid: string | undefined): JsonObject {
  const data: JsonObject = {
    identity: participant.identity,
    type: participantType(participant),
    attributes: participant.attributes,
    dateCreated: participant.dateCreated,
    dateUpdated: participant.dateUpdated,
    roleSid: participant.roleSid,
    lastConsumedMessageIndex: participant.lastReadMessageIndex,
    lastConsumptionTimestamp: participant.lastReadTimestamp,
    bindings: {},
  };
  // Saves the SDK a REST round trip in participant.getUser().
  if (userInfoSid) data.userInfo = userInfoSid;
  return data;
}

/**
 * ConvMapItem: the user's own view of a conversation. Deliberately only the per-user fields and
 * the document pointer: copies of document fields here would have to be rewritten for every participant
 * on every message (and stale copies make the SDK flip-flop).
 */
export function convMapItemData(conversation: ConversationRecord, participant: ParticipantRecord, objects: ConversationObjects): JsonObject {
  return {
    channel: objects.document,
    channel_sid: conversation.sid,
    messages: objects.messages,
    roster: objects.roster,
    status: 'joined',
    lastConsumedMessageIndex: participant.lastReadMessageIndex,
    notificationLevel: participant.notificationLevel,
  };
}

export type UserInfoItems = { friendlyName: JsonObject; attributes: JsonObject; reachability: JsonObject };

/** User-info map items; a user without a record (deleted) shows as nameless and offline. */
export function userInfoItems(user: UserRecord | undefined): UserInfoItems {
  return {
    friendlyName: { value: user?.friendlyName ?? null },
    attributes: { value: user?.attributes ?? '{}' },
    reachability: { online: user?.isOnline ?? false, notifiable: user?.isNotifiable ?? false },
  };
}
