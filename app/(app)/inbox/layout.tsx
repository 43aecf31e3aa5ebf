import type { ReactNode } from 'react';
import { preload } from 'react-dom';
import { InboxProvider } from '@/components/inbox/inbox-provider';
import { InboxWorkspace } from '@/components/inbox/inbox-workspace';
import { requireUser } from '@/lib/auth/guard';
import { listTwilioNumbers } from '@/lib/twilio/twilio-numbers';

export default async function InboxLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  // The browser fetches the list while it is still loading the page's scripts.
  preload('/api/me/conversations', { as: 'fetch', crossOrigin: 'anonymous' });
  return (
    <InboxProvider>
      <InboxWorkspace numbers={listTwilioNumbers()} viewer={{ id: user.id, role: user.role }}>
        {children}
      </InboxWorkspace>
    </InboxProvider>
  );
}
