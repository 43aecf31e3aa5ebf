import type { TConversationChannel } from '@/lib/conversations/conversation-attributes';
import type { ConversationChannel } from '@/lib/db/generated/enums';

// The index stores channels as a database enum (SMS…), attributes and the UI use sms…; both ways here.
const FROM_INDEX: Record<ConversationChannel, TConversationChannel> = { SMS: 'sms', WHATSAPP: 'whatsapp', CHAT: 'chat', GROUP: 'group' };

export function attributeChannel(channel: ConversationChannel): TConversationChannel {
  return FROM_INDEX[channel];
}

export function indexChannel(channel: TConversationChannel): ConversationChannel {
  return channel.toUpperCase() as ConversationChannel;
}

/** A message author that is a phone (SMS/WhatsApp) rather than a chat identity: the customer. */
export function isPhoneAuthor(author: string | null | undefined): boolean {
  return Boolean(author && (/^\+\d{6,15}$/.test(author) || author.startsWith('whatsapp:')));
}
