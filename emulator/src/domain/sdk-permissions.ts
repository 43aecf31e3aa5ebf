import type { ConversationRecord, MediaRecord, MessageRecord, ParticipantRecord } from '../store/records';
import type { DomainContext } from './context';
import { TwilioError } from './errors';
import { participantByIdentity, userByIdentity } from './lookup';
import { hasPermission } from './roles';

/**
 * What an SDK user — an access token's identity in its chat service — may see and do. REST callers
 * hold the account's credentials and are never checked, as on Twilio. Permissions follow the Role
 * resource page: the user's conversation role (as a participant) or service role must grant them.
 */
export type SdkActor = { serviceSid: string; identity: string };

export const forbidden = (message: string) => new TwilioError(20403, 403, message);

/** Refuses (403, 20403) unless the actor's conversation role or service role grants every permission. */
export const requirePermissions = (
  ctx: DomainContext,
  actor: SdkActor,
  conversation: ConversationRecord | null,
  permissions: readonly string[],
): void => {
  const participant = conversation ? participantByIdentity(ctx, conversation.sid, actor.identity) : undefined;
  const user = userByIdentity(ctx, actor.serviceSid, actor.identity);
  for (const permission of permissions) {
    if (!hasPermission(ctx, [participant?.roleSid ?? null, user?.roleSid ?? null], permission)) {
      throw forbidden(`User '${actor.identity}' does not have permission '${permission}'`);
    }
  }
};

/** Renaming, re-keying or changing the state needs `editConversationName`; attributes their own permission. */
export const conversationUpdatePermissions = (change: { friendlyName?: unknown; uniqueName?: unknown; state?: unknown; attributes?: unknown }) => [
  ...(change.attributes !== undefined ? ['editConversationAttributes'] : []),
  ...(change.friendlyName !== undefined || change.uniqueName !== undefined || change.state !== undefined ? ['editConversationName'] : []),
];

export const sendMessagePermissions = (hasMedia: boolean) => (hasMedia ? ['sendMessage', 'sendMediaMessage'] : ['sendMessage']);

/** The own/any pair of the Role resource page that applies to someone's message. */
const ownOrAny = (actor: SdkActor, message: MessageRecord, own: string, any: string) => (message.author === actor.identity ? own : any);

export const messageUpdatePermissions = (actor: SdkActor, message: MessageRecord, change: { body?: unknown; attributes?: unknown }) => [
  ...(change.body !== undefined ? [ownOrAny(actor, message, 'editOwnMessage', 'editAnyMessage')] : []),
  ...(change.attributes !== undefined ? [ownOrAny(actor, message, 'editOwnMessageAttributes', 'editAnyMessageAttributes')] : []),
];

export const messageRemovePermissions = (actor: SdkActor, message: MessageRecord) => [ownOrAny(actor, message, 'deleteOwnMessage', 'deleteAnyMessage')];

/**
 * Adding oneself to a conversation is joining it, which the service role must allow (there is no
 * conversation role yet); adding anyone else needs `addParticipant` in the conversation.
 */
export const participantAddPermissions = (joining: boolean) => ({ inConversation: !joining, permissions: [joining ? 'joinConversation' : 'addParticipant'] });

/** One's own participant is one's own to edit; whoever may remove a participant may edit it. */
export const participantUpdatePermissions = (actor: SdkActor, participant: ParticipantRecord) =>
  participant.identity === actor.identity ? [] : ['removeParticipant'];

export const participantRemovePermissions = (actor: SdkActor, participant: ParticipantRecord) => [
  participant.identity === actor.identity ? 'leaveConversation' : 'removeParticipant',
];

export const userUpdatePermissions = (actor: SdkActor, identity: string) => [identity === actor.identity ? 'editOwnUserInfo' : 'editAnyUserInfo'];

/**
 * Seeing a conversation without its messages (the SDK's peek: `getConversationBySid` of a conversation
 * the user is not in, then `join()`): participants, its creator (an SDK-created conversation is not
 * joined automatically), and users whose service role grants `joinConversation`, the permission that
 * makes joining it possible at all.
 */
export const canPeekConversation = (ctx: DomainContext, actor: SdkActor, conversation: ConversationRecord): boolean => {
  if (participantByIdentity(ctx, conversation.sid, actor.identity)) return true;
  if (conversation.createdBy === actor.identity) return true;
  const user = userByIdentity(ctx, conversation.serviceSid, actor.identity);
  return user !== undefined && hasPermission(ctx, [user.roleSid], 'joinConversation');
};

/** Media its uploader may see, or anyone in the conversation it is attached to. */
export const canSeeMedia = (ctx: DomainContext, actor: SdkActor, media: MediaRecord): boolean => {
  if (media.serviceSid !== actor.serviceSid) return false;
  if (media.author === actor.identity) return true;
  return media.conversationSid !== null && participantByIdentity(ctx, media.conversationSid, actor.identity) !== undefined;
};
