import type { MessageMedia } from '../store/records';

/**
 * What an inbound SMS/WhatsApp message that autocreates a conversation carried. It travels with the
 * `onConversationAdd` pre-action request and the `conversation.added` event, so webhooks can fill
 * `MessagingBinding.*`, `MessageBody` and `Media` as the Inbound Autocreation page describes.
 */
export type InboundSummary = {
  channel: 'sms' | 'whatsapp';
  /** The customer who sent it. */
  authorAddress: string;
  /** 1:1: the Twilio number it was sent to; null for a group MMS. */
  proxyAddress: string | null;
  /** Group MMS: every customer address in the group (the author included); 1:1: just the author. */
  addresses: string[];
  /** Group MMS: the Twilio numbers in the group, which become projected addresses. */
  projectedAddresses: string[];
  body: string | null;
  media: MessageMedia[];
};
