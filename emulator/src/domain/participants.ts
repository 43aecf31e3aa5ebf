import type { ConversationRecord, ParticipantRecord } from '../store/records';
import { newSid } from '../store/sid';
import { changedFields, mutate, type DomainContext } from './context';
import type { DomainEvent } from './events';
import type { PreActionModifications, ProposedParticipant } from './hooks';
import { conversationRateLimit, getConversation, getParticipant, getService, participantsOf, userByIdentity } from './lookup';
import type { Origin } from './origin';
import { buildBinding, checkIdentity, checkMembership } from './participant-rules';
import { planParticipantUpdate } from './participant-update';
import { assertRole } from './roles';
import { insertUserIfMissing } from './users';
import { assertAttributes, LIMITS, parseDate } from './validate';

export type ParticipantInput = {
  identity?: string;
  address?: string;
  proxyAddress?: string;
  projectedAddress?: string;
  attributes?: string;
  roleSid?: string;
  dateCreated?: string;
  dateUpdated?: string;
};

export type ParticipantUpdateInput = {
  identity?: string;
  attributes?: string;
  roleSid?: string;
  /** Empty string clears it, as Twilio's "'null' value will remove it". */
  proxyAddress?: string;
  projectedAddress?: string;
  lastReadMessageIndex?: number | null;
  lastReadTimestamp?: string;
  dateCreated?: string;
  dateUpdated?: string;
};

export type NewParticipantPlan = {
  identity: string | null;
  attributes: string;
  messagingBinding: ParticipantRecord['messagingBinding'];
  roleSid: string | null;
  dateCreated?: string;
  dateUpdated?: string;
};

/**
 * Validates one participant joining `conversation` next to `others` (existing participants, plus any
 * planned earlier in the same ConversationWithParticipants call).
 */
export const planNewParticipant = (
  ctx: DomainContext,
  conversation: Pick<ConversationRecord, 'sid' | 'serviceSid' | 'state' | 'createdBy'>,
  others: readonly Pick<ParticipantRecord, 'identity' | 'messagingBinding'>[],
  input: ParticipantInput,
  mods?: PreActionModifications,
  batchHasProjected = false,
): NewParticipantPlan => {
  const identity = mods?.identity !== undefined ? mods.identity : (input.identity ?? null);
  const attributes = mods?.attributes ?? input.attributes ?? '{}';
  if (identity !== null) checkIdentity(identity);
  assertAttributes(attributes, LIMITS.participantAttributesBytes);
  const hasProjected = batchHasProjected || others.some((p) => p.messagingBinding?.projectedAddress);
  const messagingBinding = buildBinding(ctx, identity, input, hasProjected);
  const service = getService(ctx, conversation.serviceSid);
  const requestedRole = mods?.roleSid !== undefined ? mods.roleSid : (input.roleSid ?? null);
  if (requestedRole !== null) assertRole(ctx, conversation.serviceSid, requestedRole, 'conversation', 'RoleSid');
  // Chat participants get the service's default conversation role (the creator role for the SDK user
  // who created the conversation); SMS/WhatsApp participants and standalone projected addresses none.
  const roleSid =
    requestedRole ??
    (identity === null
      ? null
      : conversation.createdBy === identity
        ? service.configuration.defaultConversationCreatorRoleSid
        : service.configuration.defaultConversationRoleSid);
  checkMembership(ctx, conversation, others, { identity, messagingBinding }, { isNew: true, identityJoins: true });
  return {
    identity,
    attributes,
    messagingBinding,
    roleSid,
    dateCreated: input.dateCreated === undefined ? undefined : parseDate(input.dateCreated, 'DateCreated'),
    dateUpdated: input.dateUpdated === undefined ? undefined : parseDate(input.dateUpdated, 'DateUpdated'),
  };
};

/**
 * Plans the participants of a conversation being created (autocreation, ConversationWithParticipants):
 * each is checked against those planned before it, as there are no existing ones yet.
 */
export const planParticipantBatch = (
  ctx: DomainContext,
  serviceSid: string,
  inputs: readonly ParticipantInput[],
  batchHasProjected: boolean,
): NewParticipantPlan[] => {
  const virtual = { sid: '', serviceSid, state: 'initializing' as const, createdBy: null };
  const plans: NewParticipantPlan[] = [];
  for (const input of inputs) plans.push(planNewParticipant(ctx, virtual, plans, input, undefined, batchHasProjected));
  return plans;
};

/** Writes a planned participant (auto-creating its User) and returns the events, user first. */
export const insertParticipant = (
  ctx: DomainContext,
  conversation: ConversationRecord,
  plan: NewParticipantPlan,
  origin: Origin,
): { participant: ParticipantRecord; events: DomainEvent[] } => {
  const { identity } = plan;
  const events: DomainEvent[] = identity === null ? [] : insertUserIfMissing(ctx, conversation.serviceSid, identity, origin).events;
  const now = ctx.clock.isoNow();
  const participant: ParticipantRecord = {
    sid: newSid('MB'),
    seq: ctx.store.nextSeq(),
    dateCreated: plan.dateCreated ?? now,
    dateUpdated: plan.dateUpdated ?? plan.dateCreated ?? now,
    conversationSid: conversation.sid,
    serviceSid: conversation.serviceSid,
    identity: plan.identity,
    attributes: plan.attributes,
    messagingBinding: plan.messagingBinding,
    roleSid: plan.roleSid,
    lastReadMessageIndex: null,
    lastReadTimestamp: null,
    notificationLevel: 'default',
  };
  ctx.store.insert('participants', participant);
  events.push({ type: 'participant.added', participant, conversation, origin, at: now, serviceSid: conversation.serviceSid });
  return { participant, events };
};

const proposedOf = (p: Pick<ParticipantRecord, 'identity' | 'attributes' | 'messagingBinding' | 'roleSid'>): ProposedParticipant => ({
  identity: p.identity,
  attributes: p.attributes,
  messagingBinding: p.messagingBinding,
  roleSid: p.roleSid,
});

export const addParticipant = (
  ctx: DomainContext,
  serviceSid: string,
  conversationSidOrName: string,
  input: ParticipantInput,
  origin: Origin,
): Promise<ParticipantRecord> => {
  return mutate(ctx, {
    rate: conversationRateLimit(ctx, serviceSid, conversationSidOrName),
    prepare: (mods) => {
      const conversation = getConversation(ctx, serviceSid, conversationSidOrName);
      const plan = planNewParticipant(ctx, conversation, participantsOf(ctx, conversation.sid), input, mods);
      return { conversation, plan };
    },
    hook: ({ conversation, plan }) => ({
      action: 'onParticipantAdd',
      origin,
      serviceSid,
      conversation,
      proposed: proposedOf(plan),
    }),
    apply: ({ conversation, plan }) => {
      const { participant, events } = insertParticipant(ctx, conversation, plan, origin);
      return { result: participant, events };
    },
  });
};

export const updateParticipant = (
  ctx: DomainContext,
  serviceSid: string,
  conversationSidOrName: string,
  participantSid: string,
  input: ParticipantUpdateInput,
  origin: Origin,
): Promise<ParticipantRecord> => {
  return mutate(ctx, {
    rate: conversationRateLimit(ctx, serviceSid, conversationSidOrName),
    prepare: (mods) => {
      const conversation = getConversation(ctx, serviceSid, conversationSidOrName);
      const current = getParticipant(ctx, conversation, participantSid);
      const next = planParticipantUpdate(ctx, conversation, current, input, mods);
      return { conversation, current, next };
    },
    hook: ({ conversation, current, next }) => ({
      action: 'onParticipantUpdate',
      origin,
      serviceSid,
      conversation,
      participant: current,
      proposed: proposedOf(next),
    }),
    apply: ({ conversation, current, next }) => {
      const joined = next.identity !== null && next.identity !== current.identity ? next.identity : null;
      const events: DomainEvent[] = joined === null ? [] : insertUserIfMissing(ctx, serviceSid, joined, origin).events;
      const stamped: ParticipantRecord = { ...next, dateUpdated: input.dateUpdated ?? ctx.clock.isoNow() };
      ctx.store.replace('participants', stamped);
      const at = ctx.clock.isoNow();
      const changed = changedFields(current, stamped);
      events.push({ type: 'participant.updated', participant: stamped, previous: current, conversation, changed, origin, at, serviceSid });
      const readChanged = changed.filter(
        (f): f is 'lastReadMessageIndex' | 'lastReadTimestamp' => f === 'lastReadMessageIndex' || f === 'lastReadTimestamp',
      );
      const user = stamped.identity === null ? undefined : userByIdentity(ctx, serviceSid, stamped.identity);
      if (readChanged.length > 0 && user) {
        events.push({ type: 'user-conversation.updated', user, participant: stamped, conversation, changed: readChanged, origin, at, serviceSid });
      }
      return { result: stamped, events };
    },
  });
};

export const removeParticipant = (
  ctx: DomainContext,
  serviceSid: string,
  conversationSidOrName: string,
  participantSid: string,
  origin: Origin,
): Promise<void> => {
  return mutate(ctx, {
    rate: conversationRateLimit(ctx, serviceSid, conversationSidOrName),
    prepare: () => {
      const conversation = getConversation(ctx, serviceSid, conversationSidOrName);
      return { conversation, participant: getParticipant(ctx, conversation, participantSid) };
    },
    hook: ({ conversation, participant }) => ({ action: 'onParticipantRemove', origin, serviceSid, conversation, participant }),
    apply: ({ conversation, participant }) => {
      ctx.store.delete('participants', participant.sid);
      return {
        result: undefined,
        events: [{ type: 'participant.removed', participant, conversation, origin, at: ctx.clock.isoNow(), serviceSid }],
      };
    },
  });
};
