import { key } from '../store/indexes';
import type { ConversationRecord, MessagingBinding, ParticipantRecord } from '../store/records';
import type { DomainContext } from './context';
import { badRequest, conflict, ERROR_CODES, invalidParam, missingParam } from './errors';
import { isGroupMember, isNonChat } from './lookup';
import { assertMaxChars, isPlusOne, LIMITS, parseAddress } from './validate';

/**
 * The rules for who may join a conversation, shared by participant create/update and
 * ConversationWithParticipants. Pure: they read the store and throw, never write.
 */

export type BindingInput = { address?: string; proxyAddress?: string; projectedAddress?: string };

const owned = (ctx: DomainContext, address: string) => ctx.numbers.includes(address);

/** Builds a participant's messaging binding from the request, checking each address. */
export const buildBinding = (
  ctx: DomainContext,
  identity: string | null,
  input: BindingInput,
  /** Whether the conversation has (or, in one ConversationWithParticipants call, will have) a projected address. */
  hasProjected: boolean,
): MessagingBinding | null => {
  const { address, proxyAddress, projectedAddress } = input;
  if (address !== undefined) {
    if (identity !== null) {
      throw invalidParam(
        "A participant can't have both 'Identity' and 'MessagingBinding.Address'; a chat participant in a group MMS uses 'MessagingBinding.ProjectedAddress'",
      );
    }
    if (projectedAddress !== undefined) {
      throw invalidParam("'MessagingBinding.ProjectedAddress' is for chat participants; an SMS participant has only 'MessagingBinding.Address'");
    }
    const parsed = parseAddress(address, 'MessagingBinding.Address');
    if (proxyAddress !== undefined) {
      const proxy = parseAddress(proxyAddress, 'MessagingBinding.ProxyAddress');
      if (proxy.channel !== parsed.channel) {
        throw invalidParam(
          `'MessagingBinding.Address' (${parsed.channel}) and 'MessagingBinding.ProxyAddress' (${proxy.channel}) must be on the same channel`,
        );
      }
      if (!owned(ctx, proxyAddress)) {
        throw badRequest(ERROR_CODES.proxyAddressNotOwned, `Proxy address ${proxyAddress} is not a number of this account`);
      }
      return { type: parsed.channel, address, proxyAddress, projectedAddress: null };
    }
    // No proxy: the participant joins a group MMS, which needs a projected address to exist already.
    if (parsed.channel === 'whatsapp') {
      throw badRequest(ERROR_CODES.groupMmsNotSms, 'Group MMS supports SMS participants only; a WhatsApp participant needs a MessagingBinding.ProxyAddress');
    }
    if (!hasProjected) {
      throw missingParam('MessagingBinding.ProxyAddress');
    }
    return { type: 'sms', address, proxyAddress: null, projectedAddress: null };
  }
  if (projectedAddress !== undefined) {
    if (proxyAddress !== undefined) {
      throw invalidParam("A participant can't have both 'MessagingBinding.ProjectedAddress' and 'MessagingBinding.ProxyAddress'");
    }
    return { type: 'sms', address: null, proxyAddress: null, projectedAddress: checkProjected(ctx, projectedAddress) };
  }
  if (proxyAddress !== undefined) throw missingParam('MessagingBinding.Address');
  if (identity === null) {
    throw invalidParam("A participant needs an 'Identity' (chat) or a 'MessagingBinding.Address' (SMS, WhatsApp)");
  }
  return null;
};

export const checkProjected = (ctx: DomainContext, projectedAddress: string): string => {
  const parsed = parseAddress(projectedAddress, 'MessagingBinding.ProjectedAddress');
  if (parsed.channel !== 'sms') {
    throw badRequest(ERROR_CODES.groupMmsNotSms, 'A projected address must be an SMS number: group MMS works on SMS only');
  }
  if (!isPlusOne(parsed.e164)) {
    throw badRequest(ERROR_CODES.groupMmsNotPlusOne, `Group MMS works only with +1 (US and Canada) numbers: ${projectedAddress}`);
  }
  if (!owned(ctx, projectedAddress)) {
    throw badRequest(ERROR_CODES.groupMmsProjectedNotOwned, `Projected address ${projectedAddress} is not a number of this account`);
  }
  return projectedAddress;
};

export const checkIdentity = (identity: string) => {
  if (identity.trim() === '') throw invalidParam("Parameter 'Identity' must not be empty");
  assertMaxChars(identity, LIMITS.identity, 'Identity');
};

type Candidate = Pick<ParticipantRecord, 'identity' | 'messagingBinding'> & { sid?: string };

/**
 * Checks a participant joining (or changing within) a conversation whose other participants are
 * `others`: duplicates, address pairs in use elsewhere, group-MMS rules and counter limits.
 */
export const checkMembership = (
  ctx: DomainContext,
  conversation: Pick<ConversationRecord, 'sid' | 'serviceSid' | 'state'>,
  others: readonly Candidate[],
  candidate: Candidate,
  { isNew, identityJoins }: { isNew: boolean; identityJoins: boolean },
): void => {
  if (conversation.state === 'closed' && isNew) {
    throw badRequest(ERROR_CODES.conversationClosed, 'Cannot add a participant to a closed conversation');
  }
  const binding = candidate.messagingBinding;
  if (candidate.identity !== null && others.some((p) => p.identity === candidate.identity)) {
    throw conflict(ERROR_CODES.participantExists, `Participant already exists: identity '${candidate.identity}' is already in this conversation`);
  }
  if (binding?.address && others.some((p) => p.messagingBinding?.address === binding.address)) {
    throw conflict(ERROR_CODES.participantExists, `Participant already exists: address ${binding.address} is already in this conversation`);
  }
  if (binding?.projectedAddress && others.some((p) => p.messagingBinding?.projectedAddress === binding.projectedAddress)) {
    throw conflict(
      ERROR_CODES.projectedAddressInUse,
      `Projected address ${binding.projectedAddress} is already used by another participant of this conversation`,
    );
  }
  if (binding?.address && binding.proxyAddress) checkPairFree(ctx, conversation.sid, binding.address, binding.proxyAddress);

  const all = [...others, candidate];
  if (all.some(isGroupMember)) checkGroupMms(all);

  if (isNew) {
    if (others.length >= LIMITS.participantsPerConversation) {
      throw badRequest(ERROR_CODES.participantLimit, `A conversation can have at most ${LIMITS.participantsPerConversation} participants`);
    }
    if (isNonChat(candidate) && others.filter(isNonChat).length >= LIMITS.nonChatParticipantsPerConversation) {
      throw badRequest(
        ERROR_CODES.nonChatParticipantLimit,
        `A conversation can have at most ${LIMITS.nonChatParticipantsPerConversation} non-chat (SMS, WhatsApp) participants`,
      );
    }
  }
  if (identityJoins && candidate.identity !== null) checkIdentityLimit(ctx, conversation.serviceSid, candidate.identity);
};

/** An address + proxy pair routes inbound messages, so only one open conversation may hold it. */
const checkPairFree = (ctx: DomainContext, conversationSid: string, address: string, proxyAddress: string) => {
  for (const sid of ctx.store.byIndex('participants', 'byAddressPair', key(address, proxyAddress))) {
    const holder = ctx.store.get('participants', sid);
    if (!holder || holder.conversationSid === conversationSid) continue;
    const conversation = ctx.store.get('conversations', holder.conversationSid);
    if (conversation && conversation.state !== 'closed') {
      throw conflict(
        ERROR_CODES.bindingInUse,
        `A binding for this participant and proxy address already exists in Conversation ${holder.conversationSid}`,
      );
    }
  }
};

const checkGroupMms = (all: readonly Candidate[]) => {
  if (all.some((p) => p.messagingBinding?.proxyAddress)) {
    throw badRequest(
      ERROR_CODES.groupMmsMixedWithProxy,
      'A group MMS conversation (participants with a projected address) cannot also have participants with a proxy address',
    );
  }
  for (const p of all) {
    const address = p.messagingBinding?.address;
    if (address && !isPlusOne(address)) {
      throw badRequest(ERROR_CODES.groupMmsNotPlusOne, `Group MMS works only with +1 (US and Canada) numbers: ${address}`);
    }
  }
  if (all.length > LIMITS.groupMmsParticipants) {
    throw badRequest(ERROR_CODES.groupMmsTooManyParticipants, `A group MMS conversation can have at most ${LIMITS.groupMmsParticipants} participants`);
  }
};

/** An identity may be in at most 1,000 active or inactive conversations (closed ones don't count). */
const checkIdentityLimit = (ctx: DomainContext, serviceSid: string, identity: string) => {
  const sids = ctx.store.byIndex('participants', 'byServiceIdentity', key(serviceSid, identity));
  if (sids.length < LIMITS.conversationsPerIdentity) return;
  let open = 0;
  for (const sid of sids) {
    const p = ctx.store.get('participants', sid);
    const c = p && ctx.store.get('conversations', p.conversationSid);
    if (c && c.state !== 'closed') open += 1;
  }
  if (open >= LIMITS.conversationsPerIdentity) {
    throw badRequest(
      ERROR_CODES.identityConversationLimit,
      `Identity '${identity}' is already in ${LIMITS.conversationsPerIdentity} active or inactive conversations`,
    );
  }
};
