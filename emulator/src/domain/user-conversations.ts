import { key } from '../store/indexes';
import type { ConversationRecord, NotificationLevel, ParticipantRecord, UserRecord } from '../store/records';
import { mutate, type DomainContext } from './context';
import { notFound } from './errors';
import { findConversation, getUser } from './lookup';
import type { Origin } from './origin';
import { readHorizon } from './participant-update';
import { oneOf } from './validate';

export type UserConversation = { user: UserRecord; participant: ParticipantRecord; conversation: ConversationRecord };

/** A user's membership of one conversation (the conversation by SID or unique name). */
export const getUserConversation = (
  ctx: DomainContext,
  serviceSid: string,
  userSidOrIdentity: string,
  conversationSidOrName: string,
): UserConversation => {
  const user = getUser(ctx, serviceSid, userSidOrIdentity);
  const conversation = findConversation(ctx, serviceSid, conversationSidOrName);
  const participantSid =
    conversation && ctx.store.uniqueSid('participants', 'byConversationIdentity', key(conversation.sid, user.identity));
  const participant = participantSid ? ctx.store.get('participants', participantSid) : undefined;
  if (!conversation || !participant) throw notFound(`/Users/${userSidOrIdentity}/Conversations/${conversationSidOrName}`);
  return { user, participant, conversation };
};

/** Every conversation a user is in, in the order they joined. */
export const listUserConversations = (ctx: DomainContext, user: UserRecord): UserConversation[] => {
  const out: UserConversation[] = [];
  for (const participant of ctx.store.recordsByIndex('participants', 'byServiceIdentity', key(user.serviceSid, user.identity))) {
    const conversation = ctx.store.get('conversations', participant.conversationSid);
    if (conversation) out.push({ user, participant, conversation });
  }
  return out;
};

/** Messages after the read horizon, capped at 1,000 as Twilio reports; null before anything was read. */
export const unreadCount = (ctx: DomainContext, participant: ParticipantRecord): number | null => {
  if (participant.lastReadMessageIndex === null) return null;
  const sids = ctx.store.byIndex('messages', 'byConversation', participant.conversationSid);
  // Messages are indexed in index order, so count from the end until the horizon.
  let count = 0;
  for (let i = sids.length - 1; i >= 0 && count < 1000; i -= 1) {
    const message = ctx.store.get('messages', sids[i] ?? '');
    if (!message || message.index <= participant.lastReadMessageIndex) break;
    count += 1;
  }
  return count;
};

export type UserConversationInput = {
  notificationLevel?: string;
  lastReadMessageIndex?: number | null;
  lastReadTimestamp?: string;
};

export const updateUserConversation = (
  ctx: DomainContext,
  serviceSid: string,
  userSidOrIdentity: string,
  conversationSidOrName: string,
  input: UserConversationInput,
  origin: Origin,
) =>
  mutate(ctx, {
    prepare: () => {
      const found = getUserConversation(ctx, serviceSid, userSidOrIdentity, conversationSidOrName);
      const notificationLevel =
        input.notificationLevel === undefined
          ? found.participant.notificationLevel
          : oneOf<NotificationLevel>(input.notificationLevel, ['default', 'muted'], 'NotificationLevel');
      return { ...found, notificationLevel, horizon: readHorizon(ctx, found.participant, input) };
    },
    hook: () => null,
    apply: ({ user, participant, conversation, notificationLevel, horizon }) => {
      const next: ParticipantRecord = { ...participant, ...horizon, notificationLevel };
      const changed = (['notificationLevel', 'lastReadMessageIndex', 'lastReadTimestamp'] as const).filter(
        (f) => next[f] !== participant[f],
      );
      if (changed.length === 0) return { result: { user, participant, conversation }, events: [] };
      ctx.store.replace('participants', next);
      const at = ctx.clock.isoNow();
      return {
        result: { user, participant: next, conversation },
        events: [{ type: 'user-conversation.updated', user, participant: next, conversation, changed, origin, at, serviceSid }],
      };
    },
  });
