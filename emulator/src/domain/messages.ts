import type { ConversationRecord, MediaRecord, MessageMedia, MessageRecord } from '../store/records';
import { newSid } from '../store/sid';
import { changedFields, mutate, type DomainContext } from './context';
import { removeMessageRecords } from './cascade';
import { badRequest, ERROR_CODES, invalidParam } from './errors';
import type { DomainEvent } from './events';
import type { PreActionModifications, ProposedMessage } from './hooks';
import { conversationRateLimit, getConversation, getMessage, participantsOf } from './lookup';
import { authorParticipant, checkBody, checkMedia } from './message-rules';
import type { Origin } from './origin';
import { deliveryTargets } from './outbound';
import { armTimers } from './timers';
import { assertAttributes, assertJson, assertMaxChars, assertSid, LIMITS, parseDate } from './validate';

export type MessageInput = {
  author?: string;
  body?: string;
  attributes?: string;
  mediaSids?: string[];
  contentSid?: string;
  contentVariables?: string;
  subject?: string;
  dateCreated?: string;
  dateUpdated?: string;
};

export type MessagePlan = {
  conversation: ConversationRecord;
  author: string;
  body: string | null;
  attributes: string;
  media: MessageMedia[];
  participantSid: string | null;
  contentSid: string | null;
  contentVariables: string | null;
  subject: string | null;
  /** Media that arrived with an inbound SMS/WhatsApp message: records created with the message. */
  insertMedia: MessageMedia[];
  dateCreated?: string;
  dateUpdated?: string;
};

/**
 * Validates a new message. `inboundMedia` is media an SMS/WhatsApp message brought in: its bytes are
 * stored already and its records are written with the message (there is no upload step on that path).
 */
export const planMessage = (
  ctx: DomainContext,
  serviceSid: string,
  conversationSidOrName: string,
  input: MessageInput,
  mods?: PreActionModifications,
  inboundMedia?: MessageMedia[],
): MessagePlan => {
  const conversation = getConversation(ctx, serviceSid, conversationSidOrName);
  if (conversation.state === 'closed') {
    throw badRequest(ERROR_CODES.conversationClosed, 'Cannot add a message to a closed conversation');
  }
  const author = mods?.author ?? input.author ?? 'system';
  const body = mods?.body !== undefined ? mods.body : (input.body ?? null);
  const attributes = mods?.attributes ?? input.attributes ?? '{}';
  assertMaxChars(author, LIMITS.identity, 'Author');
  assertAttributes(attributes, LIMITS.messageAttributesBytes);
  assertMaxChars(input.subject, LIMITS.subject, 'Subject');
  if (input.contentSid !== undefined) assertSid(input.contentSid, 'HX', 'ContentSid', 'Content SID');
  assertJson(input.contentVariables, 'ContentVariables');
  checkBody(ctx, conversation.sid, body);
  const media = inboundMedia ?? checkMedia(ctx, serviceSid, input.mediaSids ?? []);
  if ((body === null || body === '') && media.length === 0 && input.contentSid === undefined) {
    throw invalidParam("A message needs a 'Body', a 'MediaSid' or a 'ContentSid'");
  }
  return {
    conversation,
    author,
    body,
    attributes,
    media,
    participantSid: authorParticipant(ctx, conversation.sid, author)?.sid ?? null,
    contentSid: input.contentSid ?? null,
    contentVariables: input.contentVariables ?? null,
    subject: input.subject ?? null,
    insertMedia: inboundMedia ?? [],
    dateCreated: input.dateCreated === undefined ? undefined : parseDate(input.dateCreated, 'DateCreated'),
    dateUpdated: input.dateUpdated === undefined ? undefined : parseDate(input.dateUpdated, 'DateUpdated'),
  };
};

export const proposedOf = (p: Pick<MessagePlan, 'author' | 'body' | 'attributes' | 'media' | 'participantSid'>): ProposedMessage => ({
  author: p.author,
  body: p.body,
  attributes: p.attributes,
  mediaSids: p.media.map((m) => m.sid),
  participantSid: p.participantSid,
});

/**
 * Adds a message. A message is activity: it reactivates an inactive conversation and re-arms its
 * timers (States and Timers page).
 */
export const addMessage = (
  ctx: DomainContext,
  serviceSid: string,
  conversationSidOrName: string,
  input: MessageInput,
  origin: Origin,
): Promise<MessageRecord> => {
  return mutate(ctx, {
    rate: origin.source === 'sms' || origin.source === 'whatsapp' ? null : conversationRateLimit(ctx, serviceSid, conversationSidOrName),
    prepare: (mods) => planMessage(ctx, serviceSid, conversationSidOrName, input, mods),
    hook: (plan) => ({
      action: 'onMessageAdd',
      origin,
      serviceSid,
      conversation: plan.conversation,
      proposed: proposedOf(plan),
    }),
    apply: (plan) => applyNewMessage(ctx, plan, origin),
  });
};

export const applyNewMessage = (ctx: DomainContext, plan: MessagePlan, origin: Origin) => {
  const { conversation } = plan;
  const now = ctx.clock.now();
  const iso = ctx.clock.isoNow();
  const participants = participantsOf(ctx, conversation.sid);
  const message: MessageRecord = {
    sid: newSid('IM'),
    seq: ctx.store.nextSeq(),
    dateCreated: plan.dateCreated ?? iso,
    dateUpdated: plan.dateUpdated ?? plan.dateCreated ?? iso,
    conversationSid: conversation.sid,
    serviceSid: conversation.serviceSid,
    index: conversation.nextMessageIndex,
    author: plan.author,
    body: plan.body,
    attributes: plan.attributes,
    participantSid: plan.participantSid,
    media: plan.media.length > 0 ? plan.media : null,
    contentSid: plan.contentSid,
    contentVariables: plan.contentVariables,
    subject: plan.subject,
    deliveryRecipients: deliveryTargets(participants, plan.participantSid).length,
    edited: false,
  };
  const reactivated = conversation.state === 'inactive';
  const state = reactivated ? 'active' : conversation.state;
  const nextConversation: ConversationRecord = {
    ...conversation,
    state,
    nextMessageIndex: conversation.nextMessageIndex + 1,
    lastActivity: iso,
    timers: armTimers(conversation.timers, state, now),
  };
  ctx.store.insert('messages', message);
  ctx.store.replace('conversations', nextConversation);
  const serviceSid = conversation.serviceSid;
  const events: DomainEvent[] = [];
  for (const media of plan.insertMedia) {
    const record: MediaRecord = {
      ...media,
      seq: ctx.store.nextSeq(),
      dateCreated: iso,
      dateUpdated: iso,
      serviceSid,
      author: plan.author,
      conversationSid: conversation.sid,
      messageSid: message.sid,
    };
    ctx.store.insert('media', record);
    events.push({ type: 'media.added', media: record, origin, at: iso, serviceSid });
  }
  const inserted = new Set(plan.insertMedia.map((m) => m.sid));
  for (const media of plan.media) {
    if (inserted.has(media.sid)) continue;
    const record = ctx.store.get('media', media.sid);
    if (record) ctx.store.replace('media', { ...record, conversationSid: conversation.sid, messageSid: message.sid, dateUpdated: iso });
  }
  if (reactivated) {
    events.push({
      type: 'conversation.state-updated',
      conversation: nextConversation,
      previousState: conversation.state,
      reason: 'activity',
      origin,
      at: iso,
      serviceSid,
    });
  }
  events.push({ type: 'message.added', message, conversation: nextConversation, origin, at: iso, serviceSid });
  return { result: message, events };
};

export type MessageUpdateInput = Omit<MessageInput, 'mediaSids' | 'contentSid' | 'contentVariables'>;

export const updateMessage = (
  ctx: DomainContext,
  serviceSid: string,
  conversationSidOrName: string,
  messageSid: string,
  input: MessageUpdateInput,
  origin: Origin,
): Promise<MessageRecord> => {
  return mutate(ctx, {
    rate: conversationRateLimit(ctx, serviceSid, conversationSidOrName),
    prepare: (mods) => {
      const conversation = getConversation(ctx, serviceSid, conversationSidOrName);
      const current = getMessage(ctx, conversation, messageSid);
      const author = mods?.author ?? input.author ?? current.author;
      const body = mods?.body !== undefined ? mods.body : (input.body ?? current.body);
      const attributes = mods?.attributes ?? input.attributes ?? current.attributes;
      assertMaxChars(author, LIMITS.identity, 'Author');
      assertAttributes(attributes, LIMITS.messageAttributesBytes);
      assertMaxChars(input.subject, LIMITS.subject, 'Subject');
      checkBody(ctx, conversation.sid, body);
      const next: MessageRecord = {
        ...current,
        author,
        body,
        attributes,
        subject: input.subject ?? current.subject,
        participantSid: author === current.author ? current.participantSid : (authorParticipant(ctx, conversation.sid, author)?.sid ?? null),
        dateCreated: input.dateCreated === undefined ? current.dateCreated : parseDate(input.dateCreated, 'DateCreated'),
        dateUpdated: input.dateUpdated === undefined ? ctx.clock.isoNow() : parseDate(input.dateUpdated, 'DateUpdated'),
        edited: true,
      };
      return { conversation, current, next };
    },
    hook: ({ conversation, current, next }) => ({
      action: 'onMessageUpdate',
      origin,
      serviceSid,
      conversation,
      message: current,
      proposed: proposedOf({ ...next, media: next.media ?? [] }),
    }),
    apply: ({ conversation, current, next }) => {
      ctx.store.replace('messages', next);
      return {
        result: next,
        events: [
          {
            type: 'message.updated',
            message: next,
            previous: current,
            conversation,
            changed: changedFields(current, next),
            origin,
            at: ctx.clock.isoNow(),
            serviceSid,
          },
        ],
      };
    },
  });
};

export const removeMessage = (
  ctx: DomainContext,
  serviceSid: string,
  conversationSidOrName: string,
  messageSid: string,
  origin: Origin,
): Promise<void> => {
  return mutate(ctx, {
    rate: conversationRateLimit(ctx, serviceSid, conversationSidOrName),
    prepare: () => {
      const conversation = getConversation(ctx, serviceSid, conversationSidOrName);
      return { conversation, message: getMessage(ctx, conversation, messageSid) };
    },
    hook: ({ conversation, message }) => ({ action: 'onMessageRemove', origin, serviceSid, conversation, message }),
    apply: ({ conversation, message }) => {
      removeMessageRecords(ctx, message);
      return {
        result: undefined,
        events: [{ type: 'message.removed', message, conversation, origin, at: ctx.clock.isoNow(), serviceSid }],
      };
    },
  });
};
