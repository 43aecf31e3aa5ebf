import type { ConversationRecord, ParticipantRecord } from '../store/records';
import type { DomainContext } from './context';
import { invalidParam } from './errors';
import type { PreActionModifications } from './hooks';
import { getService, participantsOf } from './lookup';
import { buildBinding, checkIdentity, checkMembership, checkProjected } from './participant-rules';
import type { ParticipantUpdateInput } from './participants';
import { assertRole } from './roles';
import { assertAttributes, LIMITS, parseDate } from './validate';

/** Empty string means "remove"; undefined means "leave as is". */
const nullable = (value: string | undefined, current: string | null): string | null =>
  value === undefined ? current : value === '' ? null : value;

/**
 * The updated participant, validated. Changing `Identity` is how a projected address moves between
 * users (the Group Texting guide's transfer from agent to supervisor); it is only allowed on a participant with a
 * projected address, since for any other participant the identity is what the participant is.
 */
export const planParticipantUpdate = (
  ctx: DomainContext,
  conversation: ConversationRecord,
  current: ParticipantRecord,
  input: ParticipantUpdateInput,
  mods?: PreActionModifications,
): ParticipantRecord => {
  let identity = input.identity === undefined ? current.identity : input.identity === '' ? null : input.identity;
  if (mods?.identity !== undefined) identity = mods.identity;
  const attributes = mods?.attributes ?? input.attributes ?? current.attributes;
  assertAttributes(attributes, LIMITS.participantAttributesBytes);
  const binding = current.messagingBinding;
  let messagingBinding = binding;
  if (input.proxyAddress !== undefined || input.projectedAddress !== undefined) {
    if (!binding) {
      throw invalidParam('A chat participant without a messaging binding has no proxy or projected address to change');
    }
    const projected = nullable(input.projectedAddress, binding.projectedAddress);
    const proxy = nullable(input.proxyAddress, binding.proxyAddress);
    if (projected !== null && projected !== binding.projectedAddress) checkProjected(ctx, projected);
    if (proxy !== null && proxy !== binding.proxyAddress) {
      if (!binding.address) throw invalidParam("Only a participant with 'MessagingBinding.Address' can have a proxy address");
      buildBinding(ctx, null, { address: binding.address, proxyAddress: proxy }, false);
    }
    messagingBinding = { ...binding, proxyAddress: proxy, projectedAddress: projected };
  }
  if (identity !== current.identity) {
    if (!messagingBinding?.projectedAddress) {
      throw invalidParam("'Identity' can only be changed on a participant with a projected address (group MMS)");
    }
    if (identity !== null) checkIdentity(identity);
  }
  let roleSid = mods?.roleSid !== undefined ? mods.roleSid : (input.roleSid ?? current.roleSid);
  if (input.roleSid !== undefined) assertRole(ctx, conversation.serviceSid, input.roleSid, 'conversation', 'RoleSid');
  if (identity !== current.identity && identity !== null && roleSid === null) {
    roleSid = getService(ctx, conversation.serviceSid).configuration.defaultConversationRoleSid;
  }
  const others = participantsOf(ctx, conversation.sid).filter((p) => p.sid !== current.sid);
  checkMembership(ctx, conversation, others, { identity, messagingBinding }, {
    isNew: false,
    identityJoins: identity !== current.identity,
  });
  const { lastReadMessageIndex, lastReadTimestamp } = readHorizon(ctx, current, input);
  return {
    ...current,
    identity,
    attributes,
    messagingBinding,
    roleSid,
    lastReadMessageIndex,
    lastReadTimestamp,
    dateCreated: input.dateCreated === undefined ? current.dateCreated : parseDate(input.dateCreated, 'DateCreated'),
  };
};

/** The read horizon after an update: a new index stamps "now" unless a timestamp is given. */
export const readHorizon = (
  ctx: DomainContext,
  current: Pick<ParticipantRecord, 'lastReadMessageIndex' | 'lastReadTimestamp'>,
  input: { lastReadMessageIndex?: number | null; lastReadTimestamp?: string },
) => {
  if (input.lastReadMessageIndex !== undefined && input.lastReadMessageIndex !== null && input.lastReadMessageIndex < 0) {
    throw invalidParam("Parameter 'LastReadMessageIndex' must be a non-negative integer");
  }
  const timestamp = input.lastReadTimestamp === undefined ? undefined : parseDate(input.lastReadTimestamp, 'LastReadTimestamp');
  if (input.lastReadMessageIndex === undefined) {
    return { lastReadMessageIndex: current.lastReadMessageIndex, lastReadTimestamp: timestamp ?? current.lastReadTimestamp };
  }
  return { lastReadMessageIndex: input.lastReadMessageIndex, lastReadTimestamp: timestamp ?? ctx.clock.isoNow() };
};

