import type { ReactNode } from 'react';
import { InboxProvider } from '@/components/inbox/inbox-provider';
import { InboxWorkspace } from '@/components/inbox/inbox-workspace';
import { requireUser } from '@/lib/auth/guard';
import { listTwilioNumbers } from '@/lib/twilio/twilio-numbers';

export default async function InboxLayout({ children }: { children: ReactNode }) {
  await requireUser();
  return (
    <InboxProvider>
      <InboxWorkspace numbers={listTwilioNumbers()}>{children}</InboxWorkspace>
    </InboxProvider>
  );
}
