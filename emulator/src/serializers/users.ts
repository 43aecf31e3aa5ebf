import type { ConversationRecord, ParticipantRecord, ServiceRecord, UserRecord } from '../store/records';
import { conversationUrl, timersJson } from './conversations';
import { bindingJson, participantUrl } from './participants';
import { base, type Scope } from './scope';

export const userUrl = (scope: Scope, sid: string) => `${base(scope)}/Users/${sid}`;

/** `is_online` / `is_notifiable` are null unless the service has reachability enabled. */
export const userJson = (u: UserRecord, service: ServiceRecord | undefined, scope: Scope) => {
  const reachable = service?.configuration.reachabilityEnabled ?? false;
  const url = userUrl(scope, u.sid);
  return {
    sid: u.sid,
    account_sid: scope.accountSid,
    chat_service_sid: u.serviceSid,
    role_sid: u.roleSid,
    identity: u.identity,
    friendly_name: u.friendlyName,
    attributes: u.attributes,
    is_online: reachable ? u.isOnline : null,
    is_notifiable: reachable ? u.isNotifiable : null,
    date_created: u.dateCreated,
    date_updated: u.dateUpdated,
    url,
    links: { user_conversations: `${url}/Conversations` },
  };
};

/** A user's view of one conversation: the fields the REST resource and the SDK's list share. */
const userConversationFields = (conversation: ConversationRecord, participant: ParticipantRecord | undefined, unread: number | null) => ({
  conversation_sid: conversation.sid,
  unread_messages_count: unread,
  last_read_message_index: participant?.lastReadMessageIndex ?? null,
  notification_level: participant?.notificationLevel ?? 'default',
  friendly_name: conversation.friendlyName,
  unique_name: conversation.uniqueName,
  attributes: conversation.attributes,
  date_created: conversation.dateCreated,
  date_updated: conversation.dateUpdated,
});

/** The User Conversation resource (REST). */
export const userConversationJson = (
  uc: { user: UserRecord; participant: ParticipantRecord; conversation: ConversationRecord },
  unread: number | null,
  scope: Scope,
) => {
  const { user, participant, conversation } = uc;
  return {
    account_sid: scope.accountSid,
    chat_service_sid: conversation.serviceSid,
    ...userConversationFields(conversation, participant, unread),
    participant_sid: participant.sid,
    user_sid: user.sid,
    conversation_state: conversation.state === 'initializing' ? 'active' : conversation.state,
    timers: timersJson(conversation.timers),
    created_by: conversation.createdBy,
    url: `${userUrl(scope, user.sid)}/Conversations/${conversation.sid}`,
    links: {
      participant: participantUrl(scope, participant),
      conversation: conversationUrl(scope, conversation.sid),
    },
  };
};

/**
 * The SDK's entry for one conversation in its user's list (also a peek at one it is not in): the shared
 * fields, the counts it shows, and the Sync objects to open. No URLs: a busy agent's list holds a
 * thousand of these and the SDK decodes frames byte by byte, so every byte costs start-up time.
 */
export const sdkUserConversationJson = (
  conversation: ConversationRecord,
  participant: ParticipantRecord | undefined,
  counts: { unread: number | null; messages: number; participants: number },
  syncObjects: { conversation: string; messages: string; participants: string },
) => ({
  ...userConversationFields(conversation, participant, counts.unread),
  status: participant ? 'joined' : 'notParticipating',
  messages_count: counts.messages,
  participants_count: counts.participants,
  created_by: conversation.createdBy ?? 'system',
  sync_objects: syncObjects,
});

export const participantConversationJson = (
  participant: ParticipantRecord,
  conversation: ConversationRecord,
  user: UserRecord | undefined,
  scope: Scope,
) => ({
  account_sid: scope.accountSid,
  chat_service_sid: conversation.serviceSid,
  participant_sid: participant.sid,
  participant_user_sid: user?.sid ?? null,
  participant_identity: participant.identity,
  participant_messaging_binding: bindingJson(participant.messagingBinding),
  conversation_sid: conversation.sid,
  conversation_unique_name: conversation.uniqueName,
  conversation_friendly_name: conversation.friendlyName,
  conversation_attributes: conversation.attributes,
  conversation_date_created: conversation.dateCreated,
  conversation_date_updated: conversation.dateUpdated,
  conversation_created_by: conversation.createdBy,
  conversation_state: conversation.state === 'initializing' ? 'active' : conversation.state,
  conversation_timers: timersJson(conversation.timers),
  links: {
    participant: participantUrl(scope, participant),
    conversation: conversationUrl(scope, conversation.sid),
  },
});
