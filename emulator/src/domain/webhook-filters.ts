/** Event names Twilio accepts in webhook `Filters` (pre-action and post-action). */
export const PRE_ACTION_EVENTS = [
  'onConversationAdd',
  'onConversationRemove',
  'onConversationUpdate',
  'onMessageAdd',
  'onMessageRemove',
  'onMessageUpdate',
  'onParticipantAdd',
  'onParticipantRemove',
  'onParticipantUpdate',
  'onUserUpdate',
] as const;

export const POST_ACTION_EVENTS = [
  'onConversationAdded',
  'onConversationRemoved',
  'onConversationUpdated',
  'onConversationStateUpdated',
  'onMessageAdded',
  'onMessageRemoved',
  'onMessageUpdated',
  'onParticipantAdded',
  'onParticipantRemoved',
  'onParticipantUpdated',
  'onDeliveryUpdated',
  'onUserAdded',
  'onUserUpdated',
] as const;

export const ALL_WEBHOOK_EVENTS: readonly string[] = [...PRE_ACTION_EVENTS, ...POST_ACTION_EVENTS];
