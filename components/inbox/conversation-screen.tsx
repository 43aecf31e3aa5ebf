'use client';

import { useEffect } from 'react';
import type { Role } from '@/lib/auth/roles';
import { ConversationMobileBar } from './conversation-mobile-bar';
import { DetailsPanel } from './details-panel';
import { useInbox, useInboxController } from './inbox-context';
import { ServerThreadView } from './server-thread-view';
import { ThreadView } from './thread-view';

/**
 * A conversation the agent takes part in is live through the SDK; any other one they may
 * read comes from the app's API, read-only unless they may write in it.
 */
export function ConversationScreen({ sid, viewer }: { sid: string; viewer: { id: string; role: Role } }) {
  const controller = useInboxController();
  const record = useInbox((state) => state.conversations[sid]);
  const ready = useInbox((state) => state.ready);
  const isParticipant = Boolean(record && !record.provisional);
  const isProvisional = Boolean(record?.provisional);
  useEffect(() => {
    if (isProvisional && ready) void controller.ensureConversation(sid).catch(() => undefined);
  }, [controller, sid, isProvisional, ready]);
  if (isProvisional || (!isParticipant && !ready)) {
    return <div role="status" className="flex h-full items-center justify-center text-sm text-slate-500">Opening the conversation…</div>;
  }
  if (!isParticipant) {
    return (
      <div className="flex h-full min-h-0 flex-col">
        <ConversationMobileBar sid={sid} hasDetails={false} />
        <div className="min-h-0 flex-1">
          <ServerThreadView key={sid} sid={sid} viewer={viewer} />
        </div>
      </div>
    );
  }
  return (
    <div className="flex h-full min-h-0 flex-col">
      <ConversationMobileBar sid={sid} hasDetails />
      <div className="grid min-h-0 flex-1 grid-cols-1 lg:grid-cols-[1fr_18rem]">
        <ThreadView key={sid} sid={sid} />
        <div className="hidden min-h-0 lg:block">
          <DetailsPanel sid={sid} />
        </div>
      </div>
    </div>
  );
}
