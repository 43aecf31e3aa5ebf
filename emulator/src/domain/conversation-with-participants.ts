import type { ConversationRecord } from '../store/records';
import { mutate, type DomainContext } from './context';
import { buildConversation, CONVERSATION_STATES, prepareNewConversation, proposedConversation, type ConversationInput } from './conversations';
import { armTimers } from './timers';
import { invalidParam } from './errors';
import type { DomainEvent } from './events';
import type { Origin } from './origin';
import { serviceBucket } from './rate-limit';
import { insertParticipant, planParticipantBatch, type ParticipantInput } from './participants';
import { LIMITS, oneOf } from './validate';

/**
 * One `Participant` entry: a JSON object with the Participant resource's parameters in snake_case,
 * e.g. `{"identity": "alice"}` or `{"messaging_binding": {"address": "+1…", "proxy_address": "+1…"}}`.
 */
export const parseParticipantEntry = (entry: string, position: number): ParticipantInput => {
  let value: unknown;
  try {
    value = JSON.parse(entry);
  } catch {
    throw invalidParam(`Parameter 'Participant' entry ${position + 1} is not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidParam(`Parameter 'Participant' entry ${position + 1} must be a JSON object`);
  }
  const o = value as Record<string, unknown>;
  const str = (v: unknown, name: string): string | undefined => {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw invalidParam(`Parameter 'Participant' entry ${position + 1}: '${name}' must be a string`);
    return v;
  };
  const binding = (o.messaging_binding ?? {}) as Record<string, unknown>;
  if (typeof binding !== 'object' || binding === null) {
    throw invalidParam(`Parameter 'Participant' entry ${position + 1}: 'messaging_binding' must be an object`);
  }
  const attributes = o.attributes;
  return {
    identity: str(o.identity, 'identity'),
    attributes: attributes === undefined || typeof attributes === 'string' ? attributes : JSON.stringify(attributes),
    roleSid: str(o.role_sid, 'role_sid'),
    address: str(binding.address, 'messaging_binding.address'),
    proxyAddress: str(binding.proxy_address, 'messaging_binding.proxy_address'),
    projectedAddress: str(binding.projected_address, 'messaging_binding.projected_address'),
  };
};

/**
 * Creates a conversation and up to 10 participants in one call. Everything is validated before anything
 * is written (a bad participant rejects the whole request). As on Twilio the response shows the
 * conversation `initializing`; the emulator adds the participants at once and moves it to `active`
 * before answering, emitting `conversation.state-updated`, so the next read sees it ready.
 */
export const createConversationWithParticipants = (
  ctx: DomainContext,
  serviceSid: string,
  input: ConversationInput & { participants?: string[] },
  origin: Origin,
): Promise<ConversationRecord> =>
  mutate(ctx, {
    rate: serviceBucket(serviceSid),
    prepare: (mods) => {
      const entries = input.participants ?? [];
      if (entries.length > LIMITS.participantsPerCreateCall) {
        throw invalidParam(`At most ${LIMITS.participantsPerCreateCall} participants can be added in one request`);
      }
      const fields = prepareNewConversation(ctx, serviceSid, { ...input, state: undefined }, mods);
      const inputs = entries.map(parseParticipantEntry);
      const batchHasProjected = inputs.some((p) => p.projectedAddress !== undefined);
      const plans = planParticipantBatch(ctx, serviceSid, inputs, batchHasProjected);
      const finalState = input.state === undefined ? 'active' : oneOf(input.state, CONVERSATION_STATES, 'State');
      return { fields: { ...fields, state: 'initializing' as const }, plans, finalState };
    },
    hook: ({ fields }) => ({
      action: 'onConversationAdd',
      origin,
      serviceSid,
      proposed: proposedConversation(fields),
    }),
    apply: ({ fields, plans, finalState }) => {
      const initializing = buildConversation(ctx, serviceSid, fields, origin);
      ctx.store.insert('conversations', initializing);
      const at = ctx.clock.isoNow();
      const events: DomainEvent[] = [{ type: 'conversation.added', conversation: initializing, origin, at, serviceSid }];
      for (const plan of plans) events.push(...insertParticipant(ctx, initializing, plan, origin).events);
      const ready: ConversationRecord = {
        ...initializing,
        state: finalState,
        timers: armTimers(initializing.timers, finalState, ctx.clock.now()),
      };
      ctx.store.replace('conversations', ready);
      events.push({
        type: 'conversation.state-updated',
        conversation: ready,
        previousState: 'initializing',
        reason: 'api',
        origin,
        at,
        serviceSid,
      });
      return { result: initializing, events };
    },
  });
