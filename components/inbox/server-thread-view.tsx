'use client';

import { useMemo, useState } from 'react';
import { Virtuoso } from 'react-virtuoso';
import { CollisionNotice } from '@/components/collision/collision-notice';
import { usePresenceReporter } from '@/components/collision/use-viewers';
import { useNotes } from '@/components/notes/use-notes';
import { useConversationCommands } from '@/components/keyboard/inbox-commands';
import { TransferDialog } from '@/components/transfers/transfer-dialog';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/use-action';
import { apiFetch } from '@/lib/api/client-fetch';
import { withRetryAfter } from '@/lib/api/retry-after';
import { isSupervisorRole, type Role } from '@/lib/auth/roles';
import type { ConversationForViewer } from '@/lib/conversations/read-conversation';
import { authorName, conversationChannel, isPhoneAuthor } from '@/lib/inbox/conversation-view';
import { buildConversationRecord } from '@/lib/conversations/conversation-descriptor';
import { ContactPanel } from '@/components/contacts/contact-panel';
import { Composer } from './composer';
import { MessageBubble } from './message-bubble';
import { type MessageSource, MessageSourceContext } from './message-source';
import { ThreadHeader } from './thread-header';
import { ThreadRowView } from './thread-row-view';
import { buildThreadRows } from './thread-rows';
import { useNow } from './use-now';
import { useServerThread } from './use-server-thread';
import { WhatsAppComposerGate } from './whatsapp-composer-gate';

// Read horizons are not shown here: this viewer is no participant.
const NO_READERS: string[] = [];

type Props = { sid: string; viewer: { id: string; role: Role } };

/**
 * A conversation this user does not take part in, read through the app's API: a colleague's
 * (read-only), one waiting in the queue (which an agent may take), or any conversation for a
 * supervisor monitoring it — who may also write, add notes and transfer, without joining.
 */
export function ServerThreadView({ sid, viewer }: Props) {
  const { conversation, messages, hasOlder, error, refresh } = useServerThread(sid);
  const { notes, addNote } = useNotes(sid);
  const { onTyping } = usePresenceReporter(sid);
  const now = useNow(60_000);
  const [transferring, setTransferring] = useState(false);
  const [retryNotice, setRetryNotice] = useState<string | null>(null);
  // `t`: a supervisor monitoring an open conversation may transfer it (the button below).
  useConversationCommands((command) => {
    if (command === 'transfer' && isSupervisorRole(viewer.role) && conversation && conversation.state !== 'closed') setTransferring(true);
  });
  const source = useMemo<MessageSource>(
    () => ({
      // The server streams the content with its own credentials: the URL is the app's, and stays valid.
      mediaUrl: async (_messageSid, mediaSid) => `/api/conversations/${sid}/media/${mediaSid}`,
      receipts: async (messageSid) => (await apiFetch<{ receipts: { status: string; errorCode: string | null }[] }>(`/api/conversations/${sid}/messages/${messageSid}/receipts`)).receipts,
    }),
    [sid],
  );
  const rows = useMemo(() => buildThreadRows({ messages, pending: [], notes, hasOlder }), [messages, hasOlder, notes]);

  if (error && !conversation) return <p role="alert" className="p-6 text-sm text-red-700">{error}</p>;
  if (!conversation) return <p role="status" className="p-6 text-sm text-slate-500">Loading the conversation…</p>;

  const record = buildConversationRecord({
    sid,
    friendlyName: conversation.friendlyName,
    descriptor: conversation.switchboard,
    state: conversation.state,
    lastMessageIndex: messages.at(-1)?.index ?? null,
    lastActivityAt: messages.at(-1)?.dateCreated ?? Date.parse(conversation.dateCreated),
    dateCreated: Date.parse(conversation.dateCreated),
  });
  const isSupervisor = isSupervisorRole(viewer.role);
  const hasPhones = conversationChannel(record) !== 'chat';

  return (
    <MessageSourceContext.Provider value={source}>
      <div className="grid h-full min-h-0 grid-cols-1 lg:grid-cols-[1fr_18rem]">
        <section aria-label="Conversation" className="flex h-full min-h-0 flex-col bg-slate-50" data-testid="thread" data-mode="server">
          <div className="flex items-center border-b border-slate-200 bg-white pr-3">
            <div className="min-w-0 flex-1 [&>header]:border-0">
              <ThreadHeader conversation={record} />
            </div>
            <span className="mr-3 text-xs text-slate-500" data-testid="assignee-label">
              {conversation.assignee ? `Assigned to ${conversation.assignee.name}` : conversation.queuedAt ? 'In the queue' : ''}
            </span>
            {isSupervisor && conversation.state !== 'closed' ? (
              <Button variant="secondary" onClick={() => setTransferring(true)}>Transfer</Button>
            ) : null}
          </div>
          <CollisionNotice conversationSid={sid} selfId={viewer.id} />
          <div className="min-h-0 flex-1">
            {rows.length === 0 ? (
              <p className="p-6 text-center text-sm text-slate-500">No messages yet.</p>
            ) : (
              <Virtuoso
                style={{ height: '100%' }}
                data={rows}
                initialTopMostItemIndex={{ index: 'LAST', align: 'end' }}
                followOutput="auto"
                alignToBottom
                computeItemKey={(_, row) => row.key}
                itemContent={(_, row) => (
                  <ThreadRowView row={row} now={now}>
                    {row.kind === 'message' ? (
                      <MessageBubble
                        message={row.message}
                        isOwn={row.message.author === viewer.id}
                        authorName={authorName(row.message.author, record, conversation.people)}
                        showsDelivery={hasPhones && !isPhoneAuthor(row.message.author)}
                        seenBy={NO_READERS}
                      />
                    ) : null}
                  </ThreadRowView>
                )}
                aria-label="Messages"
              />
            )}
          </div>
          {retryNotice ? (
            <p role="status" className="border-t border-amber-200 bg-amber-50 px-4 py-1 text-xs text-amber-900" data-testid="send-retry-notice">
              {retryNotice}
            </p>
          ) : null}
          {conversation.canWrite ? (
            <WhatsAppComposerGate
              sid={sid}
              channel={conversationChannel(record)}
              closed={conversation.state === 'closed'}
              messages={messages}
              customerAddress={conversation.switchboard?.customer?.address ?? null}
              customerName={conversation.switchboard?.customer?.name ?? null}
              agentName={conversation.people[viewer.id] ?? null}
            >
              {(replyBlockedReason) => (
                <Composer
                  replyBlockedReason={replyBlockedReason}
                  channel={conversationChannel(record)}
                  closed={conversation.state === 'closed'}
                  files={[]}
                  onFilesChange={() => undefined}
                  allowAttachments={false}
                  onSend={(body) =>
                    // Twilio busy (503 + Retry-After): sent again when the server says, not lost.
                    withRetryAfter(() => apiFetch(`/api/conversations/${sid}/messages`, { body: { body } }), {
                      onWait: (seconds) => setRetryNotice(`Twilio is busy: sending again in ${seconds} s…`),
                    })
                      .then(refresh)
                      .finally(() => setRetryNotice(null))
                  }
                  onAddNote={addNote}
                  onTyping={onTyping}
                  variables={{ 'contact.name': record.switchboard?.customer?.name, 'agent.name': conversation.people[viewer.id] }}
                />
              )}
            </WhatsAppComposerGate>
          ) : (
            <ReadOnlyFooter sid={sid} conversation={conversation} viewerRole={viewer.role} />
          )}
        </section>
        {/* The person and their history, for whoever may see them (lib/contacts/contact-access). */}
        <aside aria-label="Customer" className="hidden min-h-0 overflow-y-auto border-l border-slate-200 bg-white p-4 text-sm lg:block">
          <ContactPanel conversationSid={sid} emptyText="No customer record to show for this conversation." />
        </aside>
      </div>
      {transferring ? (
        <TransferDialog
          conversationSid={sid}
          currentAssigneeId={conversation.assignee?.id ?? null}
          viewerId={viewer.id}
          onClose={() => setTransferring(false)}
          onTransferred={refresh}
        />
      ) : null}
    </MessageSourceContext.Provider>
  );
}

type FooterProps = { sid: string; conversation: ConversationForViewer; viewerRole: Role };

function ReadOnlyFooter({ sid, conversation, viewerRole }: FooterProps) {
  // Taken: the page reloads as the new assignee's.
  const { run, pending, error } = useAction({ fallback: 'Could not take it.', refreshAfter: true });
  const canTake = !conversation.assignee && conversation.queuedAt && viewerRole === 'AGENT' && conversation.state !== 'closed';
  const reason =
    conversation.state === 'closed'
      ? 'This conversation is closed.'
      : conversation.assignee
        ? `Assigned to ${conversation.assignee.name}. You can read it but not reply.`
        : 'Waiting in the queue for an agent.';
  return (
    <div className="border-t border-slate-200 bg-white px-4 py-3" data-testid="composer-disabled">
      <p className="flex items-center rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-600">
        <span data-testid="read-only-reason">{reason}</span>
        {canTake ? (
          <Button
            className="ml-3"
            disabled={pending}
            onClick={() => void run(() => apiFetch(`/api/queue/${sid}/take`, { method: 'POST' }))}
          >
            Take it
          </Button>
        ) : null}
        {error ? <span role="alert" className="ml-3 text-red-700">{error}</span> : null}
      </p>
    </div>
  );
}
