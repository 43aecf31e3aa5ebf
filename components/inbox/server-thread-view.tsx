'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { Virtuoso } from 'react-virtuoso';
import { Button } from '@/components/ui/button';
import { ApiError, apiFetch } from '@/lib/api/client-fetch';
import { authorName } from '@/lib/inbox/conversation-view';
import { dayLabel, isSameDay } from '@/lib/inbox/format';
import type { ConversationRecord } from '@/lib/inbox/inbox-state';
import { MessageBubble } from './message-bubble';
import { type MessageSource, MessageSourceContext } from './message-source';
import { ThreadHeader } from './thread-header';
import { useNow } from './use-now';
import { useServerThread } from './use-server-thread';

/**
 * A conversation this user does not take part in, read through the app's API: a colleague's
 * (read-only), one waiting in the queue (which an agent may take), or any conversation for a
 * supervisor (who may also write, without joining).
 */
export function ServerThreadView({ sid, viewerRole }: { sid: string; viewerRole: 'AGENT' | 'SUPERVISOR' | 'ADMIN' }) {
  const { conversation, messages, error, refresh } = useServerThread(sid);
  const now = useNow(60_000);
  const source = useMemo<MessageSource>(
    () => ({
      mediaUrl: async (_messageSid, mediaSid) => (await apiFetch<{ url: string }>(`/api/conversations/${sid}/media/${mediaSid}`)).url,
      receipts: async (messageSid) => (await apiFetch<{ receipts: { status: string; errorCode: string | null }[] }>(`/api/conversations/${sid}/messages/${messageSid}/receipts`)).receipts,
    }),
    [sid],
  );

  if (error && !conversation) return <p role="alert" className="p-6 text-sm text-red-700">{error}</p>;
  if (!conversation) return <p role="status" className="p-6 text-sm text-slate-500">Loading the conversation…</p>;

  const record: ConversationRecord = {
    sid,
    friendlyName: conversation.friendlyName,
    switchboard: conversation.switchboard,
    state: conversation.state,
    lastMessageIndex: messages.at(-1)?.index ?? null,
    lastActivityAt: messages.at(-1)?.dateCreated ?? Date.parse(conversation.dateCreated),
    lastReadMessageIndex: null,
    dateCreated: Date.parse(conversation.dateCreated),
  };
  const hasPhones = Boolean(conversation.switchboard?.customer?.address || conversation.switchboard?.members?.length);

  return (
    <MessageSourceContext.Provider value={source}>
      <section aria-label="Conversation" className="flex h-full min-h-0 flex-col bg-slate-50" data-testid="thread" data-mode="read-only">
        <ThreadHeader conversation={record} />
        <div className="min-h-0 flex-1">
          {messages.length === 0 ? (
            <p className="p-6 text-center text-sm text-slate-500">No messages yet.</p>
          ) : (
            <Virtuoso
            style={{ height: '100%' }}
              data={messages}
              initialTopMostItemIndex={{ index: 'LAST', align: 'end' }}
              followOutput="auto"
              alignToBottom
              computeItemKey={(_, message) => message.sid}
              itemContent={(index, message) => (
                <div>
                  {index === 0 || !isSameDay(messages[index - 1]!.dateCreated, message.dateCreated) ? (
                    <div role="separator" className="my-3 text-center text-xs font-medium text-slate-500">{dayLabel(message.dateCreated, now)}</div>
                  ) : null}
                  <MessageBubble
                    message={message}
                    isOwn={false}
                    authorName={authorName(message.author, record, conversation.people)}
                    showsDelivery={hasPhones && !!message.author && !!conversation.people[message.author]}
                    seenBy={[]}
                  />
                </div>
              )}
              aria-label="Messages"
            />
          )}
        </div>
        <ReadOnlyFooter sid={sid} conversation={conversation} viewerRole={viewerRole} onSent={refresh} />
      </section>
    </MessageSourceContext.Provider>
  );
}

function ReadOnlyFooter({
  sid,
  conversation,
  viewerRole,
  onSent,
}: {
  sid: string;
  conversation: NonNullable<ReturnType<typeof useServerThread>['conversation']>;
  viewerRole: string;
  onSent: () => void;
}) {
  const router = useRouter();
  const [body, setBody] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Something went wrong.');
    } finally {
      setPending(false);
    }
  };

  if (conversation.state === 'closed') {
    return <Notice>This conversation is closed.</Notice>;
  }
  if (conversation.canWrite) {
    return (
      <form
        aria-label="Reply"
        className="flex gap-2 border-t border-slate-200 bg-white px-4 py-3"
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            await apiFetch(`/api/conversations/${sid}/messages`, { body: { body } });
            setBody('');
            onSent();
          });
        }}
      >
        <textarea aria-label="Message" rows={1} value={body} onChange={(event) => setBody(event.target.value)} className="flex-1 resize-none rounded-md border border-slate-300 px-3 py-2 text-sm" />
        <Button type="submit" disabled={pending || !body.trim()}>Send</Button>
        {error ? <p role="alert" className="text-xs text-red-700">{error}</p> : null}
      </form>
    );
  }
  return (
    <Notice>
      <span data-testid="read-only-reason">
        {conversation.assignee ? `Assigned to ${conversation.assignee.name}. You can read it but not reply.` : 'Waiting in the queue for an agent.'}
      </span>
      {!conversation.assignee && conversation.queuedAt && viewerRole === 'AGENT' ? (
        <Button
          className="ml-3"
          disabled={pending}
          onClick={() =>
            void run(async () => {
              await apiFetch(`/api/queue/${sid}/take`, { method: 'POST' });
              router.refresh();
            })
          }
        >
          Take it
        </Button>
      ) : null}
      {error ? <span role="alert" className="ml-3 text-red-700">{error}</span> : null}
    </Notice>
  );
}

function Notice({ children }: { children: React.ReactNode }) {
  return (
    <div className="border-t border-slate-200 bg-white px-4 py-3" data-testid="composer-disabled">
      <p className="flex items-center rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-600">{children}</p>
    </div>
  );
}
