import type { ConversationRecord, MessageMedia, MessageRecord, ParticipantRecord } from '../store/records';
import { newSid } from '../store/sid';
import { changedFields, mutate, type DomainContext } from './context';
import { removeMessageRecords } from './cascade';
import { badRequest, ERROR_CODES, invalidParam } from './errors';
import type { DomainEvent } from './events';
import type { PreActionModifications, ProposedMessage } from './hooks';
import { findConversation, getConversation, getMessage, isNonChat, participantByIdentity, participantsOf } from './lookup';
import type { Origin } from './origin';
import { armTimers } from './timers';
import { assertAttributes, assertJson, assertMaxBytes, assertMaxChars, LIMITS, parseDate } from './validate';

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

/** The participant a message author stands for: by identity, else by address or projected address. */
export const authorParticipant = (
  ctx: DomainContext,
  conversationSid: string,
  author: string,
): ParticipantRecord | undefined =>
  participantByIdentity(ctx, conversationSid, author) ??
  participantsOf(ctx, conversationSid).find(
    (p) => p.messagingBinding?.address === author || (p.identity === null && p.messagingBinding?.projectedAddress === author),
  );

/**
 * Body limits from the Limits page: 32 KB to chat; 1,600 characters when the conversation has SMS or
 * WhatsApp participants, since the body is carried to them.
 */
const checkBody = (ctx: DomainContext, conversationSid: string, body: string | null) => {
  if (body === null) return;
  assertMaxBytes(body, LIMITS.chatBodyBytes, 'Body');
  const chars = [...body].length;
  if (chars > LIMITS.nonChatBodyChars && participantsOf(ctx, conversationSid).some(isNonChat)) {
    throw badRequest(
      ERROR_CODES.messageBodyTooLong,
      `Message body is ${chars} characters; at most ${LIMITS.nonChatBodyChars} can be sent to SMS or WhatsApp participants`,
    );
  }
};

const checkMedia = (ctx: DomainContext, serviceSid: string, mediaSids: readonly string[]): MessageMedia[] => {
  if (mediaSids.length > LIMITS.mediaPerMessage) {
    throw invalidParam(`A message can carry at most ${LIMITS.mediaPerMessage} media`);
  }
  return mediaSids.map((sid) => {
    const media = ctx.store.get('media', sid);
    if (!/^ME[0-9a-fA-F]{32}$/.test(sid)) throw invalidParam(`Parameter 'MediaSid' is not a valid Media SID: '${sid}'`);
    if (!media || media.serviceSid !== serviceSid) {
      throw badRequest(ERROR_CODES.mediaNotFound, `Media ${sid} was not found in this conversation's service`);
    }
    if (media.messageSid !== null) throw invalidParam(`Media ${sid} is already attached to message ${media.messageSid}`);
    return { sid, contentType: media.contentType, filename: media.filename, size: media.size };
  });
};

type MessagePlan = {
  conversation: ConversationRecord;
  author: string;
  body: string | null;
  attributes: string;
  media: MessageMedia[];
  participantSid: string | null;
  contentSid: string | null;
  contentVariables: string | null;
  subject: string | null;
  dateCreated?: string;
  dateUpdated?: string;
};

const planMessage = (
  ctx: DomainContext,
  serviceSid: string,
  conversationSidOrName: string,
  input: MessageInput,
  mods?: PreActionModifications,
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
  if (input.contentSid !== undefined && !/^HX[0-9a-fA-F]{32}$/.test(input.contentSid)) {
    throw invalidParam(`Parameter 'ContentSid' is not a valid Content SID: '${input.contentSid}'`);
  }
  assertJson(input.contentVariables, 'ContentVariables');
  checkBody(ctx, conversation.sid, body);
  const media = checkMedia(ctx, serviceSid, input.mediaSids ?? []);
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
    dateCreated: input.dateCreated === undefined ? undefined : parseDate(input.dateCreated, 'DateCreated'),
    dateUpdated: input.dateUpdated === undefined ? undefined : parseDate(input.dateUpdated, 'DateUpdated'),
  };
};

const proposedOf = (p: Omit<MessagePlan, 'conversation'>): ProposedMessage => ({
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
  const rateSid = findConversation(ctx, serviceSid, conversationSidOrName)?.sid ?? conversationSidOrName;
  return mutate(ctx, {
    rate: origin.source === 'sms' || origin.source === 'whatsapp' ? null : { key: `conversation:${rateSid}`, label: `Conversation ${rateSid}` },
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

const applyNewMessage = (ctx: DomainContext, plan: MessagePlan, origin: Origin) => {
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
    deliveryRecipients: participants.filter((p) => isNonChat(p) && p.sid !== plan.participantSid).length,
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
  for (const media of plan.media) {
    const record = ctx.store.get('media', media.sid);
    if (record) ctx.store.replace('media', { ...record, conversationSid: conversation.sid, messageSid: message.sid, dateUpdated: iso });
  }
  const serviceSid = conversation.serviceSid;
  const events: DomainEvent[] = [];
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
  const rateSid = findConversation(ctx, serviceSid, conversationSidOrName)?.sid ?? conversationSidOrName;
  return mutate(ctx, {
    rate: { key: `conversation:${rateSid}`, label: `Conversation ${rateSid}` },
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
  const rateSid = findConversation(ctx, serviceSid, conversationSidOrName)?.sid ?? conversationSidOrName;
  return mutate(ctx, {
    rate: { key: `conversation:${rateSid}`, label: `Conversation ${rateSid}` },
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
