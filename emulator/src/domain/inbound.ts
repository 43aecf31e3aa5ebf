import { key } from '../store/indexes';
import type { AddressConfigurationRecord, ConversationRecord, MessageMedia, MessageRecord } from '../store/records';
import { autocreateConversation } from './autocreation';
import { mutate, type DomainContext } from './context';
import { ERROR_CODES, isTwilioError } from './errors';
import { isGroupMember, participantsOf } from './lookup';
import { applyNewMessage, planMessage, proposedOf } from './messages';
import type { Origin } from './origin';
import { whatsappSessionKey } from './outbound';

/**
 * Inbound Message Handling & Autocreation: where a message from a customer's phone goes. The To/From
 * pair routes a 1:1 message to the open conversation holding it; a group MMS goes to the conversation
 * whose addresses and projected addresses are exactly the number group; otherwise the Address
 * Configuration of the Twilio number (or the Messaging Service's autocreation) creates a conversation;
 * otherwise the message is dropped.
 */
export type InboundMessage = {
  channel: 'sms' | 'whatsapp';
  from: string;
  /** Every recipient as the phone addressed them (a group MMS has several). */
  to: string[];
  body: string | null;
  /** Media it carried; bytes already stored under these SIDs, records written with the message. */
  media: MessageMedia[];
};

export type InboundOutcome =
  | { outcome: 'delivered' | 'autocreated'; conversationSid: string; messageSid: string }
  | { outcome: 'dropped' | 'rejected'; reason: string; code: number | null }
  | { outcome: 'not-for-twilio' };

/** Where an autocreated conversation goes, and the configuration that allowed it (null: Messaging Service). */
export type AutocreationTarget = { serviceSid: string; config: AddressConfigurationRecord | null };

const owned = (ctx: DomainContext, address: string) => ctx.numbers.includes(address);

/** Addresses and projected addresses of a group-MMS conversation: its number group. */
const numberGroup = (ctx: DomainContext, conversationSid: string): Set<string> => {
  const out = new Set<string>();
  for (const p of participantsOf(ctx, conversationSid)) {
    const b = p.messagingBinding;
    if (b?.address) out.add(b.address);
    if (b?.projectedAddress) out.add(b.projectedAddress);
  }
  return out;
};

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/** The open (active or inactive) conversation an inbound message belongs to, if any. */
export const routeInbound = (ctx: DomainContext, message: Pick<InboundMessage, 'from' | 'to'>): ConversationRecord | undefined => {
  const open = (sid: string) => {
    const c = ctx.store.get('conversations', sid);
    return c && c.state !== 'closed' ? c : undefined;
  };
  const [only] = message.to;
  if (message.to.length === 1 && only !== undefined) {
    for (const sid of ctx.store.byIndex('participants', 'byAddressPair', key(message.from, only))) {
      const found = open(ctx.store.get('participants', sid)?.conversationSid ?? '');
      if (found) return found;
    }
  }
  const group = new Set([message.from, ...message.to]);
  for (const sid of ctx.store.byIndex('participants', 'byAddress', message.from)) {
    const participant = ctx.store.get('participants', sid);
    if (!participant || !isGroupMember(participant)) continue;
    const conversation = open(participant.conversationSid);
    if (conversation && sameSet(numberGroup(ctx, conversation.sid), group)) return conversation;
  }
  return undefined;
};

/** The Address Configuration (or Messaging Service default) that autocreates for these Twilio numbers. */
export const autocreationTarget = (
  ctx: DomainContext,
  channel: InboundMessage['channel'],
  twilioNumbers: readonly string[],
): AutocreationTarget | null => {
  for (const number of twilioNumbers) {
    const sid = ctx.store.uniqueSid('addressConfigurations', 'byAddress', key(channel, number));
    const config = sid ? ctx.store.get('addressConfigurations', sid) : undefined;
    if (config?.autoCreation.enabled) {
      return { serviceSid: config.autoCreation.conversationServiceSid ?? ctx.store.state.configuration.defaultChatServiceSid, config };
    }
  }
  if (ctx.store.state.messagingService.inboundAutocreation) {
    return { serviceSid: ctx.store.state.configuration.defaultChatServiceSid, config: null };
  }
  return null;
};

/** Opens (or extends) WhatsApp's 24-hour window for this customer and business sender. */
const recordWhatsAppSession = (ctx: DomainContext, customer: string, sender: string) =>
  mutate(ctx, {
    prepare: () => null,
    hook: () => null,
    apply: () => {
      ctx.store.state.whatsappSessions[whatsappSessionKey(customer, sender)] = ctx.clock.isoNow();
      ctx.store.touch();
      return { result: undefined, events: [] };
    },
  });

/** An inbound message joining its conversation: `onMessageAdd` applies, as for any message. */
const addInboundMessage = (ctx: DomainContext, conversation: ConversationRecord, message: InboundMessage, origin: Origin): Promise<MessageRecord> =>
  mutate(ctx, {
    prepare: (mods) =>
      planMessage(ctx, conversation.serviceSid, conversation.sid, { author: message.from, body: message.body ?? undefined }, mods, message.media),
    hook: (plan) => ({
      action: 'onMessageAdd',
      origin,
      serviceSid: conversation.serviceSid,
      conversation: plan.conversation,
      proposed: proposedOf(plan),
    }),
    apply: (plan) => applyNewMessage(ctx, plan, origin),
  });

export const receiveInbound = async (ctx: DomainContext, message: InboundMessage): Promise<InboundOutcome> => {
  const twilioNumbers = message.to.filter((a) => owned(ctx, a));
  const [first] = twilioNumbers;
  if (first === undefined) return { outcome: 'not-for-twilio' };
  const origin: Origin = { source: message.channel, webhookEnabled: false };
  if (message.channel === 'whatsapp') await recordWhatsAppSession(ctx, message.from, first);
  try {
    const conversation = routeInbound(ctx, message);
    if (conversation) {
      const added = await addInboundMessage(ctx, conversation, message, origin);
      return { outcome: 'delivered', conversationSid: added.conversationSid, messageSid: added.sid };
    }
    const target = autocreationTarget(ctx, message.channel, twilioNumbers);
    if (!target) {
      return {
        outcome: 'dropped',
        reason: `no open conversation holds ${message.from} → ${message.to.join(', ')} and autocreation is off for ${twilioNumbers.join(', ')}`,
        code: null,
      };
    }
    const created = await autocreateConversation(ctx, target, message, origin);
    return { outcome: 'autocreated', conversationSid: created.conversationSid, messageSid: created.sid };
  } catch (error) {
    if (!isTwilioError(error)) throw error;
    return { outcome: error.code === ERROR_CODES.webhookRejected ? 'rejected' : 'dropped', reason: error.message, code: error.code };
  }
};
