import { key } from '../store/indexes';
import type { ConversationRecord, ConversationState } from '../store/records';
import { newSid } from '../store/sid';
import { changedFields, defined, mutate, type DomainContext } from './context';
import { badRequest, conflict, ERROR_CODES, invalidParam } from './errors';
import type { DomainEvent } from './events';
import type { PreActionModifications, ProposedConversation } from './hooks';
import { findConversation, getConversation, getService } from './lookup';
import type { Origin } from './origin';
import { conversationBucket, serviceBucket } from './rate-limit';
import { removeConversationCascade } from './cascade';
import { armTimers, MIN_CLOSED_SECONDS, MIN_INACTIVE_SECONDS } from './timers';
import { assertAttributes, assertMaxChars, assertSid, LIMITS, oneOf, parseDate, parseDuration } from './validate';

export const CONVERSATION_STATES = ['initializing', 'active', 'inactive', 'closed'] as const;

export type ConversationInput = {
  friendlyName?: string;
  uniqueName?: string;
  attributes?: string;
  messagingServiceSid?: string;
  state?: string;
  timersInactive?: string;
  timersClosed?: string;
  dateCreated?: string;
  dateUpdated?: string;
  bindingsEmailAddress?: string;
  bindingsEmailName?: string;
};

/** Validated, normalised conversation fields (the parts a request may set). */
type ConversationFields = ProposedConversation & {
  timers: { inactive: string | null; closed: string | null };
  bindings: ConversationRecord['bindings'];
  dateCreated?: string;
  dateUpdated?: string;
};

const applyModifications = (fields: ConversationFields, mods: PreActionModifications | undefined): ConversationFields => {
  if (!mods) return fields;
  const { friendlyName, uniqueName, attributes, state } = mods;
  return { ...fields, ...defined({ friendlyName, uniqueName, attributes, state }) };
};

/** Checks every field of `fields` against Twilio's rules; `selfSid` is the conversation being updated. */
const validateFields = (ctx: DomainContext, serviceSid: string, fields: ConversationFields, selfSid?: string) => {
  assertMaxChars(fields.friendlyName, LIMITS.friendlyName, 'FriendlyName');
  assertMaxChars(fields.uniqueName, LIMITS.uniqueName, 'UniqueName');
  assertAttributes(fields.attributes, LIMITS.conversationAttributesBytes);
  oneOf(fields.state, CONVERSATION_STATES, 'State');
  if (fields.messagingServiceSid !== null) {
    assertSid(fields.messagingServiceSid, 'MG', 'MessagingServiceSid', 'Messaging Service SID');
  }
  if (fields.timers.inactive !== null) parseDuration(fields.timers.inactive, 'Timers.Inactive', MIN_INACTIVE_SECONDS);
  if (fields.timers.closed !== null) parseDuration(fields.timers.closed, 'Timers.Closed', MIN_CLOSED_SECONDS);
  if (fields.uniqueName !== null) {
    if (fields.uniqueName === '') throw invalidParam("Parameter 'UniqueName' must not be empty");
    const existing = ctx.store.uniqueSid('conversations', 'byUniqueName', key(serviceSid, fields.uniqueName));
    if (existing && existing !== selfSid) {
      throw conflict(ERROR_CODES.uniqueNameExists, `Conversation with provided unique name already exists: '${fields.uniqueName}'`);
    }
  }
};

const readInput = (input: ConversationInput, base: ConversationFields): ConversationFields => {
  const email =
    input.bindingsEmailAddress !== undefined || input.bindingsEmailName !== undefined
      ? {
          email: {
            address: input.bindingsEmailAddress ?? base.bindings?.email?.address ?? null,
            name: input.bindingsEmailName ?? base.bindings?.email?.name ?? null,
          },
        }
      : base.bindings;
  return {
    friendlyName: input.friendlyName ?? base.friendlyName,
    uniqueName: input.uniqueName ?? base.uniqueName,
    attributes: input.attributes ?? base.attributes,
    messagingServiceSid: input.messagingServiceSid ?? base.messagingServiceSid,
    state: (input.state ?? base.state) as ConversationState,
    timers: {
      inactive: input.timersInactive ?? base.timers.inactive,
      closed: input.timersClosed ?? base.timers.closed,
    },
    bindings: email,
    dateCreated: input.dateCreated === undefined ? undefined : parseDate(input.dateCreated, 'DateCreated'),
    dateUpdated: input.dateUpdated === undefined ? undefined : parseDate(input.dateUpdated, 'DateUpdated'),
  };
};

/** Fields of a new conversation before it exists (defaults from the account configuration). */
export const prepareNewConversation = (
  ctx: DomainContext,
  serviceSid: string,
  input: ConversationInput,
  mods?: PreActionModifications,
): ConversationFields => {
  getService(ctx, serviceSid);
  const config = ctx.store.state.configuration;
  const fields = applyModifications(
    readInput(input, {
      friendlyName: null,
      uniqueName: null,
      attributes: '{}',
      messagingServiceSid: config.defaultMessagingServiceSid,
      state: 'active',
      timers: { inactive: config.defaultInactiveTimer, closed: config.defaultClosedTimer },
      bindings: null,
    }),
    mods,
  );
  validateFields(ctx, serviceSid, fields);
  return fields;
};

export const buildConversation = (
  ctx: DomainContext,
  serviceSid: string,
  fields: ConversationFields,
  origin: Origin,
): ConversationRecord => {
  const now = ctx.clock.now();
  const iso = ctx.clock.isoNow();
  return {
    sid: newSid('CH'),
    seq: ctx.store.nextSeq(),
    dateCreated: fields.dateCreated ?? iso,
    dateUpdated: fields.dateUpdated ?? fields.dateCreated ?? iso,
    serviceSid,
    messagingServiceSid: fields.messagingServiceSid,
    friendlyName: fields.friendlyName,
    uniqueName: fields.uniqueName,
    attributes: fields.attributes,
    state: fields.state,
    timers: armTimers(fields.timers, fields.state, now),
    bindings: fields.bindings,
    createdBy: origin.source === 'sdk' ? (origin.clientIdentity ?? null) : null,
    nextMessageIndex: 0,
    lastActivity: iso,
  };
};

/** What the pre-action hook is shown of a new or changed conversation. */
export const proposedConversation = (f: ProposedConversation): ProposedConversation => ({
  friendlyName: f.friendlyName,
  uniqueName: f.uniqueName,
  attributes: f.attributes,
  messagingServiceSid: f.messagingServiceSid,
  state: f.state,
});

export const createConversation = (
  ctx: DomainContext,
  serviceSid: string,
  input: ConversationInput,
  origin: Origin,
): Promise<ConversationRecord> =>
  mutate(ctx, {
    rate: serviceBucket(serviceSid),
    prepare: (mods) => prepareNewConversation(ctx, serviceSid, input, mods),
    hook: (fields) => ({ action: 'onConversationAdd', origin, serviceSid, proposed: proposedConversation(fields) }),
    apply: (fields) => {
      const conversation = buildConversation(ctx, serviceSid, fields, origin);
      ctx.store.insert('conversations', conversation);
      const at = ctx.clock.isoNow();
      return { result: conversation, events: [{ type: 'conversation.added', conversation, origin, at, serviceSid }] };
    },
  });

/** State changes Twilio allows: anything but leaving `closed`. */
const assertTransition = (from: ConversationState, to: ConversationState) => {
  if (from === 'closed' && to !== 'closed') {
    throw badRequest(ERROR_CODES.conversationClosed, 'Conversation is closed and cannot be reopened');
  }
};

export const updateConversation = (
  ctx: DomainContext,
  serviceSid: string,
  sidOrUniqueName: string,
  input: ConversationInput,
  origin: Origin,
): Promise<ConversationRecord> => {
  const sid = findConversation(ctx, serviceSid, sidOrUniqueName)?.sid ?? sidOrUniqueName;
  return mutate(ctx, {
    rate: conversationBucket(sid),
    prepare: (mods) => {
      const current = getConversation(ctx, serviceSid, sid);
      const fields = applyModifications(readInput(input, { ...current, timers: current.timers }), mods);
      validateFields(ctx, serviceSid, fields, current.sid);
      assertTransition(current.state, fields.state);
      return { current, fields };
    },
    hook: ({ current, fields }) => ({
      action: 'onConversationUpdate',
      origin,
      serviceSid,
      conversation: current,
      proposed: proposedConversation(fields),
    }),
    apply: ({ current, fields }) => {
      const now = ctx.clock.now();
      const iso = ctx.clock.isoNow();
      const stateChanged = fields.state !== current.state;
      const timersChanged =
        fields.timers.inactive !== current.timers.inactive || fields.timers.closed !== current.timers.closed;
      // A manual state change resets the timer counters (States and Timers page).
      const timers =
        stateChanged || timersChanged
          ? armTimers(fields.timers, fields.state, stateChanged ? now : Date.parse(current.lastActivity))
          : current.timers;
      const next: ConversationRecord = {
        ...current,
        friendlyName: fields.friendlyName,
        uniqueName: fields.uniqueName,
        attributes: fields.attributes,
        messagingServiceSid: fields.messagingServiceSid,
        state: fields.state,
        timers,
        bindings: fields.bindings,
        dateCreated: fields.dateCreated ?? current.dateCreated,
        dateUpdated: fields.dateUpdated ?? iso,
      };
      ctx.store.replace('conversations', next);
      const events: DomainEvent[] = [
        {
          type: 'conversation.updated',
          conversation: next,
          previous: current,
          changed: changedFields(current, next),
          origin,
          at: iso,
          serviceSid,
        },
      ];
      if (stateChanged) {
        events.push({
          type: 'conversation.state-updated',
          conversation: next,
          previousState: current.state,
          reason: 'api',
          origin,
          at: iso,
          serviceSid,
        });
      }
      return { result: next, events };
    },
  });
};

export const deleteConversation = (
  ctx: DomainContext,
  serviceSid: string,
  sidOrUniqueName: string,
  origin: Origin,
): Promise<void> =>
  mutate(ctx, {
    rate: serviceBucket(serviceSid),
    prepare: () => getConversation(ctx, serviceSid, sidOrUniqueName),
    hook: (conversation) => ({ action: 'onConversationRemove', origin, serviceSid, conversation }),
    apply: (conversation) => ({ result: undefined, events: removeConversationCascade(ctx, conversation, origin) }),
  });
