import { z } from 'zod';
import { invalidParam, notFound } from '../domain/errors';
import type { OrchestratorContext } from './context';
import { newV2Id, V2_ID_PREFIX } from './ids';
import { insertCommunication, insertParticipant } from './indexes';
import { V2_CHANNELS, type ActionRecord, type CommunicationRecord, type V2ConversationRecord, type V2ParticipantRecord } from './records';

/**
 * The v2 conversations read and write API: active API creation (a conversation under a configuration,
 * outside capture), updates, participants, communications written by the API, and actions (stored
 * with their status).
 */
const fail = (error: z.ZodError): never => {
  const issue = error.issues[0];
  throw invalidParam(`Invalid parameter '${issue?.path.join('.') || 'body'}': ${issue?.message ?? 'invalid'}`);
};
const read = <S extends z.ZodType>(schema: S, body: unknown): z.output<S> => {
  const parsed = schema.safeParse(body ?? {});
  return parsed.success ? parsed.data : fail(parsed.error);
};

const ZChannel = z.enum([...V2_CHANNELS, 'VIDEO']).transform((c) => (c === 'VIDEO' ? 'CHAT' : c));
const ZAddress = z.object({ channel: ZChannel, address: z.string().min(1), channelId: z.string().optional() });
const ZParticipant = z.object({
  name: z.string().max(256).nullish(),
  type: z.enum(['HUMAN_AGENT', 'CUSTOMER', 'AI_AGENT', 'AGENT', 'UNKNOWN']).optional(),
  profileId: z.string().nullish(),
  addresses: z.array(ZAddress).max(20).optional(),
});
const ZMetadata = z.record(z.string(), z.unknown());
const ZCreate = z.object({
  configurationId: z.string().min(1),
  name: z.string().max(256).optional(),
  participants: z.array(ZParticipant).max(50).optional(),
  metadata: ZMetadata.optional(),
});
const ZUpdate = z.object({ name: z.string().max(256).nullish(), status: z.enum(['ACTIVE', 'INACTIVE', 'CLOSED']).optional(), metadata: ZMetadata.optional() });
const ZRef = z.object({ address: z.string().min(1), channel: ZChannel, participantId: z.string().optional() });
const ZCommunication = z.object({
  author: ZRef,
  content: z.object({ type: z.string().default('TEXT'), text: z.string().min(1).max(10_000) }),
  channelId: z.string().optional(),
  recipients: z.array(ZRef).max(50).optional(),
});
const ZAction = z.looseObject({ type: z.string().min(1).max(64) });

export const getConversation = (ctx: OrchestratorContext, id: string): V2ConversationRecord => {
  const found = ctx.state().conversations[id];
  if (!found) throw notFound(`/v2/Conversations/${id}`);
  return found;
};

const newParticipant = (ctx: OrchestratorContext, conversationId: string, input: z.output<typeof ZParticipant>): V2ParticipantRecord => {
  const now = ctx.clock.isoNow();
  return {
    id: newV2Id(V2_ID_PREFIX.participant),
    seq: ctx.nextSeq(),
    conversationId,
    name: input.name ?? null,
    type: input.type ?? 'UNKNOWN',
    profileId: input.profileId ?? null,
    addresses: input.addresses ?? [],
    createdAt: now,
    updatedAt: now,
  };
};

export const createConversation = (ctx: OrchestratorContext, body: unknown): V2ConversationRecord => {
  const input = read(ZCreate, body);
  const configuration = ctx.state().configurations[input.configurationId];
  if (!configuration) throw invalidParam(`Parameter 'configurationId': no Configuration ${input.configurationId}`);
  const now = ctx.clock.isoNow();
  const conversation: V2ConversationRecord = {
    id: newV2Id(V2_ID_PREFIX.conversation),
    seq: ctx.nextSeq(),
    configurationId: configuration.id,
    status: 'ACTIVE',
    name: input.name ?? null,
    createdAt: now,
    updatedAt: now,
    metadata: input.metadata ?? {},
    lastCommunicationAt: ctx.clock.now(),
    groupKey: null,
    channel: null,
    v1ConversationSid: null,
  };
  const state = ctx.state();
  state.conversations[conversation.id] = conversation;
  for (const p of input.participants ?? []) {
    insertParticipant(state, newParticipant(ctx, conversation.id, p));
  }
  ctx.changed();
  return conversation;
};

/** PUT sets name, status and metadata; PATCH only what it names. CLOSED is final, as after the timeout. */
export const updateConversation = (ctx: OrchestratorContext, id: string, body: unknown, mode: 'replace' | 'merge'): V2ConversationRecord => {
  const current = getConversation(ctx, id);
  const input = read(ZUpdate, body);
  if (mode === 'replace' && input.status === undefined) throw invalidParam("Parameter 'status' is required");
  if (current.status === 'CLOSED' && input.status !== undefined && input.status !== 'CLOSED') throw invalidParam('A CLOSED conversation cannot be reopened');
  const status = input.status ?? current.status;
  const next: V2ConversationRecord = {
    ...current,
    name: input.name !== undefined ? input.name : mode === 'replace' ? null : current.name,
    status,
    metadata: input.metadata ?? (mode === 'replace' ? {} : current.metadata),
    updatedAt: ctx.clock.isoNow(),
    // Made ACTIVE by hand: the timeouts count again from now.
    lastCommunicationAt: status === 'ACTIVE' && current.status !== 'ACTIVE' ? ctx.clock.now() : current.lastCommunicationAt,
    groupKey: status === 'CLOSED' ? null : current.groupKey,
  };
  const state = ctx.state();
  state.conversations[id] = next;
  if (status === 'CLOSED' && current.groupKey && state.groups[current.groupKey] === id) delete state.groups[current.groupKey];
  ctx.changed();
  if (status !== current.status) ctx.statusChanged(next, current.status);
  ctx.rearm();
  return next;
};

export const getParticipant = (ctx: OrchestratorContext, conversationId: string, id: string): V2ParticipantRecord => {
  getConversation(ctx, conversationId);
  const found = ctx.state().participants[id];
  if (!found || found.conversationId !== conversationId) throw notFound(`/v2/Conversations/${conversationId}/Participants/${id}`);
  return found;
};

export const addParticipant = (ctx: OrchestratorContext, conversationId: string, body: unknown): V2ParticipantRecord => {
  getConversation(ctx, conversationId);
  const participant = newParticipant(ctx, conversationId, read(ZParticipant, body));
  insertParticipant(ctx.state(), participant);
  ctx.changed();
  return participant;
};

export const updateParticipant = (ctx: OrchestratorContext, conversationId: string, id: string, body: unknown): V2ParticipantRecord => {
  const current = getParticipant(ctx, conversationId, id);
  const input = read(ZParticipant, body);
  const next: V2ParticipantRecord = {
    ...current,
    name: input.name !== undefined ? input.name : current.name,
    type: input.type ?? current.type,
    profileId: input.profileId !== undefined ? input.profileId : current.profileId,
    addresses: input.addresses ?? current.addresses,
    updatedAt: ctx.clock.isoNow(),
  };
  ctx.state().participants[id] = next;
  ctx.changed();
  return next;
};

export const getCommunication = (ctx: OrchestratorContext, conversationId: string, id: string): CommunicationRecord => {
  getConversation(ctx, conversationId);
  const found = ctx.state().communications[id];
  if (!found || found.conversationId !== conversationId) throw notFound(`/v2/Conversations/${conversationId}/Communications/${id}`);
  return found;
};

/** A communication written through the API joins an open conversation and counts as activity. */
export const addCommunication = (ctx: OrchestratorContext, conversationId: string, body: unknown): CommunicationRecord => {
  const conversation = getConversation(ctx, conversationId);
  if (conversation.status === 'CLOSED') throw invalidParam(`Conversation ${conversationId} is CLOSED`);
  const input = read(ZCommunication, body);
  const now = ctx.clock.isoNow();
  const communication: CommunicationRecord = {
    id: newV2Id(V2_ID_PREFIX.communication),
    seq: ctx.nextSeq(),
    conversationId,
    author: input.author,
    content: { type: input.content.type, text: input.content.text },
    channelId: input.channelId ?? null,
    resourceId: input.channelId ?? null,
    recipients: input.recipients ?? [],
    createdAt: now,
    updatedAt: now,
    occurredAt: now,
  };
  const state = ctx.state();
  insertCommunication(state, communication);
  state.conversations[conversationId] = { ...conversation, status: 'ACTIVE', updatedAt: now, lastCommunicationAt: ctx.clock.now() };
  ctx.changed();
  if (conversation.status === 'INACTIVE') ctx.statusChanged({ ...conversation, status: 'ACTIVE' }, 'INACTIVE');
  ctx.rearm(state.conversations[conversationId]);
  return communication;
};

export const createAction = (ctx: OrchestratorContext, conversationId: string, body: unknown): ActionRecord => {
  getConversation(ctx, conversationId);
  const input = read(ZAction, body);
  const now = ctx.clock.isoNow();
  const action: ActionRecord = {
    id: newV2Id(V2_ID_PREFIX.action),
    seq: ctx.nextSeq(),
    conversationId,
    type: input.type,
    status: 'PENDING',
    request: input,
    related: { conversationId },
    createdAt: now,
    updatedAt: now,
    completedAt: null,
    failureReason: null,
  };
  ctx.state().actions[action.id] = action;
  ctx.changed();
  // The emulator carries out no action itself: it is recorded, then marked done.
  ctx.later(() => {
    const current = ctx.state().actions[action.id];
    if (!current) return;
    const at = ctx.clock.isoNow();
    ctx.state().actions[action.id] = { ...current, status: 'COMPLETED', updatedAt: at, completedAt: at };
    ctx.changed();
  });
  return action;
};

export const getAction = (ctx: OrchestratorContext, conversationId: string, id: string): ActionRecord => {
  getConversation(ctx, conversationId);
  const found = ctx.state().actions[id];
  if (!found || found.conversationId !== conversationId) throw notFound(`/v2/Conversations/${conversationId}/Actions/${id}`);
  return found;
};
