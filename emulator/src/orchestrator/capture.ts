import type { OrchestratorContext } from './context';
import { communicationByChannelId, insertCommunication, insertParticipant, participantsIn } from './indexes';
import { newV2Id, V2_ID_PREFIX } from './ids';
import { resolveProfile } from './memory';
import type { CommunicationRecord, ConfigurationRecord, ParticipantType, V2Channel, V2ConversationRecord, V2ParticipantRecord } from './records';

/** One message the carrier saw, 1:1 between a customer and one of the account's numbers. */
export type CarrierTraffic = {
  direction: 'INBOUND' | 'OUTBOUND';
  channel: 'sms' | 'whatsapp';
  from: string;
  to: string;
  body: string | null;
  hasMedia: boolean;
  /** The carrier's message SID (for `messages.create`, the SID it returned). */
  channelId: string;
};

export type Captured = { configuration: ConfigurationRecord; conversation: V2ConversationRecord; communication: CommunicationRecord };

const v2Channel = (channel: CarrierTraffic['channel']): V2Channel => (channel === 'whatsapp' ? 'WHATSAPP' : 'SMS');

const ruleMatches = (pattern: string, address: string) => pattern === '*' || pattern === address;

/** The oldest configuration whose rules for the channel match the message: an exact address or `*`, as Twilio's capture rules are written. */
export const matchConfiguration = (ctx: OrchestratorContext, channel: V2Channel, from: string, to: string): ConfigurationRecord | null => {
  const configurations = Object.values(ctx.state().configurations).sort((a, b) => a.seq - b.seq);
  for (const configuration of configurations) {
    const rules = configuration.channelSettings[channel]?.captureRules ?? [];
    if (rules.some((r) => ruleMatches(r.from, from) && ruleMatches(r.to, to))) return configuration;
  }
  return null;
};

/** Grouping keys on the customer's address without its channel prefix (`whatsapp:+1…` and `+1…` are one customer). */
const bareAddress = (address: string) => address.replace(/^[a-z]+:/, '');

const groupKeyOf = (ctx: OrchestratorContext, configuration: ConfigurationRecord, channel: V2Channel, customer: string): { key: string; profileId: string | null } => {
  switch (configuration.conversationGroupingType) {
    case 'GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE':
      return { key: `${configuration.id}|${channel}|${bareAddress(customer)}`, profileId: null };
    case 'GROUP_BY_PARTICIPANT_ADDRESSES':
      return { key: `${configuration.id}|${bareAddress(customer)}`, profileId: null };
    case 'GROUP_BY_PROFILE': {
      const profile = resolveProfile(ctx, configuration.memoryStoreId ?? '', customer);
      return { key: `${configuration.id}|profile|${profile.id}`, profileId: profile.id };
    }
  }
};

/**
 * Capture: a text message matching a configuration's capture rules becomes a communication in the
 * conversation its grouping type picks — the open one holding the key (an INACTIVE one becomes ACTIVE
 * again), or a new one after CLOSED. Media is never captured, even with text (Twilio captures text only). A message
 * already captured (same channelId) is not captured twice.
 */
export const captureTraffic = (ctx: OrchestratorContext, traffic: CarrierTraffic): Captured | null => {
  if (traffic.hasMedia || !traffic.body) return null;
  const channel = v2Channel(traffic.channel);
  const configuration = matchConfiguration(ctx, channel, traffic.from, traffic.to);
  if (!configuration) return null;
  const state = ctx.state();
  if (communicationByChannelId(state, traffic.channelId)) return null;
  const customer = traffic.direction === 'INBOUND' ? traffic.from : traffic.to;
  const business = traffic.direction === 'INBOUND' ? traffic.to : traffic.from;
  const { key, profileId } = groupKeyOf(ctx, configuration, channel, customer);
  const now = ctx.clock.isoNow();
  let conversation = openConversation(ctx, key);
  if (!conversation) {
    conversation = {
      id: newV2Id(V2_ID_PREFIX.conversation),
      seq: ctx.nextSeq(),
      configurationId: configuration.id,
      status: 'ACTIVE',
      name: null,
      createdAt: now,
      updatedAt: now,
      metadata: {},
      lastCommunicationAt: ctx.clock.now(),
      groupKey: key,
      channel,
      v1ConversationSid: null,
    };
    state.groups[key] = conversation.id;
  }
  const previous = conversation.status;
  conversation = { ...conversation, status: 'ACTIVE', updatedAt: now, lastCommunicationAt: ctx.clock.now() };
  state.conversations[conversation.id] = conversation;
  const customerParticipant = ensureParticipant(ctx, conversation.id, 'CUSTOMER', channel, customer, profileId);
  const businessParticipant = ensureParticipant(ctx, conversation.id, 'AGENT', channel, business, null);
  const [author, recipient] = traffic.direction === 'INBOUND' ? [customerParticipant, businessParticipant] : [businessParticipant, customerParticipant];
  const communication: CommunicationRecord = {
    id: newV2Id(V2_ID_PREFIX.communication),
    seq: ctx.nextSeq(),
    conversationId: conversation.id,
    author: { address: traffic.from, channel, participantId: author.id },
    content: { type: 'TEXT', text: traffic.body },
    channelId: traffic.channelId,
    resourceId: traffic.channelId,
    recipients: [{ address: traffic.to, channel, participantId: recipient.id, deliveryStatus: traffic.direction === 'INBOUND' ? 'DELIVERED' : 'INITIATED' }],
    createdAt: now,
    updatedAt: now,
    occurredAt: now,
  };
  insertCommunication(state, communication);
  ctx.changed();
  if (previous === 'INACTIVE') ctx.statusChanged(conversation, previous);
  ctx.rearm(conversation);
  return { configuration, conversation, communication };
};

const openConversation = (ctx: OrchestratorContext, key: string): V2ConversationRecord | null => {
  const id = ctx.state().groups[key];
  const found = id ? ctx.state().conversations[id] : undefined;
  return found && found.status !== 'CLOSED' ? found : null;
};

const ensureParticipant = (
  ctx: OrchestratorContext,
  conversationId: string,
  type: ParticipantType,
  channel: V2Channel,
  address: string,
  profileId: string | null,
): V2ParticipantRecord => {
  const state = ctx.state();
  const existing = participantsIn(state, conversationId).find((p) => p.type === type);
  const now = ctx.clock.isoNow();
  if (existing) {
    if (existing.addresses.some((a) => a.address === address && a.channel === channel)) return existing;
    const next = { ...existing, addresses: [...existing.addresses, { channel, address }], updatedAt: now };
    state.participants[existing.id] = next;
    return next;
  }
  const participant: V2ParticipantRecord = {
    id: newV2Id(V2_ID_PREFIX.participant),
    seq: ctx.nextSeq(),
    conversationId,
    name: null,
    type,
    profileId,
    addresses: [{ channel, address }],
    createdAt: now,
    updatedAt: now,
  };
  insertParticipant(state, participant);
  return participant;
};

/** The delivery status of an outbound communication follows its carrier message. */
export const recordDeliveryStatus = (ctx: OrchestratorContext, channelId: string, deliveryStatus: 'DELIVERED' | 'FAILED'): void => {
  const state = ctx.state();
  const communication = communicationByChannelId(state, channelId);
  if (!communication) return;
  state.communications[communication.id] = {
    ...communication,
    updatedAt: ctx.clock.isoNow(),
    recipients: communication.recipients.map((r) => ({ ...r, deliveryStatus })),
  };
  ctx.changed();
};
