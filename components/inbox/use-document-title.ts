'use client';

import { useEffect, useMemo } from 'react';
import { unreadCount } from '@/lib/inbox/conversation-view';
import { useInbox } from './inbox-context';

/** "(3) Switchboard": unread messages across open conversations, in the tab title. */
export function useUnreadDocumentTitle(): void {
  const conversations = useInbox((state) => state.conversations);
  const total = useMemo(
    () => Object.values(conversations).reduce((sum, conversation) => sum + (conversation.state === 'closed' ? 0 : unreadCount(conversation)), 0),
    [conversations],
  );
  useEffect(() => {
    document.title = total > 0 ? `(${total}) Switchboard` : 'Switchboard';
  }, [total]);
}
