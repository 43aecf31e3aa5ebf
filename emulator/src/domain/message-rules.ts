import type { MessageMedia, ParticipantRecord } from '../store/records';
import type { DomainContext } from './context';
import { badRequest, ERROR_CODES, invalidParam } from './errors';
import { isNonChat, participantByIdentity, participantsOf } from './lookup';
import { assertMaxBytes, assertSid, LIMITS } from './validate';

/** The participant a message author stands for: by identity, else by address or projected address. */
export const authorParticipant = (
  ctx: DomainContext,
  conversationSid: string,
  author: string,
): ParticipantRecord | undefined =>
  participantByIdentity(ctx, conversationSid, author) ??
  participantsOf(ctx, conversationSid).find(
    (p) => p.messagingBinding?.address === author || (p.identity === null && p.messagingBinding?.projectedAddress === author),
  );

/**
 * Body limits from the Limits page: 32 KB to chat; 1,600 characters when the conversation has SMS or
 * WhatsApp participants, since the body is carried to them.
 */
export const checkBody = (ctx: DomainContext, conversationSid: string, body: string | null) => {
  if (body === null) return;
  assertMaxBytes(body, LIMITS.chatBodyBytes, 'Body');
  const chars = [...body].length;
  if (chars > LIMITS.nonChatBodyChars && participantsOf(ctx, conversationSid).some(isNonChat)) {
    throw badRequest(
      ERROR_CODES.messageBodyTooLong,
      `Message body is ${chars} characters; at most ${LIMITS.nonChatBodyChars} can be sent to SMS or WhatsApp participants`,
    );
  }
};

export const checkMedia = (ctx: DomainContext, serviceSid: string, mediaSids: readonly string[]): MessageMedia[] => {
  if (mediaSids.length > LIMITS.mediaPerMessage) {
    throw invalidParam(`A message can carry at most ${LIMITS.mediaPerMessage} media`);
  }
  return mediaSids.map((sid) => {
    const media = ctx.store.get('media', sid);
    assertSid(sid, 'ME', 'MediaSid', 'Media SID');
    if (!media || media.serviceSid !== serviceSid) {
      throw badRequest(ERROR_CODES.mediaNotFound, `Media ${sid} was not found in this conversation's service`);
    }
    if (media.messageSid !== null) throw invalidParam(`Media ${sid} is already attached to message ${media.messageSid}`);
    return { sid, contentType: media.contentType, filename: media.filename, size: media.size };
  });
};

