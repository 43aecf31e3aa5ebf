import type { DomainContext } from '../domain/context';
import type { DomainEvent } from '../domain/events';
import type { PreActionRequest } from '../domain/hooks';
import type { MessageMedia } from '../store/records';
import {
  common,
  conversationFields,
  fields,
  inboundFields,
  messageFields,
  participantFields,
  receiptFields,
  userFields,
} from './fields';
import type { WebhookParams } from './signature';

/** One webhook to send: its event type, its form fields, and what scoped webhooks need to match it. */
export type WebhookEvent = {
  eventType: string;
  params: WebhookParams;
  serviceSid: string;
  /** Conversation events reach that conversation's scoped webhooks too. */
  conversationSid: string | null;
  /** For `trigger` targets: the message body the keywords are matched against. */
  body: string | null;
};

const mediaOf = (ctx: DomainContext, sids: readonly string[]): MessageMedia[] =>
  sids.flatMap((sid) => {
    const m = ctx.store.get('media', sid);
    return m ? [{ sid, contentType: m.contentType, filename: m.filename, size: m.size }] : [];
  });

/** The pre-action request's form fields, with the proposed values of the change. */
export const preActionEvent = (ctx: DomainContext, request: PreActionRequest): WebhookEvent => {
  const base = common(ctx.accountSid, request.action, request.origin);
  const event = (params: WebhookParams, conversationSid: string | null, body: string | null = null): WebhookEvent => ({
    eventType: request.action,
    params: { ...base, ...params },
    serviceSid: request.serviceSid,
    conversationSid,
    body,
  });
  switch (request.action) {
    case 'onConversationAdd':
      return event(
        {
          ...conversationFields({ ...request.proposed, serviceSid: request.serviceSid }),
          ...inboundFields(request.inbound),
        },
        null,
      );
    case 'onConversationUpdate':
      return event(conversationFields({ ...request.conversation, ...request.proposed }), request.conversation.sid);
    case 'onConversationRemove':
      return event(conversationFields(request.conversation), request.conversation.sid);
    case 'onMessageAdd':
      return event(
        {
          ...messageFields({ ...request.proposed, conversationSid: request.conversation.sid, media: mediaOf(ctx, request.proposed.mediaSids) }),
          ChatServiceSid: request.serviceSid,
        },
        request.conversation.sid,
        request.proposed.body,
      );
    case 'onMessageUpdate':
      return event(
        { ...messageFields({ ...request.message, ...request.proposed, media: request.message.media }), ChatServiceSid: request.serviceSid },
        request.conversation.sid,
        request.proposed.body,
      );
    case 'onMessageRemove':
      return event({ ...messageFields(request.message), ChatServiceSid: request.serviceSid }, request.conversation.sid);
    case 'onParticipantAdd':
      return event(
        { ...participantFields({ ...request.proposed, conversationSid: request.conversation.sid }), ChatServiceSid: request.serviceSid },
        request.conversation.sid,
      );
    case 'onParticipantUpdate':
      return event(
        { ...participantFields({ ...request.participant, ...request.proposed }), ChatServiceSid: request.serviceSid },
        request.conversation.sid,
      );
    case 'onParticipantRemove':
      return event({ ...participantFields(request.participant), ChatServiceSid: request.serviceSid }, request.conversation.sid);
    case 'onUserUpdate':
      return event(userFields({ ...request.user, ...request.proposed }), null);
  }
};

/** The post-action webhooks a domain event stands for (none for events Twilio has no webhook for). */
export const postActionEvents = (ctx: DomainContext, event: DomainEvent): WebhookEvent[] => {
  const one = (eventType: string, params: WebhookParams, conversationSid: string | null, body: string | null = null): WebhookEvent[] => [
    { eventType, params: { ...common(ctx.accountSid, eventType, event.origin), ...params }, serviceSid: event.serviceSid, conversationSid, body },
  ];
  const removed = fields({ DateRemoved: event.at });
  switch (event.type) {
    case 'conversation.added':
      return one('onConversationAdded', { ...conversationFields(event.conversation), ...inboundFields(event.inbound) }, event.conversation.sid);
    case 'conversation.updated':
      return one('onConversationUpdated', conversationFields(event.conversation), event.conversation.sid);
    case 'conversation.removed':
      return one('onConversationRemoved', { ...conversationFields(event.conversation), ...removed }, event.conversation.sid);
    case 'conversation.state-updated':
      return one(
        'onConversationStateUpdated',
        fields({
          ConversationSid: event.conversation.sid,
          ChatServiceSid: event.conversation.serviceSid,
          MessagingServiceSid: event.conversation.messagingServiceSid,
          StateFrom: event.previousState,
          StateTo: event.conversation.state,
          StateUpdated: event.at,
          Reason: event.reason === 'timer' ? 'TIMER' : event.reason === 'api' ? 'API' : 'EVENT',
        }),
        event.conversation.sid,
      );
    case 'participant.added':
      return one('onParticipantAdded', { ...participantFields(event.participant), ChatServiceSid: event.serviceSid }, event.conversation.sid);
    case 'participant.updated':
      return one(
        'onParticipantUpdated',
        { ...participantFields(event.participant), ...fields({ LastReadMessageIndex: event.participant.lastReadMessageIndex }), ChatServiceSid: event.serviceSid },
        event.conversation.sid,
      );
    case 'participant.removed':
      return one('onParticipantRemoved', { ...participantFields(event.participant), ...removed, ChatServiceSid: event.serviceSid }, event.conversation.sid);
    case 'message.added':
      return one(
        'onMessageAdded',
        { ...messageFields(event.message), ...fields({ ChatServiceSid: event.serviceSid, MessagingServiceSid: event.conversation.messagingServiceSid }) },
        event.conversation.sid,
        event.message.body,
      );
    case 'message.updated':
      return one('onMessageUpdated', { ...messageFields(event.message), ChatServiceSid: event.serviceSid }, event.conversation.sid);
    case 'message.removed':
      return one('onMessageRemoved', { ...messageFields(event.message), ...removed, ChatServiceSid: event.serviceSid }, event.conversation.sid);
    case 'delivery.updated':
      return one('onDeliveryUpdated', receiptFields(event.receipt), event.conversation.sid);
    case 'user.added':
      return one('onUserAdded', userFields(event.user), null);
    case 'user.updated':
      return one('onUserUpdated', userFields(event.user), null);
    default:
      return [];
  }
};
