import { conversationTitle } from '@/lib/inbox/conversation-view';
import type { ThreadRecord } from '@/lib/inbox/inbox-state';
import type { ConversationRecord, Preview } from '@/lib/conversations/view-records';

export type InboxTab = 'open' | 'snoozed' | 'closed' | 'queue';

/** The list's rows: the tab's conversations matching the search, most recent activity first (Open and Snoozed: every open one, split by the caller). */
export function filterConversations(
  conversations: Record<string, ConversationRecord>,
  previews: Record<string, Preview>,
  threads: Record<string, ThreadRecord>,
  tab: InboxTab,
  query: string,
): ConversationRecord[] {
  const needle = query.trim().toLowerCase();
  const digits = needle.replace(/[^\d]/g, '');
  const matches = (conversation: ConversationRecord) => {
    if (!needle) return true;
    const customer = conversation.switchboard?.customer;
    const haystack = [conversationTitle(conversation), conversation.friendlyName, customer?.name, customer?.address, previews[conversation.sid]?.body]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    if (haystack.includes(needle)) return true;
    // "555 867" finds +15558675310.
    if (digits.length >= 3 && (customer?.address ?? '').replace(/[^\d]/g, '').includes(digits)) return true;
    return threads[conversation.sid]?.messages.some((message) => message.body?.toLowerCase().includes(needle)) ?? false;
  };
  return Object.values(conversations)
    .filter((conversation) => (tab === 'closed') === (conversation.state === 'closed') && matches(conversation))
    // Twilio's timestamps have one-second precision: ties are common, so break them stably.
    .sort((a, b) => b.lastActivityAt - a.lastActivityAt || (b.dateCreated ?? 0) - (a.dateCreated ?? 0) || a.sid.localeCompare(b.sid));
}
