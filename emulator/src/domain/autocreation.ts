import type { ConversationRecord, ConversationWebhookRecord, MessageRecord, ParticipantRecord } from '../store/records';
import { newSid } from '../store/sid';
import { mutate, type DomainContext } from './context';
import { buildConversation, prepareNewConversation, proposedConversation } from './conversations';
import type { DomainEvent } from './events';
import type { AutocreationTarget, InboundMessage } from './inbound';
import type { InboundSummary } from './inbound-summary';
import { applyNewMessage } from './messages';
import type { Origin } from './origin';
import { insertParticipant, planParticipantBatch, type ParticipantInput } from './participants';
import { armTimers } from './timers';
import { assertMaxChars, LIMITS } from './validate';

/**
 * Inbound autocreation: one change that creates the conversation, its participants and the first
 * message. As the Inbound Autocreation page says, only `onConversationAdd` is asked (with the message
 * and the number pair or group); rejecting it drops the message. Then `onConversationAdded`,
 * `onParticipantAdded` and `onMessageAdded` follow. A group MMS stays `initializing` until everything
 * exists, then `onConversationStateUpdated` moves it to `active`.
 *
 * 1:1: the customer joins with the Twilio number as proxy address. Group MMS: every customer address
 * joins as an SMS participant, every Twilio number of the group as a standalone projected address.
 */
const summarize = (ctx: DomainContext, message: InboundMessage): InboundSummary => {
  const group = message.to.length > 1;
  const customers = [message.from, ...message.to.filter((a) => !ctx.numbers.includes(a))];
  return {
    channel: message.channel,
    authorAddress: message.from,
    proxyAddress: group ? null : (message.to[0] ?? null),
    addresses: group ? customers : [message.from],
    projectedAddresses: group ? message.to.filter((a) => ctx.numbers.includes(a)) : [],
    body: message.body,
    media: message.media,
  };
};

const participantInputs = (summary: InboundSummary): ParticipantInput[] =>
  summary.proxyAddress !== null
    ? [{ address: summary.authorAddress, proxyAddress: summary.proxyAddress }]
    : [...summary.addresses.map((address) => ({ address })), ...summary.projectedAddresses.map((projectedAddress) => ({ projectedAddress }))];

/** The conversation-scoped webhook an Address Configuration of type webhook or studio attaches. */
const scopedWebhook = (ctx: DomainContext, target: AutocreationTarget, conversation: ConversationRecord): ConversationWebhookRecord | null => {
  const auto = target.config?.autoCreation;
  if (!auto || auto.type === 'default') return null;
  if (auto.type === 'webhook' && auto.webhookUrl === null) return null;
  if (auto.type === 'studio' && auto.studioFlowSid === null) return null;
  const now = ctx.clock.isoNow();
  return {
    sid: newSid('WH'),
    seq: ctx.store.nextSeq(),
    dateCreated: now,
    dateUpdated: now,
    conversationSid: conversation.sid,
    serviceSid: conversation.serviceSid,
    target: auto.type,
    configuration: {
      url: auto.type === 'webhook' ? auto.webhookUrl : null,
      method: auto.webhookMethod,
      filters: auto.type === 'webhook' ? [...auto.webhookFilters] : [],
      triggers: [],
      flowSid: auto.type === 'studio' ? auto.studioFlowSid : null,
      replayAfter: null,
    },
  };
};

export const autocreateConversation = (
  ctx: DomainContext,
  target: AutocreationTarget,
  message: InboundMessage,
  origin: Origin,
): Promise<MessageRecord> =>
  mutate(ctx, {
    prepare: (mods) => {
      const summary = summarize(ctx, message);
      const group = summary.proxyAddress === null;
      const fields = prepareNewConversation(ctx, target.serviceSid, {}, mods);
      assertMaxChars(message.body, LIMITS.nonChatBodyChars, 'Body');
      const plans = planParticipantBatch(ctx, target.serviceSid, participantInputs(summary), group);
      return { summary, group, fields: { ...fields, state: group ? ('initializing' as const) : ('active' as const) }, plans };
    },
    hook: ({ fields, summary }) => ({
      action: 'onConversationAdd',
      origin,
      serviceSid: target.serviceSid,
      proposed: proposedConversation(fields),
      inbound: summary,
    }),
    apply: ({ summary, group, fields, plans }) => {
      const serviceSid = target.serviceSid;
      const created = buildConversation(ctx, serviceSid, fields, origin);
      ctx.store.insert('conversations', created);
      const at = ctx.clock.isoNow();
      const events: DomainEvent[] = [{ type: 'conversation.added', conversation: created, inbound: summary, origin, at, serviceSid }];
      // The scoped webhook exists before the participants and message, so it hears about them.
      const webhook = scopedWebhook(ctx, target, created);
      if (webhook) ctx.store.insert('conversationWebhooks', webhook);
      let author: ParticipantRecord | undefined;
      for (const plan of plans) {
        const inserted = insertParticipant(ctx, created, plan, origin);
        if (plan.messagingBinding?.address === message.from) author = inserted.participant;
        events.push(...inserted.events);
      }
      const added = applyNewMessage(
        ctx,
        {
          conversation: created,
          author: message.from,
          body: message.body,
          attributes: '{}',
          media: message.media,
          participantSid: author?.sid ?? null,
          contentSid: null,
          contentVariables: null,
          subject: null,
          insertMedia: message.media,
        },
        origin,
      );
      events.push(...added.events);
      if (group) {
        const current = ctx.store.get('conversations', created.sid) ?? created;
        const ready: ConversationRecord = {
          ...current,
          state: 'active',
          timers: armTimers(current.timers, 'active', ctx.clock.now()),
        };
        ctx.store.replace('conversations', ready);
        events.push({ type: 'conversation.state-updated', conversation: ready, previousState: 'initializing', reason: 'activity', origin, at, serviceSid });
      }
      return { result: added.result, events };
    },
  });
