import { key } from '../store/indexes';
import type { ConversationRecord, NotificationLevel, ParticipantRecord, UserRecord } from '../store/records';
import { mutate, type DomainContext } from './context';
import { notFound } from './errors';
import { findConversation, getUser, participantByIdentity } from './lookup';
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
  const participant = conversation && participantByIdentity(ctx, conversation.sid, user.identity);
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
  const horizon = participant.lastReadMessageIndex;
  if (horizon === null) return null;
  const sids = ctx.store.byIndex('messages', 'byConversation', participant.conversationSid);
  // The index lists messages in index order: binary search for the first one past the horizon.
  let low = 0;
  let high = sids.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const message = ctx.store.get('messages', sids[mid] ?? '');
    if (message && message.index <= horizon) low = mid + 1;
    else high = mid;
  }
  return Math.min(sids.length - low, 1000);
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
