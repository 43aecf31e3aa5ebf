'use client';

import { type ReactNode, useCallback, useState } from 'react';
import { useLiveContactNames } from '@/components/contacts/use-live-contact-names';
import { InboxKeyboard } from '@/components/keyboard/inbox-keyboard';
import { Button } from '@/components/ui/button';
import type { Role } from '@/lib/auth/roles';
import { ConnectionBanner } from './connection-banner';
import { ConversationMarksProvider } from './conversation-marks-context';
import { ConversationScreen } from './conversation-screen';
import { ConversationList } from './conversation-list';
import { NewConversationDialog } from './new-conversation-dialog';
import { NewGroupTextDialog } from './new-group-text-dialog';
import { StartConversationContext, type StartConversationDraft } from './start-conversation-context';
import { useUnreadDocumentTitle } from './use-document-title';
import { useLiveAssignments } from './use-live-assignments';
import { useNewMessageAlerts } from './use-new-message-alerts';
import { useSelectedConversationSid } from './use-selected-conversation';

/** The inbox screen: connection state on top, the conversation list, and the open conversation. */
type Viewer = { id: string; role: Role };

export function InboxWorkspace({ numbers, viewer, children }: { numbers: string[]; viewer: Viewer; children: ReactNode }) {
  const selectedSid = useSelectedConversationSid();
  const [starting, setStarting] = useState<'conversation' | 'group' | null>(null);
  const [draft, setDraft] = useState<StartConversationDraft | null>(null);
  useLiveContactNames();
  const { permission, requestPermission } = useNewMessageAlerts();
  useUnreadDocumentTitle();
  useLiveAssignments(viewer.id);

  const startWith = useCallback((next: StartConversationDraft) => {
    setDraft(next);
    setStarting('conversation');
  }, []);

  return (
    <ConversationMarksProvider>
    <StartConversationContext.Provider value={startWith}>
      <div className="flex h-full min-h-0 flex-col">
        <ConnectionBanner />
        {/* Phones show the list or the open conversation (the URL says which); wider screens both. */}
        <div className="grid min-h-0 flex-1 grid-cols-1 md:grid-cols-[18rem_1fr] lg:grid-cols-[20rem_1fr]">
          <div className={`min-h-0 min-w-0 ${selectedSid ? 'hidden md:block' : ''}`}>
            <ConversationList
              actions={
                <>
                  {permission === 'default' ? (
                    <Button variant="ghost" className="px-2 text-xs" onClick={() => void requestPermission()}>
                      Enable alerts
                    </Button>
                  ) : null}
                  <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => setStarting('group')}>
                    Group
                  </Button>
                  <Button className="px-2.5 py-1 text-xs" onClick={() => setStarting('conversation')}>
                    New
                  </Button>
                </>
              }
            />
          </div>
          {/* The open conversation follows the URL in the browser (see use-selected-conversation). */}
          <div className={`min-h-0 min-w-0 ${selectedSid ? '' : 'hidden md:block'}`}>{selectedSid ? <ConversationScreen key={selectedSid} sid={selectedSid} viewer={viewer} /> : children}</div>
        </div>
        <NewConversationDialog
          key={draft ? JSON.stringify(draft) : 'new'}
          numbers={numbers}
          initial={draft}
          open={starting === 'conversation'}
          onClose={() => {
            setStarting(null);
            setDraft(null);
          }}
        />
        <NewGroupTextDialog numbers={numbers} open={starting === 'group'} onClose={() => setStarting(null)} />
        <InboxKeyboard role={viewer.role} />
      </div>
    </StartConversationContext.Provider>
    </ConversationMarksProvider>
  );
}
