import type { TConversationChannel } from '@/lib/conversations/conversation-attributes';
import { describeTitle } from '@/lib/conversations/conversation-descriptor';
import { displayAddress } from '@/lib/conversations/phone-address';
import type { ConversationRecord } from '@/lib/conversations/view-records';

// How a conversation is named and counted in the list, the thread header and the title.

export function conversationChannel(conversation: ConversationRecord): TConversationChannel {
  return conversation.switchboard?.channel ?? 'chat';
}

export function conversationTitle(conversation: ConversationRecord): string {
  return describeTitle(conversation.switchboard, conversation.friendlyName);
}

/** Messages after the read horizon (indices are sequential; gaps from deletions are rare). */
export function unreadCount(conversation: ConversationRecord): number {
  if (conversation.lastMessageIndex === null) return 0;
  const read = conversation.lastReadMessageIndex ?? -1;
  return Math.max(0, conversation.lastMessageIndex - read);
}

/** The name to show for a message author: agents by their Twilio user name, customers by name or number. */
export function authorName(author: string | null, conversation: ConversationRecord | undefined, userNames: Record<string, string>): string {
  if (!author) return 'System';
  if (userNames[author]) return userNames[author];
  const customer = conversation?.switchboard?.customer;
  if (customer?.address && author === customer.address) return customer.name || displayAddress(author);
  if (author.startsWith('+') || author.startsWith('whatsapp:')) return displayAddress(author);
  return author;
}

/**
 * A message from an SMS/WhatsApp person (its author is their address). Their messages have no
 * delivery to show; everyone else's (the agent's, a supervisor's, the system's) do, so a failed
 * delivery reaches the owner's thread with Twilio's reason.
 */
export function isPhoneAuthor(author: string | null): boolean {
  return Boolean(author && (author.startsWith('+') || author.startsWith('whatsapp:')));
}
