import type { ConversationRecord, MessageRecord } from '../store/records';
import type { DomainContext } from './context';
import type { DomainEvent } from './events';
import { participantsOf } from './lookup';
import type { Origin } from './origin';

/**
 * Deletes that take dependants with them. Synchronous: they run inside a mutation's `apply`.
 */

/** A message, its receipts and its media. */
export const removeMessageRecords = (ctx: DomainContext, message: MessageRecord): void => {
  for (const receiptSid of [...ctx.store.byIndex('receipts', 'byMessage', message.sid)]) {
    ctx.store.delete('receipts', receiptSid);
  }
  for (const media of message.media ?? []) {
    ctx.store.delete('media', media.sid);
    ctx.mediaRemoved(media.sid);
  }
  ctx.store.delete('messages', message.sid);
};

/** Deleting a conversation removes its participants, messages, receipts, media and webhooks. */
export const removeConversationCascade = (
  ctx: DomainContext,
  conversation: ConversationRecord,
  origin: Origin,
): DomainEvent[] => {
  const participants = participantsOf(ctx, conversation.sid);
  const webhooks = ctx.store.recordsByIndex('conversationWebhooks', 'byConversation', conversation.sid);
  for (const messageSid of [...ctx.store.byIndex('messages', 'byConversation', conversation.sid)]) {
    const message = ctx.store.get('messages', messageSid);
    if (message) removeMessageRecords(ctx, message);
  }
  for (const participant of participants) ctx.store.delete('participants', participant.sid);
  for (const webhookSid of [...ctx.store.byIndex('conversationWebhooks', 'byConversation', conversation.sid)]) {
    ctx.store.delete('conversationWebhooks', webhookSid);
  }
  ctx.store.delete('conversations', conversation.sid);
  return [
    {
      type: 'conversation.removed',
      conversation,
      participants,
      webhooks,
      origin,
      at: ctx.clock.isoNow(),
      serviceSid: conversation.serviceSid,
    },
  ];
};
