import type {
  AccountConfiguration,
  AccountWebhookConfiguration,
  AddressConfigurationRecord,
  BindingRecord,
  ConversationWebhookRecord,
  CredentialRecord,
  RoleRecord,
  ServiceRecord,
} from '../store/records';
import { conversationUrl } from './conversations';
import { base, TWILIO_HOST, type Scope } from './scope';

export const serviceJson = (s: ServiceRecord, accountSid: string) => {
  const url = `${TWILIO_HOST}/v1/Services/${s.sid}`;
  return {
    account_sid: accountSid,
    sid: s.sid,
    friendly_name: s.friendlyName,
    date_created: s.dateCreated,
    date_updated: s.dateUpdated,
    url,
    links: {
      conversations: `${url}/Conversations`,
      users: `${url}/Users`,
      roles: `${url}/Roles`,
      bindings: `${url}/Bindings`,
      configuration: `${url}/Configuration`,
      participant_conversations: `${url}/ParticipantConversations`,
      conversation_with_participants: `${url}/ConversationWithParticipants`,
    },
  };
};

export const serviceConfigurationJson = (s: ServiceRecord) => {
  const url = `${TWILIO_HOST}/v1/Services/${s.sid}/Configuration`;
  return {
    chat_service_sid: s.sid,
    default_conversation_creator_role_sid: s.configuration.defaultConversationCreatorRoleSid,
    default_conversation_role_sid: s.configuration.defaultConversationRoleSid,
    default_chat_service_role_sid: s.configuration.defaultChatServiceRoleSid,
    url,
    links: { notifications: `${url}/Notifications`, webhooks: `${url}/Webhooks` },
    reachability_enabled: s.configuration.reachabilityEnabled,
  };
};

export const serviceNotificationsJson = (s: ServiceRecord, accountSid: string) => {
  const n = s.notifications;
  return {
    account_sid: accountSid,
    chat_service_sid: s.sid,
    new_message: {
      enabled: n.newMessage.enabled,
      template: n.newMessage.template,
      sound: n.newMessage.sound,
      badge_count_enabled: n.newMessage.badgeCountEnabled,
      with_media: { enabled: n.newMessage.withMedia.enabled, template: n.newMessage.withMedia.template },
    },
    added_to_conversation: n.addedToConversation,
    removed_from_conversation: n.removedFromConversation,
    log_enabled: n.logEnabled,
    url: `${TWILIO_HOST}/v1/Services/${s.sid}/Configuration/Notifications`,
  };
};

export const serviceWebhooksJson = (s: ServiceRecord, accountSid: string) => ({
  account_sid: accountSid,
  chat_service_sid: s.sid,
  pre_webhook_url: s.webhooks.preWebhookUrl,
  post_webhook_url: s.webhooks.postWebhookUrl,
  filters: s.webhooks.filters,
  method: s.webhooks.method,
  url: `${TWILIO_HOST}/v1/Services/${s.sid}/Configuration/Webhooks`,
});

export const accountConfigurationJson = (c: AccountConfiguration, accountSid: string) => ({
  account_sid: accountSid,
  default_chat_service_sid: c.defaultChatServiceSid,
  default_messaging_service_sid: c.defaultMessagingServiceSid,
  default_inactive_timer: c.defaultInactiveTimer,
  default_closed_timer: c.defaultClosedTimer,
  url: `${TWILIO_HOST}/v1/Configuration`,
  links: {
    service: `${TWILIO_HOST}/v1/Services/${c.defaultChatServiceSid}/Configuration`,
    webhooks: `${TWILIO_HOST}/v1/Configuration/Webhooks`,
  },
});

export const accountWebhooksJson = (w: AccountWebhookConfiguration, accountSid: string) => ({
  account_sid: accountSid,
  method: w.method,
  filters: w.filters,
  pre_webhook_url: w.preWebhookUrl,
  post_webhook_url: w.postWebhookUrl,
  target: w.target,
  url: `${TWILIO_HOST}/v1/Configuration/Webhooks`,
});

export const roleJson = (r: RoleRecord, scope: Scope) => ({
  sid: r.sid,
  account_sid: scope.accountSid,
  chat_service_sid: r.serviceSid,
  friendly_name: r.friendlyName,
  type: r.type,
  permissions: r.permissions,
  date_created: r.dateCreated,
  date_updated: r.dateUpdated,
  url: `${base(scope)}/Roles/${r.sid}`,
});

/** Only the configuration fields the webhook uses, as in Twilio's examples. */
export const conversationWebhookJson = (w: ConversationWebhookRecord, scope: Scope) => {
  const c = w.configuration;
  const configuration: Record<string, unknown> = {};
  if (c.url !== null) configuration.url = c.url;
  if (w.target !== 'studio') configuration.method = c.method.toLowerCase();
  if (c.filters.length > 0) configuration.filters = c.filters;
  if (c.triggers.length > 0) configuration.triggers = c.triggers;
  if (c.flowSid !== null) configuration.flow_sid = c.flowSid;
  if (c.replayAfter !== null) configuration.replay_after = c.replayAfter;
  return {
    sid: w.sid,
    account_sid: scope.accountSid,
    ...(scope.scoped ? { chat_service_sid: w.serviceSid } : {}),
    conversation_sid: w.conversationSid,
    target: w.target,
    url: `${conversationUrl(scope, w.conversationSid)}/Webhooks/${w.sid}`,
    configuration,
    date_created: w.dateCreated,
    date_updated: w.dateUpdated,
  };
};

export const credentialJson = (c: CredentialRecord, accountSid: string) => ({
  sid: c.sid,
  account_sid: accountSid,
  friendly_name: c.friendlyName,
  type: c.type,
  // Twilio reports the flag as a capitalised string ("False"), per the spec's examples.
  sandbox: c.sandbox === null ? null : c.sandbox ? 'True' : 'False',
  date_created: c.dateCreated,
  date_updated: c.dateUpdated,
  url: `${TWILIO_HOST}/v1/Credentials/${c.sid}`,
});

export const bindingJson = (b: BindingRecord, accountSid: string) => ({
  sid: b.sid,
  account_sid: accountSid,
  chat_service_sid: b.serviceSid,
  credential_sid: b.credentialSid,
  date_created: b.dateCreated,
  date_updated: b.dateUpdated,
  endpoint: b.endpoint,
  identity: b.identity,
  binding_type: b.bindingType,
  message_types: b.messageTypes,
  url: `${TWILIO_HOST}/v1/Services/${b.serviceSid}/Bindings/${b.sid}`,
});

export const addressConfigurationJson = (a: AddressConfigurationRecord, accountSid: string) => ({
  sid: a.sid,
  account_sid: accountSid,
  type: a.type,
  address: a.address,
  friendly_name: a.friendlyName,
  auto_creation: {
    enabled: a.autoCreation.enabled,
    type: a.autoCreation.type,
    conversation_service_sid: a.autoCreation.conversationServiceSid,
    webhook_url: a.autoCreation.webhookUrl,
    webhook_method: a.autoCreation.webhookMethod,
    webhook_filters: a.autoCreation.webhookFilters,
    studio_flow_sid: a.autoCreation.studioFlowSid,
    studio_retry_count: a.autoCreation.studioRetryCount,
  },
  date_created: a.dateCreated,
  date_updated: a.dateUpdated,
  url: `${TWILIO_HOST}/v1/Configuration/Addresses/${a.sid}`,
  address_country: a.addressCountry,
});
