import { key } from '../store/indexes';
import type { ConversationRecord, MessageMedia, MessageRecord, OutboundDelivery, ParticipantRecord } from '../store/records';
import type { DomainContext } from './context';
import { whatsappApprovalStatus } from './content-approval';
import { DELIVERY_ERROR_CODES } from './errors';
import { renderContent } from './render-content';
import { isGroupMember, isNonChat, participantsOf } from './lookup';

/**
 * Where a conversation message goes outside chat: one delivery per SMS or WhatsApp participant, with
 * the address it comes from and what the channel can carry. Pure Twilio rules (Group Texting, WhatsApp,
 * Limits and Delivery Receipts pages); the carrier executes the plan and reports receipts back.
 */
export type { OutboundDelivery };

/** WhatsApp's customer-service window. */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Media types that reach SMS (MMS) and WhatsApp from chat, per the Limits page. */
const CHANNEL_MEDIA_TYPES = ['image/jpeg', 'image/jpg', 'image/png', 'audio/mpeg', 'audio/mp3', 'audio/amr', 'video/mp4', 'application/pdf'];
const CHANNEL_MEDIA_BYTES = { sms: 5 * 1024 * 1024, whatsapp: 16 * 1024 * 1024 } as const;

export const whatsappSessionKey = (customer: string, sender: string) => key(customer, sender);

/**
 * Recipients outside chat: every SMS/WhatsApp participant but the author. In a group MMS a message by
 * an SMS member has no recipients here: the carrier already delivered it to the whole group.
 */
export const deliveryTargets = (
  participants: readonly ParticipantRecord[],
  authorSid: string | null,
): ParticipantRecord[] => {
  const author = participants.find((p) => p.sid === authorSid);
  if (author && isNonChat(author) && isGroupMember(author)) return [];
  return participants.filter((p) => isNonChat(p) && p.sid !== authorSid);
};

type MediaChoice = { body: string | null; media: MessageMedia[]; failure: OutboundDelivery['failure'] };

/**
 * Chat media to a channel: one medium of a supported type under the channel's size limit. A message with
 * several media reaches SMS/WhatsApp as its first deliverable medium and no body (Limits page).
 */
const chooseMedia = (channel: 'sms' | 'whatsapp', body: string | null, media: readonly MessageMedia[]): MediaChoice => {
  if (media.length === 0) return { body, media: [], failure: null };
  const fits = (m: MessageMedia) => CHANNEL_MEDIA_TYPES.includes(m.contentType.toLowerCase()) && m.size <= CHANNEL_MEDIA_BYTES[channel];
  const first = media.find(fits);
  const text = media.length > 1 ? null : body;
  if (first) return { body: text, media: [first], failure: null };
  if (text) return { body: text, media: [], failure: null };
  const tooLarge = media.some((m) => m.size > CHANNEL_MEDIA_BYTES[channel]);
  return {
    body: null,
    media: [],
    failure: {
      status: 'failed',
      errorCode: tooLarge ? DELIVERY_ERROR_CODES.mediaTooLarge : DELIVERY_ERROR_CODES.mediaTypeUnsupported,
      reason: tooLarge ? `media exceeds the ${channel} size limit` : `no media type ${channel} can carry`,
    },
  };
};

type ContentChoice = { body: string | null; content: OutboundDelivery['content']; failure: OutboundDelivery['failure'] };

/** What a message shows on a channel: its body, or its template rendered for the channel. */
const contentFor = (ctx: DomainContext, message: MessageRecord, channel: 'sms' | 'whatsapp'): ContentChoice => {
  if (message.contentSid === null) return { body: message.body, content: null, failure: null };
  const template = ctx.store.get('contents', message.contentSid);
  if (!template) {
    return { body: null, content: null, failure: { status: 'failed', errorCode: DELIVERY_ERROR_CODES.contentNotFound, reason: `no content template ${message.contentSid}` } };
  }
  const rendered = renderContent(template, message.contentVariables, channel);
  if (rendered === null) {
    return {
      body: null,
      content: null,
      failure: { status: 'failed', errorCode: DELIVERY_ERROR_CODES.contentVariablesInvalid, reason: 'ContentVariables is not a JSON object of strings' },
    };
  }
  return { body: rendered.body, content: rendered.content, failure: null };
};

/** Outside the window WhatsApp takes only a template it approved. */
const isApprovedTemplate = (ctx: DomainContext, message: MessageRecord): boolean => {
  const template = message.contentSid === null ? undefined : ctx.store.get('contents', message.contentSid);
  return template !== undefined && whatsappApprovalStatus(template, ctx.clock.now()).status === 'approved';
};

const windowOpen = (ctx: DomainContext, customer: string, sender: string): boolean => {
  const last = ctx.store.state.whatsappSessions[whatsappSessionKey(customer, sender)];
  return last !== undefined && ctx.clock.now() - Date.parse(last) < WHATSAPP_WINDOW_MS;
};

/** The deliveries of a newly added message, in participant order. */
export const planOutbound = (ctx: DomainContext, conversation: ConversationRecord, message: MessageRecord): OutboundDelivery[] => {
  const participants = participantsOf(ctx, conversation.sid);
  const targets = deliveryTargets(participants, message.participantSid);
  if (targets.length === 0) return [];
  const author = participants.find((p) => p.sid === message.participantSid);
  const projected = participants.map((p) => p.messagingBinding?.projectedAddress).filter((a): a is string => Boolean(a));
  // A group message comes from the author's projected address; a system or REST author without one
  // speaks through the conversation's first projected address (the business's number).
  const groupSender = author?.messagingBinding?.projectedAddress ?? projected[0] ?? null;
  const groupAddresses = [
    ...participants.map((p) => (isGroupMember(p) ? p.messagingBinding?.address : null)).filter((a): a is string => Boolean(a)),
    ...projected,
  ];
  return targets.flatMap((p): OutboundDelivery[] => {
    const binding = p.messagingBinding;
    if (!binding?.address) return [];
    const channel = binding.type;
    const to = binding.address;
    const from = binding.proxyAddress ?? groupSender;
    const group = binding.proxyAddress ? null : groupAddresses.filter((a) => a !== from);
    const base = { participantSid: p.sid, channel, from: from ?? '', to, group };
    const failed = (failure: NonNullable<OutboundDelivery['failure']>): OutboundDelivery[] => [{ ...base, body: null, media: [], failure }];
    if (from === null) {
      return failed({ status: 'failed', errorCode: DELIVERY_ERROR_CODES.noSender, reason: 'no projected address to send the group message from' });
    }
    const content = contentFor(ctx, message, channel);
    if (content.failure) return failed(content.failure);
    const chosen = chooseMedia(channel, content.body, message.media ?? []);
    if (chosen.failure) return failed(chosen.failure);
    if (channel === 'whatsapp' && !windowOpen(ctx, to, from) && !isApprovedTemplate(ctx, message)) {
      return failed({
        status: 'failed',
        errorCode: DELIVERY_ERROR_CODES.outsideWhatsAppWindow,
        reason:
          message.contentSid === null
            ? 'outside the 24-hour WhatsApp window; send a template (ContentSid)'
            : 'outside the 24-hour WhatsApp window; the template is not approved for WhatsApp',
      });
    }
    return [{ ...base, body: chosen.body, media: chosen.media, ...(content.content ? { content: content.content } : {}), failure: null }];
  });
};
