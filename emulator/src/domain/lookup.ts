import { key } from '../store/indexes';
import type {
  ConversationRecord,
  MessageRecord,
  ParticipantRecord,
  RoleRecord,
  ServiceRecord,
  UserRecord,
} from '../store/records';
import type { DomainContext } from './context';
import { notFound } from './errors';
import { conversationBucket } from './rate-limit';

/**
 * Lookups that throw Twilio's 404 (20404). A child found under the wrong parent (a conversation of
 * another service, a message of another conversation) is "not found" too, as on Twilio.
 */

export const getService = (ctx: DomainContext, serviceSid: string): ServiceRecord => {
  const service = ctx.store.get('services', serviceSid);
  if (!service) throw notFound(`/Services/${serviceSid}`);
  return service;
};

/** A conversation by SID or unique name, within one service. */
export const findConversation = (
  ctx: DomainContext,
  serviceSid: string,
  sidOrUniqueName: string,
): ConversationRecord | undefined => {
  const bySid = ctx.store.get('conversations', sidOrUniqueName);
  if (bySid) return bySid.serviceSid === serviceSid ? bySid : undefined;
  const sid = ctx.store.uniqueSid('conversations', 'byUniqueName', key(serviceSid, sidOrUniqueName));
  return sid ? ctx.store.get('conversations', sid) : undefined;
};

export const getConversation = (ctx: DomainContext, serviceSid: string, sidOrUniqueName: string): ConversationRecord => {
  const conversation = findConversation(ctx, serviceSid, sidOrUniqueName);
  if (!conversation) throw notFound(`/Conversations/${sidOrUniqueName}`);
  return conversation;
};

export const getParticipant = (ctx: DomainContext, conversation: ConversationRecord, sid: string): ParticipantRecord => {
  const participant = ctx.store.get('participants', sid);
  if (!participant || participant.conversationSid !== conversation.sid) {
    throw notFound(`/Conversations/${conversation.sid}/Participants/${sid}`);
  }
  return participant;
};

export const getMessage = (ctx: DomainContext, conversation: ConversationRecord, sid: string): MessageRecord => {
  const message = ctx.store.get('messages', sid);
  if (!message || message.conversationSid !== conversation.sid) {
    throw notFound(`/Conversations/${conversation.sid}/Messages/${sid}`);
  }
  return message;
};

/** A user by identity only: an identity shaped like a user SID is still an identity here. */
export const userByIdentity = (ctx: DomainContext, serviceSid: string, identity: string): UserRecord | undefined => {
  const sid = ctx.store.uniqueSid('users', 'byServiceIdentity', key(serviceSid, identity));
  return sid ? ctx.store.get('users', sid) : undefined;
};

/** A user by SID or identity, within one service. */
export const findUser = (ctx: DomainContext, serviceSid: string, sidOrIdentity: string): UserRecord | undefined => {
  const bySid = ctx.store.get('users', sidOrIdentity);
  if (bySid) return bySid.serviceSid === serviceSid ? bySid : undefined;
  return userByIdentity(ctx, serviceSid, sidOrIdentity);
};

export const getUser = (ctx: DomainContext, serviceSid: string, sidOrIdentity: string): UserRecord => {
  const user = findUser(ctx, serviceSid, sidOrIdentity);
  if (!user) throw notFound(`/Users/${sidOrIdentity}`);
  return user;
};

export const getRole = (ctx: DomainContext, serviceSid: string, sid: string): RoleRecord => {
  const role = ctx.store.get('roles', sid);
  if (!role || role.serviceSid !== serviceSid) throw notFound(`/Roles/${sid}`);
  return role;
};

export const participantsOf = (ctx: DomainContext, conversationSid: string): ParticipantRecord[] =>
  ctx.store.recordsByIndex('participants', 'byConversation', conversationSid);

export const participantByIdentity = (
  ctx: DomainContext,
  conversationSid: string,
  identity: string,
): ParticipantRecord | undefined => {
  const sid = ctx.store.uniqueSid('participants', 'byConversationIdentity', key(conversationSid, identity));
  return sid ? ctx.store.get('participants', sid) : undefined;
};

/** Non-chat participants: those reached through a messaging address (SMS, WhatsApp). */
export const isNonChat = (p: Pick<ParticipantRecord, 'messagingBinding'>): boolean => Boolean(p.messagingBinding?.address);

/** Group-MMS participants: an SMS address without proxy, or a projected address. */
export const isGroupMember = (p: Pick<ParticipantRecord, 'messagingBinding'>): boolean =>
  Boolean(p.messagingBinding && (p.messagingBinding.projectedAddress || (p.messagingBinding.address && !p.messagingBinding.proxyAddress)));

/**
 * The rate-limit bucket of a conversation: keyed by its SID even when the request names it by unique
 * name, so both spellings share one bucket.
 */
export const conversationRateLimit = (ctx: DomainContext, serviceSid: string, sidOrUniqueName: string) =>
  conversationBucket(findConversation(ctx, serviceSid, sidOrUniqueName)?.sid ?? sidOrUniqueName);
